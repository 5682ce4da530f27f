import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen, Workspace } from './models';

const cases: { title: string; name: string; bytes: () => Promise<Buffer>; message: RegExp }[] = [
  {
    title: 'a file that is not a PDF',
    name: 'danh-sach.docx',
    bytes: () => Promise.resolve(Buffer.from('PK\u0003\u0004 this is a word document')),
    message: /không phải là tệp PDF/,
  },
  {
    title: 'a corrupt PDF',
    name: 'hong.pdf',
    bytes: async () => (await makePdf(3)).subarray(0, 600),
    message: /bị hỏng/,
  },
  {
    title: 'a PDF without pages',
    name: 'khong-trang.pdf',
    bytes: () => makePdf(0),
    message: /không có trang nào/,
  },
  {
    title: 'a password-protected PDF',
    name: 'mat-khau.pdf',
    bytes: () => readFile(join(__dirname, '../fixtures/password-protected.pdf')),
    message: /có mật khẩu/,
  },
  {
    title: 'a 0-byte file',
    name: 'rong.pdf',
    bytes: () => Promise.resolve(Buffer.alloc(0)),
    message: /rỗng \(0 byte\)/,
  },
];

test('bad scan files are each refused in Vietnamese, change nothing, and the book still takes a good one', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  for (const bad of cases) {
    await workspace.importScan(bad.name, await bad.bytes());
    const alert = page.getByRole('alert').filter({ hasText: bad.name });
    await expect(alert, bad.title).toContainText(bad.message);
    await expect(alert, bad.title).toContainText('Không có gì bị thay đổi');
    await expect(page.getByText('Sổ chưa có bản scan'), bad.title).toBeVisible();
    await alert.getByRole('button', { name: 'Đóng' }).click();
    await expect(alert).toBeHidden();
  }
  await workspace.importPdf(2);
});
