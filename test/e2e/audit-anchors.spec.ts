// The audit log's hash chain finds an event edited in place; a backup or an export also marks
// where the chain stood, outside the database, so a log cut short, cleared or rewritten from
// start to end with fresh hashes is found too.
import { expect, test, type Page } from '@playwright/test';
import { pressAndDownload, typeEntry } from './backup-model';
import { BooksScreen, Officers, Workspace } from './models';

type Tampering = 'drop-last-5' | 'clear' | 'rewrite' | 'swap';

/**
 * Changes the audit log behind the app's back, as someone with the browser's developer tools
 * could: and where they rewrite, they recompute every hash so the chain itself still holds.
 * Returns the log as it was, to put back afterwards.
 */
async function tamper(page: Page, how: Tampering): Promise<unknown[]> {
  return page.evaluate(async (how) => {
    type Event = Record<string, unknown> & { seq: number; prevHash: string; hash: string };
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    const db = await done(indexedDB.open('sohoa'));
    const original = (await done(db.transaction('audit').objectStore('audit').getAll())) as Event[];
    const hex = (bytes: ArrayBuffer) =>
      [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
    // The app's own recipe (renderer/db/audit-chain.ts), which anyone can read.
    const hashOf = async (event: Event, prevHash: string) =>
      hex(
        await crypto.subtle.digest(
          'SHA-256',
          new TextEncoder().encode(
            JSON.stringify([
              prevHash,
              event.at,
              event.entity,
              event.entityId,
              event.action,
              event.field ?? null,
              event.oldValue ?? null,
              event.newValue ?? null,
              event.by,
              event.reason ?? null,
              ...(event.pc === undefined ? [] : [event.pc]),
            ]),
          ),
        ),
      );
    let rows: Event[] = original.map((event) => ({ ...event }));
    if (how === 'drop-last-5') rows = rows.slice(0, -5);
    if (how === 'clear') rows = [];
    if (how === 'rewrite') rows[2] = { ...rows[2]!, newValue: 'Nguyễn Văn Khác' };
    if (how === 'swap') {
      const [second, fourth] = [rows[1]!, rows[3]!];
      rows[1] = { ...fourth, seq: second.seq };
      rows[3] = { ...second, seq: fourth.seq };
    }
    if (how === 'rewrite' || how === 'swap') {
      let prevHash = '0'.repeat(64);
      for (const event of rows) {
        event.prevHash = prevHash;
        event.hash = await hashOf(event, prevHash);
        prevHash = event.hash;
      }
    }
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    store.clear();
    for (const event of rows) store.put(event);
    await new Promise<void>((resolve, reject) => {
      store.transaction.oncomplete = () => resolve();
      store.transaction.onerror = () => reject(new Error('audit not written'));
    });
    db.close();
    return original;
  }, how);
}

async function putBack(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('database not opened'));
    });
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    store.clear();
    for (const row of rows) store.put(row);
    await new Promise<void>((resolve) => (store.transaction.oncomplete = () => resolve()));
    db.close();
  }, rows);
}

async function checkAudit(page: Page): Promise<string> {
  const officers = new Officers(page);
  const admin = await officers.openAdmin();
  await admin.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  const status = admin.getByRole('status').filter({ hasText: /Nhật ký/ });
  await expect(status).toBeVisible();
  const text = (await status.textContent()) ?? '';
  await officers.closeAdmin();
  return text;
}

test('after a backup, the audit check finds a log cut short, cleared, rewritten or reordered, and an approval set behind its back', async ({
  page,
}) => {
  const books = new BooksScreen(page);
  await books.createBookFresh();
  await typeEntry(page, [
    ['Họ tên người được khai sinh', 'Lò Văn Một'],
    ['Nơi sinh', 'Trạm y tế xã An Nhơn'],
  ]);
  await books.open();
  await pressAndDownload(page, 'Sao lưu');
  await expect(page.getByRole('status').filter({ hasText: /^Đã sao lưu/ })).toBeVisible();

  expect(await checkAudit(page)).toMatch(
    /^Nhật ký toàn vẹn \(\d+ sự kiện\) Khớp với 1 mốc đã ghi khi xuất sổ, sao lưu/,
  );

  const expected: [Tampering, RegExp][] = [
    [
      'drop-last-5',
      /^Nhật ký thiếu \d+ sự kiện cuối: lúc sao lưu .* nhật ký có \d+ sự kiện, nay chỉ còn \d+/,
    ],
    ['clear', /^Nhật ký đã bị xóa hết: lúc sao lưu .*nay không còn sự kiện nào/],
    ['rewrite', /^Nhật ký đã bị viết lại: \d+ sự kiện đầu không còn khớp với mốc ghi lúc sao lưu/],
    ['swap', /^Nhật ký đã bị viết lại/],
  ];
  for (const [how, message] of expected) {
    const original = await tamper(page, how);
    expect(await checkAudit(page), how).toMatch(message);
    await putBack(page, original);
    expect(await checkAudit(page), `${how}, put back`).toMatch(/^Nhật ký toàn vẹn/);
  }

  // An entry set to approved straight in the database has no approval in the log.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('database not opened'));
    });
    const store = db.transaction('records', 'readwrite').objectStore('records');
    const request = store.getAll();
    await new Promise<void>((resolve) => {
      request.onsuccess = () => {
        for (const record of request.result as Record<string, unknown>[])
          store.put({ ...record, status: 'approved' });
        store.transaction.oncomplete = () => resolve();
      };
    });
    db.close();
  });
  const admin = await new Officers(page).openAdmin();
  await admin.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  await expect(admin.getByRole('alert').filter({ hasText: /phê duyệt/ })).toHaveText(
    /^1 trường hợp ghi là đã phê duyệt mà nhật ký không có sự kiện phê duyệt: số 1\. /,
  );
  // The export holds it back, saying why.
  await new Officers(page).closeAdmin();
  await page.getByRole('link', { name: /01\/2008/ }).click();
  await new Workspace(page).pressButton('Xuất sổ');
  await expect(
    page.getByRole('alert').filter({
      hasText:
        '1 trường hợp ghi là đã phê duyệt nhưng nhật ký không có sự kiện phê duyệt, nên không được xuất: số 1.',
    }),
  ).toBeVisible();
});
