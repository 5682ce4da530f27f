// A browser on a profile kept on disk, and a way to kill it the way a power cut or the task
// manager would: SIGKILL, no chance to flush or say goodbye.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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

interface ProcessInfo {
  pid: number;
  groupId: number;
  isZombie: boolean;
  args: string[];
}

/** Every live process on the machine, read from /proc (Linux, where the suite runs). */
function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid pgrp …": comm may hold spaces, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.push({
        pid: Number(name),
        groupId: Number(fields[2]),
        isZombie: fields[0] === 'Z' || fields[0] === 'X',
        args: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'),
      });
    } catch {
      continue; // exited meanwhile
    }
  }
  return processes;
}

/**
 * Playwright gives no pid for a persistent context, so find the browser process by its
 * profile: the one process with this --user-data-dir that is not a child (--type=renderer …).
 */
export function browserPid(profile: string): number | null {
  const browser = listProcesses().find(
    (info) =>
      info.args.includes(`--user-data-dir=${profile}`) &&
      !info.args.some((arg) => arg.startsWith('--type=')),
  );
  return browser?.pid ?? null;
}

/** The browser's process group and anything else still running on this profile. */
function profileProcesses(profile: string, groupId: number): ProcessInfo[] {
  return listProcesses().filter(
    (info) =>
      !info.isZombie &&
      (info.groupId === groupId || info.args.some((arg) => arg === `--user-data-dir=${profile}`)),
  );
}

/**
 * Kills the browser and all its processes at once, then waits until none of them is left
 * (a child still alive could write into the profile the next launch opens) and until
 * Playwright has noticed.
 */
export async function killBrowser(context: BrowserContext, profile: string): Promise<void> {
  const pid = browserPid(profile);
  if (pid === null) throw new Error(`No browser process found for ${profile}`);
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  // Playwright starts the browser as the leader of its own process group. A process in
  // uninterruptible sleep takes a moment to die, so wait for it, but not forever.
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const left = profileProcesses(profile, pid);
    if (left.length === 0) break;
    if (Date.now() > giveUpAt) {
      throw new Error(`Browser processes ${left.map((info) => info.pid).join(', ')} survived`);
    }
    for (const info of left) {
      try {
        process.kill(info.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await closed;
}

/**
 * Removes a profile folder. A browser that was just killed can leave the kernel a moment to
 * reap its files, so removal is retried; a folder that still cannot go is left in the
 * temporary folder with a note, never failing the test that used it.
 */
export async function removeProfile(profile: string): Promise<void> {
  try {
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not remove ${profile}: ${String(error)}`);
  }
}

/** What this PC remembers (its own settings table), keys from `lower` to `upper`, from IndexedDB. */
function readSettingsBetween(page: Page, lower: string, upper: string): Promise<unknown[]> {
  return page.evaluate(
    ([from, to]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('sohoa');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const range = IDBKeyRange.bound(from, to);
          const read = db.transaction('localSettings').objectStore('localSettings').getAll(range);
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { value?: unknown }[]).map((row) => row.value));
          };
          read.onerror = () => reject(read.error ?? new Error('read failed'));
        };
      }),
    [lower, upper] as const,
  );
}

/** A value this PC remembers (the screen, a field, the viewer), read straight from IndexedDB. */
export async function readSetting(page: Page, key: string): Promise<unknown> {
  return (await readSettingsBetween(page, key, key))[0];
}

/** Every value this PC remembers whose key starts with the prefix. */
export function readSettingsStartingWith(page: Page, prefix: string): Promise<unknown[]> {
  return readSettingsBetween(page, prefix, `${prefix}\uffff`);
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
