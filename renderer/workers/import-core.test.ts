import { describe, expect, it } from 'vitest';
import { defaultPdfNaming, soCell } from '../../shared/bundle/names';
import { entryToRow, headerRow } from '../../shared/bundle/rows';
import { getCodeList, getTemplate, writtenValue } from '../../shared/registers';
import type { RegisterTemplate } from '../../shared/registers/types';
import { dateInWords, parseDateInput } from '../../shared/text/dates';
import {
  makePasswordProtectedXlsx,
  makeXlsx,
  rowOf,
  tcvn3Cell,
  templateHeaders,
} from '../../test/fixtures/make-xlsx';
import { buildWorkbook } from './export-core';
import { analyzeWorkbook, readPdfZip, unpackLimit, sniffWorkbook } from './import-core';
import JSZip from 'jszip';
import { makePdf } from '../../test/fixtures/make-pdf';
import type { ImportAnalysis } from '../../shared/import/types';

/** Every column of the template filled the way the form stores it. */
function fullEntry(template: RegisterTemplate, n: number): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    if (field.generated) {
      fields[field.key] = '';
      continue;
    }
    const list = field.codeListId ? getCodeList(field.codeListId) : undefined;
    fields[field.key] =
      field.kind === 'personName'
        ? `Nguyễn Thị Ánh ${['Hồng', 'Lụa'][n % 2]}`
        : field.kind === 'date'
          ? `0${n}.03.2001`
          : list
            ? (writtenValue(list, list.items[n % list.items.length]?.code ?? '') ?? '')
            : field.kind === 'number'
              ? String(10 + n)
              : field.kind === 'idNumber'
                ? `00120300456${n}`
                : `Xã Đắk Ơ, huyện Bù Gia Mập ${n}`;
  }
  for (const field of template.fields) {
    const date = field.wordsOf ? parseDateInput(fields[field.wordsOf] ?? '') : null;
    if (date) fields[field.key] = dateInWords(date);
  }
  return { ...fields, so: String(n), quyenSo: '01/2008', ngayDangKy: `0${n}.04.2008` };
}

async function analyze(
  bytes: Uint8Array,
  version = 'ks-70',
  existing: { id: string; fields: Record<string, string> }[] = [],
): Promise<ImportAnalysis> {
  return analyzeWorkbook(bytes, {
    template: getTemplate(version),
    bookYear: 2008,
    existing,
    now: new Date('2026-01-01'),
  });
}

function preview(analysis: ImportAnalysis) {
  if (!analysis.ok) throw new Error(`refused: ${analysis.problem.code}`);
  return analysis.preview;
}

describe('our own export comes back as the same entries', () => {
  for (const version of ['ks-70', 'kt-48', 'kh-44', 'hn-35', 'cmc-50']) {
    it(`${version}: every field of every entry`, async () => {
      const template = getTemplate(version);
      const entries = [fullEntry(template, 1), fullEntry(template, 2)];
      const xlsx = await buildWorkbook(template, [
        headerRow(template),
        ...entries.map((fields, i) => entryToRow(template, fields, i + 1)),
      ]);
      const result = preview(await analyze(xlsx, version));
      expect(result.templateVersion).toBe(version);
      expect(result.missing).toEqual([]);
      expect(result.unknown).toEqual([]);
      // Số comes back as the row writes it: padded to agree with its PDF name by default.
      expect(result.rows.map((row) => row.fields)).toEqual(
        entries.map((fields) => ({ ...fields, so: soCell(fields.so ?? '') })),
      );
      expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
    });
  }

  it('gives số back as the book writes it when the book keeps it as written', async () => {
    const template = getTemplate('ks-70');
    const naming = { ...defaultPdfNaming, so: 'asWritten' as const };
    const entries = [
      { ...fullEntry(template, 1), so: '01/2008' },
      { ...fullEntry(template, 2), so: '2a' },
    ];
    const xlsx = await buildWorkbook(template, [
      headerRow(template),
      ...entries.map((fields, i) => entryToRow(template, fields, i + 1, naming)),
    ]);
    const result = preview(await analyze(xlsx));
    expect(result.rows.map((row) => row.fields.so)).toEqual(['01/2008', '2a']);
  });
});

describe('what cells hold', () => {
  it('reads numbers and Excel dates as the text the book states', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('ks-70'),
      rows: [
        rowOf('ks-70', {
          so: { value: 7 },
          ngayDangKy: { value: new Date(Date.UTC(2008, 0, 15)) },
          nksHoTen: 'nguyễn   văn an',
          nksNgaySinh: '27/08/2007',
          nksGioiTinh: 'Nam',
          nksSoDinhDanh: '001207004567',
        }),
      ],
    });
    const [row] = preview(await analyze(xlsx)).rows;
    expect(row?.fields).toMatchObject({
      so: '7',
      ngayDangKy: '15.01.2008',
      nksHoTen: 'Nguyễn Văn An',
      nksNgaySinh: '27.08.2007',
      nksNgaySinhBangChu: 'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Bảy',
      nksGioiTinh: '1',
      nksSoDinhDanh: '001207004567',
    });
  });

  it('never computes a formula: the row is held back, naming the formula', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('ks-70'),
      rows: [
        rowOf('ks-70', {
          STT: { value: { formula: 'ROW()-1', result: 1 } },
          so: '1',
          ngayDangKy: '01.02.2008',
          nksHoTen: { value: { formula: 'CONCATENATE("Lê ","Văn Tám")', result: 'Lê Văn Tám' } },
        }),
      ],
    });
    const [row] = preview(await analyze(xlsx)).rows;
    // The result Excel saved is shown; the STT formula is ignored, as STT is not imported.
    expect(row?.fields.nksHoTen).toBe('Lê Văn Tám');
    expect(row?.problems).toEqual([
      { code: 'formula', column: 'nksHoTen', formula: '=CONCATENATE("Lê ","Văn Tám")' },
    ]);
  });

  it('turns TCVN3 text into Unicode, by its font or by the text alone', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('ks-70'),
      rows: [
        rowOf('ks-70', {
          so: '1',
          ngayDangKy: '01.02.2008',
          nksHoTen: tcvn3Cell('NGUYỄN THỊ HỒNG', '.VnTimeH'),
          nksNoiSinh: tcvn3Cell('Trạm y tế xã Đắk Ơ', undefined),
          meHoTen: tcvn3Cell('Hà Thị Lụa'),
        }),
      ],
    });
    const result = preview(await analyze(xlsx));
    expect(result.rows[0]?.fields).toMatchObject({
      nksHoTen: 'Nguyễn Thị Hồng',
      nksNoiSinh: 'Trạm y tế xã Đắk Ơ',
      meHoTen: 'Hà Thị Lụa',
    });
    expect(result.converted).toEqual({ tcvn3: 3, vni: 0 });
  });

  it('matches headers whatever their spacing and case', async () => {
    const headers = templateHeaders('kt-48').map((h, i) => (i % 2 ? ` ${h.toUpperCase()} ` : h));
    const xlsx = await makeXlsx({
      headers,
      rows: [rowOf('kt-48', { so: '3', ngayDangKy: '01.02.2008', nktHoTen: 'Vũ Văn Hải' })],
    });
    const result = preview(await analyze(xlsx, 'kt-48'));
    expect(result.missing).toEqual([]);
    expect(result.rows[0]?.fields).toMatchObject({ so: '3', nktHoTen: 'Vũ Văn Hải' });
  });

  it('finds the header row under a title, and the book number Excel took for a date', async () => {
    const xlsx = await makeXlsx({
      headers: ['SỔ ĐĂNG KÝ KHAI SINH NĂM 2008'],
      rows: [
        [],
        templateHeaders('ks-70'),
        rowOf('ks-70', {
          so: '1',
          quyenSo: { value: new Date(Date.UTC(2008, 1, 1)) },
          ngayDangKy: '01.02.2008',
          nksHoTen: 'Lò Thị Dung',
        }),
      ],
    });
    const [row] = preview(await analyze(xlsx)).rows;
    expect(row).toMatchObject({ row: 4, fields: { quyenSo: '02/2008', nksHoTen: 'Lò Thị Dung' } });
  });

  it('takes the older 60-column khai sinh layout into a 70-column book', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('ks-60'),
      rows: [rowOf('ks-60', { so: '1', ngayDangKy: '01.02.2008', nksHoTen: 'Lò Thị Dung' })],
    });
    const result = preview(await analyze(xlsx));
    expect(result.templateVersion).toBe('ks-60');
    expect(result.rows[0]?.fields).toMatchObject({ nksHoTen: 'Lò Thị Dung', nksSoDinhDanh: '' });
  });
});

describe('files that are refused', () => {
  const refusal = (analysis: ImportAnalysis) => (analysis.ok ? 'accepted' : analysis.problem);

  it('a password-protected workbook', async () => {
    expect(refusal(await analyze(makePasswordProtectedXlsx()))).toEqual({
      code: 'passwordProtected',
    });
  });

  it('a damaged workbook or something else renamed .xlsx', async () => {
    const good = await makeXlsx({ headers: templateHeaders('ks-70'), rows: [] });
    expect(refusal(await analyze(good.subarray(0, good.length / 2)))).toEqual({ code: 'corrupt' });
    expect(refusal(await analyze(new TextEncoder().encode('so;quyenSo\n1;01/2008')))).toEqual({
      code: 'corrupt',
    });
  });

  it('an Excel 97–2003 file', () => {
    const cfb = makePasswordProtectedXlsx();
    cfb.fill(0, 512 + 512); // no directory: a compound file without an encrypted package
    expect(sniffWorkbook(cfb)).toEqual({ code: 'oldExcelFormat' });
  });

  it('a sheet with headers and no rows, or nothing at all', async () => {
    const headersOnly = await makeXlsx({ headers: templateHeaders('ks-70'), rows: [[], []] });
    expect(refusal(await analyze(headersOnly))).toEqual({ code: 'emptySheet' });
    const blank = await makeXlsx({ headers: [], rows: [] });
    expect(refusal(await analyze(blank))).toEqual({ code: 'emptySheet' });
  });

  it('another register type than the book', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('kt-48'),
      rows: [rowOf('kt-48', { so: '1', ngayDangKy: '01.02.2008', nktHoTen: 'Vũ Văn Hải' })],
    });
    expect(refusal(await analyze(xlsx))).toEqual({
      code: 'wrongTemplate',
      found: 'Khai tử',
      expected: 'Khai sinh',
    });
  });

  it('a sheet that is no register template', async () => {
    const xlsx = await makeXlsx({ headers: ['Họ và tên', 'Ngày sinh'], rows: [['A', 'B']] });
    expect(refusal(await analyze(xlsx))).toEqual({ code: 'notTemplate' });
  });
});

describe('numbers and dates already used', () => {
  const row = (so: string, date: string, name: string) =>
    rowOf('ks-70', { so, ngayDangKy: date, nksHoTen: name });

  it('holds back rows repeating a number and date of the sheet or of the book', async () => {
    const xlsx = await makeXlsx({
      headers: templateHeaders('ks-70'),
      rows: [
        row('1', '01.02.2008', 'Lê Văn A'),
        row('2', '02.02.2008', 'Lê Văn B'),
        row('01', '1/2/2008', 'Lê Văn C'),
        row('5', '05.02.2008', 'Lê Văn D'),
      ],
    });
    const existing = [{ id: 'e5', fields: { so: '5', ngayDangKy: '05.02.2008' } }];
    const rows = preview(await analyze(xlsx, 'ks-70', existing)).rows;
    expect(rows.map((r) => [r.row, r.problems.map((p) => p.code)])).toEqual([
      [2, ['duplicateInSheet']],
      [3, []],
      [4, ['duplicateInSheet']],
      [5, ['duplicateInBook']],
    ]);
    expect(rows[0]?.problems[0]).toMatchObject({ otherRow: 4 });
  });
});

describe('a zip of entry PDFs', () => {
  async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
    const zip = new JSZip();
    for (const [name, data] of Object.entries(files)) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  }

  it('gives each PDF with its page count', async () => {
    const result = await readPdfZip(
      await zipOf({
        'KS.2008.01.2008-01-15.001.pdf': await makePdf(2),
        'KS.2008.01.2008-01-16.002.pdf': await makePdf(1),
      }),
    );
    expect(result.ok && result.pdfs.map((pdf) => [pdf.fileName, pdf.pageCount])).toEqual([
      ['KS.2008.01.2008-01-15.001.pdf', 2],
      ['KS.2008.01.2008-01-16.002.pdf', 1],
    ]);
  });

  it('is refused whole when it holds anything but readable PDFs', async () => {
    const pdf = await makePdf(1);
    const notPdf = await readPdfZip(
      await zipOf({ 'a.pdf': pdf, 'anh.jpg': 'JPEG', 'ghi-chu.txt': 'x', 'gia.pdf': 'text' }),
    );
    expect(notPdf).toEqual({
      ok: false,
      problem: { code: 'zipNotPdf', files: ['anh.jpg', 'ghi-chu.txt', 'gia.pdf'] },
    });
    const broken = await readPdfZip(await zipOf({ 'b.pdf': pdf.subarray(0, 200) }));
    expect(broken).toEqual({ ok: false, problem: { code: 'zipBadPdf', files: ['b.pdf'] } });
    expect(await readPdfZip(new TextEncoder().encode('not a zip'))).toEqual({
      ok: false,
      problem: { code: 'zipCorrupt' },
    });
    expect(await readPdfZip(await zipOf({}))).toEqual({ ok: false, problem: { code: 'zipEmpty' } });
  });

  it('stops unpacking a zip that swells far past its size, and says so', async () => {
    // 64 MB of zeros packs into a few dozen kB: a small zip bomb.
    const zip = new JSZip();
    zip.file('KS.2008.01.2008-01-15.001.pdf', new Uint8Array(64 * 2 ** 20));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(2 ** 20);
    const unpacked: number[] = [];
    const result = await readPdfZip(bomb, {
      maxUnpackedBytes: 4 * 2 ** 20,
      onUnpacked: (bytes) => unpacked.push(bytes),
    });
    expect(result).toEqual({ ok: false, problem: { code: 'zipTooLarge', limitMb: 4 } });
    // Stopped near the limit, not after unpacking all 64 MB.
    expect(Math.max(...unpacked)).toBeLessThan(16 * 2 ** 20);
  });

  it('lets a bundle of ordinary size through the default limit', () => {
    const MB = 2 ** 20;
    // A 1,000-entry book at the Ministry's ~100 kB per page is a zip of about 100 MB.
    expect(unpackLimit(100 * MB)).toBe(2000 * MB);
    expect(unpackLimit(100 * 1024)).toBe(256 * MB);
    expect(unpackLimit(1024 * MB)).toBe(3 * 1024 * MB);
  });

  it('calls a zip whose entry lies about its size damaged, not a library error', async () => {
    const zip = new JSZip();
    zip.file('a.pdf', await makePdf(1));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // The central directory's uncompressed size of the only entry, made smaller.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let central = bytes.length - 4;
    while (central > 0 && view.getUint32(central, true) !== 0x02014b50) central -= 1;
    view.setUint32(central + 24, 10, true);
    expect(await readPdfZip(bytes)).toEqual({ ok: false, problem: { code: 'zipCorrupt' } });
  });
});
