// A browser on a profile kept on disk, and a way to kill it the way a power cut or the task
// manager would: SIGKILL, no chance to flush or say goodbye.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { chromiumArgs, chromiumPath, e2eBaseUrl } from '../../playwright.config';

export function launchProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    baseURL: e2eBaseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
}

/**
 * Playwright gives no pid for a persistent context, so find the browser process by its
 * profile: the one process with this --user-data-dir that is not a child (--type=renderer …).
 */
export function browserPid(profile: string): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (
      args.includes(`--user-data-dir=${profile}`) &&
      !args.some((arg) => arg.startsWith('--type='))
    ) {
      return Number(name);
    }
  }
  return null;
}

/** Kills the browser and its children at once, then waits until Playwright has noticed. */
export async function killBrowser(context: BrowserContext, profile: string): Promise<void> {
  const pid = browserPid(profile);
  if (pid === null) throw new Error(`No browser process found for ${profile}`);
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  try {
    // Playwright starts the browser as the leader of its own process group.
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  await closed;
}

/** A value of the app's settings table, read straight from IndexedDB. */
export function readSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (settingKey) =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open('sohoa');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('settings').objectStore('settings').get(settingKey);
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { value?: unknown } | undefined)?.value);
          };
          read.onerror = () => reject(read.error ?? new Error('read failed'));
        };
      }),
    key,
  );
}

/** How many rows each table holds: opening the database this way also proves it opens. */
export function countRows(page: Page, tables: string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('sohoa');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => {
              counts[name] = count.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error ?? new Error('count failed'));
        };
      }),
    tables,
  );
}
