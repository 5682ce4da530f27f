// A small JSON file in the app data folder, replaced whole: written to a temp file beside it,
// then renamed over it, so a crash or a full disk leaves the old file or the new one, never half.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface JsonFile {
  /** The parsed content; null when the file is missing or not JSON. */
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

export function createJsonFile(filePath: string): JsonFile {
  return {
    async read() {
      try {
        return JSON.parse(await fs.readFile(filePath, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
    async write(value) {
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      const temp = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await fs.open(temp, 'w');
        try {
          await handle.writeFile(JSON.stringify(value));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, filePath);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
  };
}
