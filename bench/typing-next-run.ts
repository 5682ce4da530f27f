// `npx tsx bench/typing-next-run.ts [port] [typed entries]`: only the save-and-open-next part of `npm run bench`
// (a minute instead of eight), for working on that path. Prints p50/p95 of the samples.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { chromiumArgs } from '../playwright.config';
import { benchSaveAndNext, benchTyping } from './typing-bench';

const root = join(__dirname, '..');
const port = Number(process.argv[2] ?? 5197);
// `npm run bench` types the 50-entry script first; 2 is enough to seed from, and quicker.
const typed = Number(process.argv[3] ?? 2);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const outDir = join(__dirname, '.fixtures', 'app-next');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const profiling = process.env.PROFILE === '1';
  const args = ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  const built = spawn(vite, profiling ? [...args, '--minify', 'false'] : args, {
    cwd: root,
    stdio: 'inherit',
  });
  if ((await new Promise((resolve) => built.on('close', resolve))) !== 0) {
    throw new Error('app build failed');
  }
  const server = spawn(
    vite,
    ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(port))) resolve();
    });
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await benchTyping(page, `http://127.0.0.1:${port}`, typed);
    const cdp = profiling ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const next = await benchSaveAndNext(page, 10_000, 30, async () => {
      await cdp?.send('Profiler.start');
    });
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(join(__dirname, '.fixtures', 'next.cpuprofile'), JSON.stringify(profile));
    }
    console.log(
      JSON.stringify({
        p50: percentile(next, 50),
        p95: percentile(next, 95),
        samples: next.map((ms) => Math.round(ms)),
      }),
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
