// Exporting a book the way an officer sees it: only entries submitted (the book allows it) or
// approved go; what blocks the export, each problem opening its entry; a bundle written into a folder, read back and listed in the history with its
// SHA-256; and a cancel mid-way that leaves no file under the final name. The folder picker is
// stood in for by the browser's private file system (no test can click a native dialog),
// optionally slowed down like a USB stick.
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readZip } from './files';
import { BooksScreen, Workspace } from './models';
import { submitAllForExport } from './review-model';

/** Runs in the page before the app: showDirectoryPicker answers with the private file system. */
function stubFolderPicker({ delayMs }: { delayMs: number }): void {
  const pause = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  const wrapFile = (handle: FileSystemFileHandle) => ({
    kind: 'file',
    name: handle.name,
    getFile: () => handle.getFile(),
    move: (name: string) => (handle as unknown as { move(n: string): Promise<void> }).move(name),
    createWritable: async () => {
      const writable = await handle.createWritable();
      return {
        write: async (data: BufferSource) => {
          await pause();
          await writable.write(data);
        },
        close: () => writable.close(),
        abort: () => writable.abort(),
      };
    },
  });
  const wrapFolder = (handle: FileSystemDirectoryHandle): unknown => ({
    kind: 'directory',
    name: handle.name || 'Tài liệu',
    getDirectoryHandle: async (name: string, options?: FileSystemGetDirectoryOptions) =>
      wrapFolder(await handle.getDirectoryHandle(name, options)),
    getFileHandle: async (name: string, options?: FileSystemGetFileOptions) =>
      wrapFile(await handle.getFileHandle(name, options)),
    removeEntry: (name: string, options?: FileSystemRemoveOptions) =>
      handle.removeEntry(name, options),
  });
  Object.assign(window, {
    showDirectoryPicker: async () => wrapFolder(await navigator.storage.getDirectory()),
  });
}

/** Every file in the private file system, as folder/name. */
async function listFolder(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    const walk = async (folder: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (
        folder as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        if (handle.kind === 'directory') {
          await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        } else {
          found.push(`${prefix}${name}`);
        }
      }
    };
    await walk(await navigator.storage.getDirectory(), '');
    return found.sort();
  });
}

async function readFromFolder(page: Page, path: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (path) => {
    const parts = path.split('/');
    let folder = await navigator.storage.getDirectory();
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    const file = await (await folder.getFileHandle(parts.at(-1) ?? '')).getFile();
    return [...new Uint8Array(await file.arrayBuffer())];
  }, path);
  return Buffer.from(bytes);
}

async function typeValidEntry(
  page: Page,
  workspace: Workspace,
  name = 'Nguyễn Văn An',
  so = '1',
): Promise<void> {
  await workspace.pressButton('Thêm trường hợp');
  // Filling waits for the new entry's form, or it would land in the one still open.
  await expect(page.getByRole('form', { name: `Trường hợp số ${so}` })).toBeVisible();
  const values: [string, string][] = [
    ['Trang số', '1'],
    ['Ngày đăng ký', '15.01.2008'],
    ['Loại đăng ký', '1'],
    ['Họ tên người được khai sinh', name],
    ['Giới tính', '1'],
    ['Ngày sinh', '02.01.2008'],
    ['Nơi sinh', 'Trạm y tế xã An Nhơn'],
    ['Dân tộc', 'Kinh'],
    ['Quốc tịch', 'Việt Nam'],
    ['Họ tên mẹ', 'Trần Thị Bình'],
    ['Họ tên cha', 'Nguyễn Văn Cường'],
    ['Họ tên người đi khai', 'Nguyễn Văn Cường'],
    ['Quan hệ với người được khai sinh', 'Cha'],
  ];
  for (const [label, value] of values) await workspace.field(label).fill(value);
  await workspace.field('Quan hệ với người được khai sinh').blur();
  await workspace.expectSaved();
  await expect(page.getByText('Không có lỗi.')).toBeVisible();
}

test('the export lists what blocks it, and Enter on a problem opens that entry', async ({
  page,
}) => {
  const workspace = new Workspace(page);
  await new BooksScreen(page).createBookFresh();
  await workspace.importPdf(2);
  await typeValidEntry(page, workspace);

  // Typed is not checked: nothing goes out yet, and the officer is told why.
  await workspace.pressButton('Xuất sổ');
  await expect(
    page.getByText(
      'Chưa có trường hợp nào xuất được: 1 trường hợp trong sổ chưa được phê duyệt. Khi xuất, phần mềm chỉ lấy các trường hợp đã phê duyệt.',
    ),
  ).toBeVisible();
  await submitAllForExport(page);
  // A second entry then takes the first one's number on the same day: the draft cannot be
  // sent, and the book cannot go out with two number 1s either.
  await typeValidEntry(page, workspace, 'Lê Thị Hoa', '2');
  await workspace.field('Số').fill('1');
  await workspace.field('Số').blur();
  await workspace.expectSaved();

  await workspace.pressButton('Xuất sổ');
  const blocked = page.getByRole('alert').filter({ hasText: 'Chưa xuất được' });
  await expect(blocked).toBeVisible();
  // The entry is listed with the field and what is wrong with it.
  const duplicate = blocked.getByRole('listitem').filter({
    hasText: /^Số 1 Số: Số 1 cùng ngày đăng ký đã có ở một trường hợp khác/,
  });
  await expect(duplicate).toHaveCount(1);
  // Keyboard first: the problem has focus, Enter opens its entry.
  await expect(duplicate.getByRole('button', { name: 'Số 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workspace.field('Số')).toHaveValue('1');
  await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue('Nguyễn Văn An');
});

test('a bundle written into a folder is read back, named only when whole, and kept in the history', async ({
  page,
}) => {
  await page.addInitScript(stubFolderPicker, { delayMs: 0 });
  const workspace = new Workspace(page);
  await new BooksScreen(page).createBookFresh();
  await workspace.importPdf(2);
  await typeValidEntry(page, workspace);
  // The size each page aims for is the book's own setting.
  await workspace.pressButton('Thiết lập sổ');
  const settings = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  const target = settings.getByLabel('Dung lượng mục tiêu mỗi trang PDF khi xuất (kB)');
  await expect(target).toHaveValue('100');
  await target.fill('60');
  await settings.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(settings).toBeHidden();
  await submitAllForExport(page);

  await workspace.pressButton('Xuất sổ');
  const ready = page.getByRole('region', { name: 'Sổ sẵn sàng để xuất' });
  await expect(ready).toContainText('1 trường hợp, 1 trang scan');
  await expect(ready).toContainText('KS.2008.01.xlsx và KS.2008.01.zip');
  await expect(ready.getByRole('button', { name: 'Chọn thư mục và ghi' })).toBeFocused();
  await page.keyboard.press('Enter');

  const done = page.getByRole('region', { name: 'Đã xuất và kiểm tra lại bộ dữ liệu' });
  await expect(done).toContainText(
    'Đọc lại: 1 dòng trong tệp Excel, 1 tệp PDF, 1 trang — khớp với sổ.',
  );
  await expect(done).toContainText('Lưu tại: Tài liệu/KS.2008.01');
  await expect(done).toContainText(/Dung lượng PDF: trung bình [\d,.]+ kB\/trang/);
  await expect(done).toContainText('(mục tiêu 60 kB/trang)');
  expect(await listFolder(page)).toEqual([
    'KS.2008.01/KS.2008.01.xlsx',
    'KS.2008.01/KS.2008.01.zip',
  ]);

  const zip = await readFromFolder(page, 'KS.2008.01/KS.2008.01.zip');
  expect([...(await readZip(zip)).entries()]).toEqual([['KS.2008.01.2008-01-15.001.pdf', 1]]);

  // The history names the files with the SHA-256 of what is on disk.
  const history = done.getByRole('list', { name: 'Lịch sử xuất (1)' });
  await expect(history).toContainText('1 trường hợp');
  await expect(history).toContainText('người xuất: Quản trị viên');
  const zipHash = createHash('sha256').update(zip).digest('hex');
  await expect(
    history.getByRole('listitem').filter({ hasText: /^KS\.2008\.01\.zip/ }),
  ).toContainText(`SHA-256: ${zipHash}`);
  await done.getByRole('button', { name: 'Đóng' }).click();

  // Exporting again into the same folder never overwrites last time's files: the new bundle
  // goes beside them, and the officer is told where.
  await workspace.pressButton('Xuất sổ');
  await workspace.pressButton('Chọn thư mục và ghi');
  await expect(done).toContainText('Lưu tại: Tài liệu/KS.2008.01 (2)');
  expect(await listFolder(page)).toEqual([
    'KS.2008.01 (2)/KS.2008.01.xlsx',
    'KS.2008.01 (2)/KS.2008.01.zip',
    'KS.2008.01/KS.2008.01.xlsx',
    'KS.2008.01/KS.2008.01.zip',
  ]);
  const earlier = await readFromFolder(page, 'KS.2008.01/KS.2008.01.zip');
  expect(createHash('sha256').update(earlier).digest('hex')).toBe(zipHash);
});

test('cancel in the middle leaves no file under the final name', async ({ page }) => {
  // Each write takes a while, like a slow USB stick, so there is a middle to cancel in.
  await page.addInitScript(stubFolderPicker, { delayMs: 800 });
  const workspace = new Workspace(page);
  await new BooksScreen(page).createBookFresh();
  await workspace.importPdf(2);
  await typeValidEntry(page, workspace);
  await submitAllForExport(page);

  await workspace.pressButton('Xuất sổ');
  await workspace.pressButton('Chọn thư mục và ghi');
  const progress = page.getByRole('status').filter({ hasText: 'Đang tạo tệp PDF' });
  await expect(progress).toBeVisible();
  // Mid-way: the bundle is being written, under temp names only.
  await expect.poll(() => listFolder(page)).toContain('KS.2008.01/KS.2008.01.zip.partial');
  expect(await listFolder(page)).not.toContain('KS.2008.01/KS.2008.01.zip');

  await progress.getByRole('button', { name: 'Hủy' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã hủy xuất sổ. Không có tệp nào được ghi.' }),
  ).toBeVisible();
  await expect.poll(() => listFolder(page)).toEqual([]);
  // Once the export is over and the book can be exported again, no late write has landed.
  await expect(page.getByRole('button', { name: 'Xuất sổ' })).toBeEnabled();
  expect(await listFolder(page)).toEqual([]);
});
