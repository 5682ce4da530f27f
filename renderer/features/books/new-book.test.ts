import { describe, expect, it } from 'vitest';
import { checkNewBook, type NewBookForm } from './new-book';

const form: NewBookForm = {
  type: 'KS',
  quyenSo: '1/2008',
  year: '2008',
  noiDangKy: 'UBND xã An Nhơn',
  nguoiKy: '',
  chucVuNguoiKy: '',
  nguoiThucHien: '',
  expectedCount: '',
  templateVersion: '',
};

const versionOf = (input: NewBookForm) => {
  const checked = checkNewBook(input, 2026);
  return checked.ok ? checked.input.templateVersion : null;
};

describe('checkNewBook template version', () => {
  it('opens a khai sinh book on the current 70-column template unless told otherwise', () => {
    expect(versionOf(form)).toBe('ks-70');
  });

  it('opens it on the older 60-column template when the officer picks it', () => {
    expect(versionOf({ ...form, templateVersion: 'ks-60' })).toBe('ks-60');
  });

  it("ignores a version left over from another register type's choice", () => {
    expect(versionOf({ ...form, type: 'KT', templateVersion: 'ks-60' })).toBe('kt-48');
  });
});
