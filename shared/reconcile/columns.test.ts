import { describe, expect, it } from 'vitest';
import { POPULATION_HEADERS } from '../../test/fixtures/population-extract';
import {
  columnsSettingKey,
  guessColumns,
  headerSignature,
  mappableFields,
  parseSavedColumns,
  repeatedColumns,
  unmappedRequired,
} from './columns';

describe('the fields an officer maps', () => {
  it('are what the linker compares for a birth, name and registration date required', () => {
    expect(mappableFields('KS')).toEqual([
      { key: 'nksHoTen', isRequired: true },
      { key: 'nksNgaySinh', isRequired: false },
      { key: 'nksGioiTinh', isRequired: false },
      { key: 'meHoTen', isRequired: false },
      { key: 'chaHoTen', isRequired: false },
      { key: 'nksNoiSinh', isRequired: false },
      { key: 'so', isRequired: false },
      { key: 'quyenSo', isRequired: false },
      { key: 'ngayDangKy', isRequired: true },
    ]);
  });

  it('follow the register: a death has its date and place of death, a marriage the wife', () => {
    expect(mappableFields('KT').map((f) => f.key)).toContain('nktNgayChet');
    expect(mappableFields('KH').map((f) => f.key)).toEqual([
      'chongHoTen',
      'chongNgaySinh',
      'voHoTen',
      'so',
      'quyenSo',
      'ngayDangKy',
    ]);
  });
});

describe('matching a header row', () => {
  it('keys a mapping by the headers, whatever their case, spacing or code hints', () => {
    expect(headerSignature(['Họ và tên', ' Ngày sinh ', ''])).toBe(
      headerSignature(['họ và  tên', 'NGÀY SINH']),
    );
    expect(columnsSettingKey(['Họ tên', 'Ngày sinh'])).not.toBe(
      columnsSettingKey(['Họ tên', 'Ngày sinh', 'Giới tính']),
    );
  });

  it('tells headers with and without accents apart (another file, another mapping)', () => {
    expect(headerSignature(['Ho ten'])).not.toBe(headerSignature(['Họ tên']));
  });

  it("guesses the usual wordings of the population database's columns", () => {
    const guess = guessColumns('KS', POPULATION_HEADERS);
    expect(guess).toEqual({
      nksHoTen: 1,
      nksNgaySinh: 2,
      nksGioiTinh: 3,
      meHoTen: 5,
      chaHoTen: 6,
      nksNoiSinh: 7,
      quyenSo: 9,
      ngayDangKy: 10,
    });
    // "Số ĐKKS" is not a wording it knows: the officer chooses it.
    expect(guess.so).toBeUndefined();
  });

  it('never guesses one column for two fields', () => {
    expect(guessColumns('KS', ['Họ tên', 'Họ tên'])).toEqual({ nksHoTen: 0 });
  });
});

describe('checking a mapping', () => {
  it('names the required fields left without a column', () => {
    expect(unmappedRequired('KS', { nksHoTen: 0 })).toEqual(['ngayDangKy']);
    expect(unmappedRequired('KS', { nksHoTen: 0, ngayDangKy: 3 })).toEqual([]);
  });

  it('finds a column chosen for two fields', () => {
    expect(repeatedColumns({ nksHoTen: 1, chaHoTen: 1, ngayDangKy: 2 })).toEqual([1]);
  });

  it('reads back only a mapping of a known register onto its own fields', () => {
    const saved = { type: 'KS', headers: ['Họ tên'], columns: { nksHoTen: 0 } };
    expect(parseSavedColumns(saved)).toEqual(saved);
    expect(parseSavedColumns({ ...saved, type: 'XX' })).toBeNull();
    expect(parseSavedColumns({ ...saved, columns: { nktHoTen: 0 } })).toBeNull();
    expect(parseSavedColumns({ ...saved, columns: { nksHoTen: -1 } })).toBeNull();
    expect(parseSavedColumns('KS')).toBeNull();
  });
});
