// What the backup and work-package screens look like to an officer, plus a look straight into
// the app's IndexedDB to compare what was saved, field by field and scan by scan (SHA-256).
import { expect, type Download, type Page } from '@playwright/test';
import { Workspace } from './models';

export interface SavedState {
  books: Record<string, unknown>[];
  records: Record<string, unknown>[];
  pages: Record<string, unknown>[];
  scans: { id: string; fileName: string; size: number; sha256: string }[];
}

/** Everything the officer typed and imported, as stored, sorted by id. */
export function readSavedState(page: Page): Promise<SavedState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const byId = <T extends { id: string }>(rows: T[]) =>
      rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const scans = [];
    for (const scan of await all<{ id: string; fileName: string; blob: Blob }>('scans')) {
      const digest = await crypto.subtle.digest('SHA-256', await scan.blob.arrayBuffer());
      scans.push({
        id: scan.id,
        fileName: scan.fileName,
        size: scan.blob.size,
        sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
      });
    }
    const state = {
      books: byId(await all<{ id: string }>('books')),
      records: byId(await all<{ id: string }>('records')),
      pages: byId(await all<{ id: string }>('pages')),
      scans: byId(scans),
    };
    db.close();
    return state;
  });
}

/** Adds an entry with the given values, each saved before the next. */
export async function typeEntry(page: Page, values: [string, string][]): Promise<void> {
  const workspace = new Workspace(page);
  await workspace.pressButton('Thêm trường hợp');
  await expect(workspace.field('Số')).toBeVisible();
  for (const [label, value] of values) {
    await workspace.field(label).fill(value);
    await workspace.field(label).press('Tab');
  }
  await workspace.expectSaved();
}

/** Opens the entry listed under `name` in the book's entry list and changes one field. */
export async function editEntry(page: Page, name: string, label: string, value: string) {
  const workspace = new Workspace(page);
  await page
    .getByRole('grid')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name, exact: true }) })
    .click();
  await workspace.field(label).fill(value);
  await workspace.field(label).press('Tab');
  await workspace.expectSaved();
  await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
}

export async function pressAndDownload(page: Page, button: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  return download;
}

/** Picks a file through a hidden file input opened by a button. */
export async function chooseFile(page: Page, button: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(path);
}
