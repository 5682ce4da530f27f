import { describe, expect, it } from 'vitest';
import {
  bundleStem,
  bookNumberOf,
  defaultPdfNaming,
  formatQuyenSo,
  pdfFileName,
  sameQuyenSo,
  soCell,
  soNumberOf,
} from './names';
import type { PdfNameInput } from './names';

describe('bookNumberOf', () => {
  it.each([
    ['01/2017', '01'],
    ['1/2017', '01'],
    ['12/2017', '12'],
    ['123/2017', '123'],
    [' 3 / 2008 ', '03'],
    ['', null],
    ['01-2017', null],
    ['01/17', null],
    ['1234/2017', null],
    ['Quyển 1', null],
  ])('%j → %j', (quyenSo, expected) => {
    expect(bookNumberOf(quyenSo)).toBe(expected);
  });
});

describe('sameQuyenSo', () => {
  it('treats 1/2017 and 01/2017 as one book', () => {
    expect(sameQuyenSo('1/2017', '01/2017')).toBe(true);
    expect(sameQuyenSo('01/2017', '02/2017')).toBe(false);
    expect(sameQuyenSo('01/2017', '01/2018')).toBe(false);
    expect(sameQuyenSo('abc', ' abc ')).toBe(true);
    expect(sameQuyenSo('abc', '01/2017')).toBe(false);
  });
});

describe('pdfFileName', () => {
  const base: PdfNameInput = {
    type: 'KS',
    bookYear: 2008,
    quyenSo: '01/2008',
    ngayDangKy: '15.01.2008',
    so: '1',
  };

  it('follows <LOAI>.<năm>.<quyển>.<yyyy-mm-dd>.<số>.pdf', () => {
    expect(pdfFileName(base)).toEqual({ ok: true, name: 'KS.2008.01.2008-01-15.001.pdf' });
  });

  it.each([
    [{ so: '12' }, 'KS.2008.01.2008-01-15.012.pdf'],
    [{ so: '007' }, 'KS.2008.01.2008-01-15.007.pdf'],
    [{ so: '1234' }, 'KS.2008.01.2008-01-15.1234.pdf'],
    [{ so: ' 5 ' }, 'KS.2008.01.2008-01-15.005.pdf'],
    [{ quyenSo: '3/2008' }, 'KS.2008.03.2008-01-15.001.pdf'],
    [{ quyenSo: '103/2008' }, 'KS.2008.103.2008-01-15.001.pdf'],
    [{ ngayDangKy: '5/2/2008' }, 'KS.2008.01.2008-02-05.001.pdf'],
    [{ ngayDangKy: '2008-12-31' }, 'KS.2008.01.2008-12-31.001.pdf'],
    [{ type: 'KT' as const }, 'KT.2008.01.2008-01-15.001.pdf'],
  ])('%j → %s', (change, name) => {
    expect(pdfFileName({ ...base, ...change })).toEqual({ ok: true, name });
  });

  it.each([
    [{ so: 'mười' }, 'soNotNumeric'],
    [{ so: 'a12' }, 'soNotNumeric'],
    [{ quyenSo: '' }, 'missingQuyenSo'],
    [{ quyenSo: '01-2008' }, 'badQuyenSo'],
    [{ bookYear: Number.NaN }, 'badBookYear'],
    [{ bookYear: 208 }, 'badBookYear'],
    [{ ngayDangKy: '' }, 'missingDate'],
    [{ ngayDangKy: '31.02.2008' }, 'badDate'],
  ])('%j → problem %s', (change, problem) => {
    expect(pdfFileName({ ...base, ...change })).toEqual({ ok: false, problem });
  });

  it('never writes "null", "undefined" or "NaN" into a name unless the book asks for null', () => {
    const values = ['', ' ', '1', '01', 'x', '01/2008', '2008', '15.01.2008', '01.2008'];
    for (const so of values) {
      for (const quyenSo of values) {
        for (const ngayDangKy of values) {
          const result = pdfFileName({ type: 'KS', bookYear: 2008, quyenSo, ngayDangKy, so });
          if (result.ok) {
            expect(result.name).toMatch(/^KS\.2008\.\d{2,3}\.\d{4}-\d{2}-\d{2}\.\d{3,}\.pdf$/);
            expect(result.name).not.toMatch(/null|undefined|NaN/);
          }
        }
      }
    }
  });
});

describe('the naming rules', () => {
  const base: PdfNameInput = {
    type: 'KS',
    bookYear: 2018,
    quyenSo: '01/2018',
    ngayDangKy: '05.03.2018',
    so: '1',
  };
  const asWritten = { ...defaultPdfNaming, so: 'asWritten' as const };
  const name = (change: Partial<PdfNameInput>) => {
    const result = pdfFileName({ ...base, ...change });
    return result.ok ? result.name : result.problem;
  };

  it.each([
    ['01/2018', '001', '001', '01/2018', '01'],
    ['12a', '012a', '012a', '12a', '12a'],
    ['3', '003', '003', '3', '3'],
    ['007', '007', '007', '007', '007'],
    ['1234', '1234', '1234', '1234', '1234'],
  ])('số %j: row %j and name %j padded; row %j and name %j as written', (so, ...expected) => {
    const [rowPad, namePad, rowAsWritten, nameAsWritten] = expected;
    expect(soCell(so)).toBe(rowPad);
    expect(name({ so })).toBe(`KS.2018.01.2018-03-05.${namePad}.pdf`);
    expect(soCell(so, asWritten)).toBe(rowAsWritten);
    expect(name({ so, naming: asWritten })).toBe(`KS.2018.01.2018-03-05.${nameAsWritten}.pdf`);
  });

  it('names a year-only or month-year date with zeros, or the first day when the book says so', () => {
    expect(name({ ngayDangKy: '2018' })).toBe('KS.2018.01.2018-00-00.001.pdf');
    expect(name({ ngayDangKy: '03.2018' })).toBe('KS.2018.01.2018-03-00.001.pdf');
    const firstDay = { ...defaultPdfNaming, partialDate: 'firstDay' as const };
    expect(name({ ngayDangKy: '2018', naming: firstDay })).toBe('KS.2018.01.2018-01-01.001.pdf');
    expect(name({ ngayDangKy: '03.2018', naming: firstDay })).toBe('KS.2018.01.2018-03-01.001.pdf');
  });

  it('names an entry without số 000, or null when the book says so', () => {
    expect(name({ so: '' })).toBe('KS.2018.01.2018-03-05.000.pdf');
    expect(name({ so: ' ', naming: { ...defaultPdfNaming, missingSo: 'null' } })).toBe(
      'KS.2018.01.2018-03-05.null.pdf',
    );
    expect(soCell('')).toBe('');
  });

  it('reads the number part of a số: leading digits and the letters right after', () => {
    expect(soNumberOf('01/2018')).toEqual({ digits: '01', suffix: '', value: 1 });
    expect(soNumberOf(' 12A ')).toEqual({ digits: '12', suffix: 'a', value: 12 });
    expect(soNumberOf('mười')).toBeNull();
  });

  it('writes quyenSo NN/YYYY', () => {
    expect(formatQuyenSo('1/2008')).toBe('01/2008');
    expect(formatQuyenSo(' 01 / 2008 ')).toBe('01/2008');
    expect(formatQuyenSo('123/2008')).toBe('123/2008');
    expect(formatQuyenSo('Quyển 1')).toBe('Quyển 1');
  });
});

describe('bundleStem', () => {
  const book = { type: 'KS' as const, bookYear: 2008, quyenSo: '1/2008' };

  it('defaults to <LOAI>.<năm>.<quyển>', () => {
    expect(bundleStem(book)).toBe('KS.2008.01');
  });

  it('supports the commune_district_province pattern with initials', () => {
    expect(
      bundleStem({
        ...book,
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        commune: 'Xã An Nhơn',
        district: 'Huyện Đạ Tẻh',
        province: 'Tỉnh Lâm Đồng',
      }),
    ).toBe('AnNhon_DT_LD.KS.2008.01');
    expect(
      bundleStem({
        ...book,
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        commune: 'Phường 1',
        district: 'Quận 1',
        province: 'Thành phố Hồ Chí Minh',
      }),
    ).toBe('Phuong1_Q1_HCM.KS.2008.01');
    expect(
      bundleStem({
        ...book,
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        commune: 'thị trấn Đất Đỏ',
        district: 'huyện Đất Đỏ',
        province: 'Bà Rịa - Vũng Tàu',
      }),
    ).toBe('DatDo_DD_BRVT.KS.2008.01');
  });

  it('drops missing places without leaving stray separators', () => {
    expect(
      bundleStem({
        ...book,
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        province: 'Hà Nội',
      }),
    ).toBe('HN.KS.2008.01');
    expect(
      bundleStem({
        ...book,
        pattern: '{xa}_{huyen}_{tinh}.{loai}.{nam}.{quyen}',
        commune: 'Xã Đông Hòa',
      }),
    ).toBe('DongHoa.KS.2008.01');
  });

  it('is always a safe file name', () => {
    const stems = [
      bundleStem({ ...book, pattern: '../{loai}/..\\{nam}:*?"<>|{quyen}' }),
      bundleStem({ ...book, pattern: '{unknown}..{loai}' }),
      bundleStem({ ...book, quyenSo: '../../etc', pattern: '{quyen}' }),
      bundleStem({ ...book, pattern: '...' }),
    ];
    for (const stem of stems) {
      expect(stem).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(stem).not.toContain('..');
    }
    expect(stems[0]).toBe('KS.200801');
    expect(stems[1]).toBe('unknown.KS');
    expect(stems[2]).toBe('Etc');
    expect(stems[3]).toBe('KS');
  });
});
