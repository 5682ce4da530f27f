// A work package is a file anyone can edit and sign with a key of their own. Even signed by a
// PC someone trusted carelessly, whatever it says about officers or approvals, receiving it
// adds no officer and approves nothing; and a package for another book than the open one says
// so before anything is merged.
import { expect, test } from '@playwright/test';
import { createHash, generateKeyPairSync, pbkdf2Sync, randomBytes, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { makePdf } from '../fixtures/make-pdf';
import { chooseFile, pressAndDownload, typeEntry } from './backup-model';
import { bytesToSign, fingerprintOf, toBase64 } from '../../renderer/db/file-signature';
import { BooksScreen, defaultBook, Officers, Workspace } from './models';
import { compareAndTrust } from './signature-model';

const NAME = 'Họ tên người được khai sinh';
const INTRUDER = 'Kẻ Mạo Danh';

/** A key pair of the forger's own, and the signer they put in the header with it. */
function forgerKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ]);
  const signer = {
    installationId: 'forger',
    name: 'Máy Tư pháp',
    publicKey: toBase64(raw),
    fingerprint: fingerprintOf(raw),
  };
  const signHeader = (header: Record<string, unknown>) => {
    header.signer = signer;
    header.signature = sign('sha256', bytesToSign(header), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64');
  };
  return { signer, signHeader };
}

/**
 * What someone with a text editor and a zip tool can do to a package: add an administrator
 * with a PIN of their own (one PBKDF2 round), mark every entry approved, recompute the
 * SHA-256, and sign the header with a key of their own.
 */
async function forge(
  path: string,
  forged: string,
  signHeader: (header: Record<string, unknown>) => void,
): Promise<void> {
  const bytes = await readFile(path);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as {
    counts: Record<string, number>;
    payloadBytes: number;
    sha256: string;
  } & Record<string, unknown>;
  const zip = await JSZip.loadAsync(bytes.subarray(newline + 1));
  const salt = randomBytes(16);
  const intruder = {
    id: 'intruder',
    name: INTRUDER,
    role: 'admin',
    createdAt: Date.now(),
    active: true,
    pin: {
      algorithm: 'PBKDF2-SHA-256',
      iterations: 1,
      salt: salt.toString('base64'),
      hash: pbkdf2Sync('0000', salt, 1, 32, 'sha256').toString('base64'),
    },
  };
  zip.file('rows/people.json', JSON.stringify([intruder]));
  const records = JSON.parse(
    (await zip.file('rows/records.json')?.async('string')) ?? '[]',
  ) as Record<string, unknown>[];
  for (const row of records) {
    row.status = 'approved';
    row.review = {
      decision: 'approved',
      by: 'intruder',
      at: Date.now(),
      reason: '',
      comments: [],
    };
  }
  zip.file('rows/records.json', JSON.stringify(records));
  // Stored, as the app writes its scans.
  const payload = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  header.counts.people = 1;
  header.payloadBytes = payload.length;
  header.sha256 = createHash('sha256').update(payload).digest('hex');
  signHeader(header);
  await writeFile(forged, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
}

test('a forged package adds no officer and approves nothing; another book’s package says so', async ({
  browser,
}, testInfo) => {
  const pcA = await browser.newContext();
  const pcB = await browser.newContext();
  const a = await pcA.newPage();
  const b = await pcB.newPage();

  await new BooksScreen(a).createBookFresh();
  await new Workspace(a).importScan('so-khai-sinh-2008.pdf', await makePdf(1));
  for (const name of ['Lò Văn Một', 'Hà Thị Hai']) {
    await typeEntry(a, [[NAME, name]]);
    await a.getByRole('link', { name: '← Danh sách trường hợp' }).click();
  }
  await a.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  const genuine = testInfo.outputPath('goi.sohoa');
  await (await pressAndDownload(a, 'Xuất gói công việc')).saveAs(genuine);
  const forged = testInfo.outputPath('goi-sua.sohoa');
  const forger = forgerKey();
  await forge(genuine, forged, forger.signHeader);

  // PC B takes the forged package on its book list: the preview names what it claims, and the
  // forger's PC as one it does not trust. Its administrator trusts it anyway.
  const booksB = new BooksScreen(b);
  await booksB.open();
  await chooseFile(b, 'Nhận gói công việc…', forged);
  const dialog = b.getByRole('dialog', { name: 'Nhận gói công việc' });
  await compareAndTrust(dialog, forger.signer.fingerprint);
  await expect(dialog).toContainText(
    `Tệp ghi tên 1 cán bộ: ${INTRUDER} (Quản trị). Gói công việc không mang cán bộ`,
  );
  await expect(dialog).toContainText('2 trường hợp trong tệp được ghi là đã phê duyệt.');
  await dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(b.getByRole('status').filter({ hasText: /thêm 2 trường hợp/ })).toBeVisible();
  await expect(
    b.getByRole('status').filter({ hasText: /^2 trường hợp đã phê duyệt ở máy kia/ }),
  ).toBeVisible();

  // The entries wait for review; nobody new can sign in.
  await b.getByRole('link', { name: /01\/2008/ }).click();
  const grid = b.getByRole('grid');
  await expect(grid.getByRole('gridcell', { name: 'Chờ rà soát' })).toHaveCount(2);
  await expect(grid.getByRole('gridcell', { name: 'Đã phê duyệt' })).toHaveCount(0);
  const officers = new Officers(b);
  await officers.switchOfficer();
  await expect(b.getByRole('listbox', { name: 'Cán bộ' }).getByRole('option')).toHaveText([
    /Quản trị viên/,
  ]);
  await officers.signInIfAsked();

  // In another book of PC B, the package for 01/2008 does not merge as if it were this one.
  await booksB.open();
  await booksB.addBook({ ...defaultBook, quyenSo: '02/2009', year: '2009' });
  await b.getByRole('button', { name: 'Gói công việc', exact: true }).click();
  await chooseFile(b, 'Nhận gói công việc…', genuine);
  await expect(dialog.getByRole('alert').filter({ hasText: /^Gói này/ })).toHaveText(
    /^Gói này là của sổ Khai sinh .*quyển 01\/2008 năm 2008, không phải sổ đang mở \(sổ Khai sinh .*quyển 02\/2009 năm 2009\)/,
  );
  await expect(dialog.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
  await expect(b.getByText('Sổ chưa có trường hợp nào')).toBeVisible();

  await pcA.close();
  await pcB.close();
});
