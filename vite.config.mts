import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const DEV_PORT = 5173;
const SHIPPED_CONNECT_SRC = "connect-src 'self' blob: data:";

/**
 * The dev server reloads the page over a WebSocket. Only `npm run web` may open it: the page
 * that is built and shipped keeps the policy of renderer/index.html.
 */
function allowDevServerSocket(): Plugin {
  return {
    name: 'sohoa-dev-server-socket',
    apply: 'serve',
    transformIndexHtml(html, { server }) {
      if (!html.includes(SHIPPED_CONNECT_SRC)) {
        throw new Error(`renderer/index.html has no "${SHIPPED_CONNECT_SRC}" to extend`);
      }
      const port = server?.config.server.port ?? DEV_PORT;
      return html.replace(SHIPPED_CONNECT_SRC, `${SHIPPED_CONNECT_SRC} ws://localhost:${port}`);
    },
  };
}

// The renderer is served from app://sohoa/ in the desktop shell and from a plain origin in
// the browser: relative asset paths work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), allowDevServerSocket()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: {
    format: 'es',
  },
  server: {
    port: DEV_PORT,
    strictPort: true,
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
});
