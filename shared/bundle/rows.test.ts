import { describe, expect, it } from 'vitest';
import { ksTemplate60, ksTemplate70 } from '../registers/ks';
import type { RegisterTemplate } from '../registers/types';
import { entryToRow, headerRow, notesSheet } from './rows';

const col = (key: string): number => ksTemplate70.fields.findIndex((f) => f.key === key);

describe('headerRow', () => {
  it('writes the template headers verbatim', () => {
    const header = headerRow(ksTemplate70);
    expect(header).toHaveLength(70);
    expect(header[0]).toBe('STT');
    expect(header[1]).toBe('so ');
    expect(header[5]).toBe('loaiDangKy \ni=[1,2,3,4,5,6]');
    expect(headerRow(ksTemplate60)).toHaveLength(60);
  });
});

describe('entryToRow', () => {
  const fields = {
    so: ' 12 ',
    quyenSo: '01/2008',
    ngayDangKy: '5/2/2008',
    loaiDangKy: '01',
    nksHoTen: 'Nguye\u0302\u0303n Văn A',
    nksGioiTinh: 'Nữ',
    nksNgaySinh: '27082008',
    nksDanToc: 'khome',
    nksQuocTich: 'VN',
    meDanToc: '13',
    meNgaySinh: '1981',
    meSoGiayToTuyThan: '012345678',
    chaDanToc: 'Người sao Hỏa',
    ghiChu: '  ghi chú  ',
  };

  it('writes one string per column, STT being the row number', () => {
    const row = entryToRow(ksTemplate70, fields, 7);
    expect(row).toHaveLength(70);
    for (const cell of row) expect(typeof cell).toBe('string');
    expect(row[col('STT')]).toBe('7');
    // số agrees with its PDF name: 3 digits by default.
    expect(row[col('so')]).toBe('012');
    expect(row[col('trangSo')]).toBe('');
  });

  it('writes quyenSo NN/YYYY in every row, however it was typed', () => {
    expect(entryToRow(ksTemplate70, { ...fields, quyenSo: '1/2008' }, 1)[col('quyenSo')]).toBe(
      '01/2008',
    );
  });

  it('keeps số as written when the book says so', () => {
    const naming = { so: 'asWritten', partialDate: 'zeros', missingSo: 'zeros' } as const;
    const row = entryToRow(ksTemplate70, { ...fields, so: '01/2018' }, 1, naming);
    expect(row[col('so')]).toBe('01/2018');
  });

  it('writes NFC and trimmed text, keeping leading zeros', () => {
    const row = entryToRow(ksTemplate70, fields, 1);
    expect(row[col('nksHoTen')]).toBe('Nguyễn Văn A');
    expect(row[col('ghiChu')]).toBe('ghi chú');
    expect(row[col('meSoGiayToTuyThan')]).toBe('012345678');
  });

  it('writes dates as dd.mm.yyyy and keeps partial dates partial', () => {
    const row = entryToRow(ksTemplate70, fields, 1);
    expect(row[col('ngayDangKy')]).toBe('05.02.2008');
    expect(row[col('nksNgaySinh')]).toBe('27.08.2008');
    expect(row[col('meNgaySinh')]).toBe('1981');
    expect(entryToRow(ksTemplate70, { chaNgaySinh: 'không rõ' }, 1)[col('chaNgaySinh')]).toBe(
      'không rõ',
    );
  });

  it('writes number-coded lists as codes and name-written lists as canonical names', () => {
    const row = entryToRow(ksTemplate70, fields, 1);
    expect(row[col('loaiDangKy')]).toBe('1');
    expect(row[col('nksGioiTinh')]).toBe('2');
    expect(row[col('nksDanToc')]).toBe('Khơ-me');
    expect(row[col('nksQuocTich')]).toBe('Việt Nam');
    expect(row[col('meDanToc')]).toBe('Ba Na');
    // Unmatched values stay as typed; validation refuses them before export.
    expect(row[col('chaDanToc')]).toBe('Người sao Hỏa');
  });

  it('fills an empty birth date in words from the birth date, but keeps one typed', () => {
    const row = entryToRow(ksTemplate70, fields, 1);
    expect(row[col('nksNgaySinhBangChu')]).toBe(
      'Ngày Hai Mươi Bảy Tháng Tám Năm Hai Nghìn Không Trăm Linh Tám',
    );
    const typed = entryToRow(
      ksTemplate70,
      { ...fields, nksNgaySinhBangChu: 'Ngày Hai Tháng Ba Năm Hai Nghìn Linh Tám' },
      1,
    );
    expect(typed[col('nksNgaySinhBangChu')]).toBe('Ngày Hai Tháng Ba Năm Hai Nghìn Linh Tám');
    expect(entryToRow(ksTemplate70, {}, 1)[col('nksNgaySinhBangChu')]).toBe('');
  });

  it('follows the 60-column layout when asked', () => {
    const row = entryToRow(ksTemplate60, fields, 3);
    expect(row).toHaveLength(60);
    expect(row[0]).toBe('012');
    expect(row).not.toContain('3');
  });
});

describe('notesSheet', () => {
  /** The sheet as Excel addresses, e.g. { B2: 'Loại đăng ký', B3: 1 }. */
  const byAddress = (template: RegisterTemplate) =>
    Object.fromEntries(
      notesSheet(template).map((cell) => [
        `${String.fromCharCode(64 + cell.column)}${cell.row}`,
        cell.value,
      ]),
    );

  it("lays the khai sinh lists out where the Ministry's template has them", () => {
    const sheet = byAddress(ksTemplate70);
    // Cells of the Ministry's `Ghi chu` sheet, as read from its template.
    expect(sheet).toMatchObject({
      B2: 'Loại đăng ký',
      B3: 1,
      C3: 'Đăng kí đúng hạn',
      C5: 'Ghi vào sổ việc khai sinh đã đăng ký ở CQ có thẩm quyền nước ngoài',
      B8: 6,
      C8: 'Không xác định',
      E2: 'Loại giấy tờ tùy thân',
      E3: 1,
      F3: 'Giấy CMND',
      F6: 'Thẻ căn cước công dân',
      E10: 8,
      F10: 'Giấy tờ khác',
      B10: 'Giới tính',
      B11: 1,
      C11: 'Nam',
      C13: 'Không xác định',
      B15: 'nksMatTich & nksHanCheNangLucHanhVi',
      B16: 1,
      C16: 'Tuyên bố',
      C17: 'Hủy tuyên bố',
    });
    expect(sheet.B9).toBeUndefined();
    expect(sheet.B14).toBeUndefined();
    // Titles are bold and span code and label, as in the template.
    const titles = notesSheet(ksTemplate70).filter((cell) => cell.isTitle);
    expect(titles.slice(0, 3).map((cell) => cell.value)).toEqual([
      'Loại đăng ký',
      'Giới tính',
      'nksMatTich & nksHanCheNangLucHanhVi',
    ]);
    // Ethnicity and nationality are written by name, so they need no key.
    expect(Object.values(sheet)).not.toContain('Kinh');
  });

  it('puts the lists the Ministry sheet lacks after its own', () => {
    const titles = notesSheet(ksTemplate70)
      .filter((cell) => cell.isTitle && cell.column === 2)
      .map((cell) => cell.value);
    expect(titles).toEqual([
      'Loại đăng ký',
      'Giới tính',
      'nksMatTich & nksHanCheNangLucHanhVi',
      'Loại khai sinh',
      'Loại cư trú',
    ]);
  });
});
