// Every backup and work package is signed by the PC that made it. A receiving PC refuses a
// file whose signature does not hold (tampered, altered after signing, or claiming another PC's
// fingerprint) and a work package with no signature at all; a genuine file from another PC is
// taken once an administrator compared the sender's fingerprint.
import { expect, test, type Page } from '@playwright/test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { makePdf } from '../fixtures/make-pdf';
import { bytesToSign, toBase64 } from '../../renderer/db/file-signature';
import { chooseFile, pressAndDownload, readSavedState, typeEntry } from './backup-model';
import { BooksScreen, Officers, Workspace } from './models';
import { compareAndTrust, ownFingerprint, ownFingerprintFromBookList } from './signature-model';

const NAME = 'Họ tên người được khai sinh';

/** Rewrites a file's header line, keeping its payload byte for byte. */
async function withHeader(
  from: string,
  to: string,
  change: (header: Record<string, unknown>) => void,
): Promise<void> {
  const bytes = await readFile(from);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
  change(header);
  await writeFile(
    to,
    Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(newline)]),
  );
}

async function startBook(page: Page, names: string[]): Promise<void> {
  await new BooksScreen(page).createBookFresh();
  await new Workspace(page).importScan('so-khai-sinh-2008.pdf', await makePdf(1));
  for (const name of names) {
    await typeEntry(page, [[NAME, name]]);
    await page.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  }
}

test('a package with a tampered, altered, borrowed or missing signature is refused; a genuine one is taken once trusted', async ({
  browser,
}, testInfo) => {
  const pcA = await browser.newContext();
  const pcB = await browser.newContext();
  const a = await pcA.newPage();
  const b = await pcB.newPage();

  await startBook(a, ['Lò Văn Một']);
  await a.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  const fingerprintA = await ownFingerprint(a);
  const genuine = testInfo.outputPath('goi.sohoa');
  await (await pressAndDownload(a, 'Xuất gói công việc')).saveAs(genuine);

  const flipped = testInfo.outputPath('goi-chu-ky-sai.sohoa');
  await withHeader(genuine, flipped, (header) => {
    const signature = Buffer.from(header.signature as string, 'base64');
    signature[7] = signature[7]! ^ 0x01;
    header.signature = signature.toString('base64');
  });
  const altered = testInfo.outputPath('goi-sua-so.sohoa');
  await withHeader(genuine, altered, (header) => {
    (header.books as { quyenSo: string }[])[0]!.quyenSo = '09/2008';
  });
  // Signed for real by another key, under PC A's name and fingerprint.
  const borrowed = testInfo.outputPath('goi-mao-danh.sohoa');
  await withHeader(genuine, borrowed, (header) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const raw = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(jwk.x!, 'base64url'),
      Buffer.from(jwk.y!, 'base64url'),
    ]);
    header.signer = { ...(header.signer as object), publicKey: toBase64(raw) };
    header.signature = sign('sha256', bytesToSign(header), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64');
  });
  const unsigned = testInfo.outputPath('goi-khong-ky.sohoa');
  await withHeader(genuine, unsigned, (header) => {
    delete header.signer;
    delete header.signature;
  });

  const booksB = new BooksScreen(b);
  await booksB.open();
  const dialog = b.getByRole('dialog', { name: 'Nhận gói công việc' });
  const refusals: [string, string][] = [
    [flipped, 'Tệp “goi-chu-ky-sai.sohoa” có chữ ký không đúng'],
    [altered, 'Tệp “goi-sua-so.sohoa” có chữ ký không đúng'],
    [borrowed, 'Tệp “goi-mao-danh.sohoa” có chữ ký không đúng'],
    [unsigned, 'Tệp “goi-khong-ky.sohoa” không có chữ ký nên không biết từ máy nào ra'],
  ];
  for (const [path, message] of refusals) {
    await chooseFile(b, 'Nhận gói công việc…', path);
    await expect(dialog.getByRole('alert')).toContainText(message);
    await expect(dialog.getByRole('alert')).toContainText('Không có gì được thay đổi.');
    await expect(dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(b.getByText('Chưa có sổ nào')).toBeVisible();
  expect((await readSavedState(b)).records).toEqual([]);

  // The genuine package: shown, taken only after the comparison.
  await chooseFile(b, 'Nhận gói công việc…', genuine);
  const merge = dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' });
  await expect(merge).toBeDisabled();
  await expect(dialog).toContainText('Tệp chỉ nhận được sau khi máy gửi được tin cậy.');
  await compareAndTrust(dialog, fingerprintA);
  await merge.click();
  await expect(b.getByRole('status').filter({ hasText: /thêm 1 trường hợp/ })).toBeVisible();

  // Trust is listed and can be withdrawn; the next file from A is then unknown again.
  await b.getByRole('button', { name: 'Máy này và máy tin cậy…' }).click();
  const thisPc = b.getByRole('dialog', { name: 'Máy này và các máy được tin cậy' });
  const trusted = thisPc.getByRole('list', { name: 'Các máy được tin cậy' });
  await expect(trusted.getByRole('listitem')).toHaveText([
    new RegExp(
      `^máy chưa đặt tên — dấu vân tay ${fingerprintA} — tin cậy lúc .* bởi Quản trị viên`,
    ),
  ]);
  await trusted.getByRole('button', { name: 'Thôi tin cậy' }).click();
  await expect(thisPc.getByText(/^Chưa tin cậy máy nào/)).toBeVisible();
  await thisPc.getByRole('button', { name: 'Đóng' }).click();
  await chooseFile(b, 'Nhận gói công việc…', genuine);
  await expect(dialog.getByTestId('file-signer')).toContainText('máy này chưa tin cậy máy đó');
  await expect(merge).toBeDisabled();
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  await pcA.close();
  await pcB.close();
});

test('an unsigned backup from an earlier release restores only into an empty PC, by an administrator who confirms, and never merges', async ({
  browser,
}, testInfo) => {
  const pcA = await browser.newContext();
  const a = await pcA.newPage();
  await startBook(a, ['Lò Văn Một', 'Hà Thị Hai']);
  const booksA = new BooksScreen(a);
  await booksA.open();
  const fingerprintA = await ownFingerprintFromBookList(a);
  const backup = testInfo.outputPath('sao-luu.sohoa');
  await (await pressAndDownload(a, 'Sao lưu')).saveAs(backup);
  const unsigned = testInfo.outputPath('sao-luu-cu.sohoa');
  await withHeader(backup, unsigned, (header) => {
    delete header.signer;
    delete header.signature;
  });

  // On the PC that made it, its own backup is recognised as such.
  const dialog = a.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await chooseFile(a, 'Khôi phục…', backup);
  await expect(dialog.getByTestId('file-signer')).toHaveText(
    `Tệp do chính máy này ký (dấu vân tay ${fingerprintA}).`,
  );
  await expect(dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  // An unsigned one cannot be merged into a PC that holds data.
  await chooseFile(a, 'Khôi phục…', unsigned);
  await expect(dialog.getByRole('alert')).toHaveText(/^Bản sao lưu này không có chữ ký/);
  await expect(dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Khôi phục vào máy này' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  // Into an empty PC, its administrator restores it after saying they know where it is from.
  const pcC = await browser.newContext();
  const c = await pcC.newPage();
  await new BooksScreen(c).open();
  await chooseFile(c, 'Khôi phục…', unsigned);
  const dialogC = c.getByRole('dialog', { name: 'Khôi phục từ bản sao lưu' });
  await expect(dialogC.getByRole('alert')).toHaveText(/^Bản sao lưu này không có chữ ký/);
  await expect(dialogC.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toHaveCount(0);
  const restore = dialogC.getByRole('button', { name: 'Khôi phục vào máy này' });
  await expect(restore).toBeDisabled();
  await dialogC
    .getByRole('checkbox', {
      name: 'Tôi biết rõ bản sao lưu này từ đâu ra và vẫn muốn khôi phục nó',
    })
    .check();
  await restore.click();
  await expect(
    c.getByRole('status').filter({ hasText: 'Đã khôi phục 1 sổ, 2 trường hợp.' }),
  ).toBeVisible();
  await new Officers(c).signInIfAsked();
  expect((await readSavedState(c)).records).toEqual((await readSavedState(a)).records);

  await pcA.close();
  await pcC.close();
});
