// A complete, valid khai sinh entry and a checker over it, for the validation tests.
import { ksTemplate70 } from '../registers/ks';
import type { Issue } from './types';
import { validateEntry } from './validate-entry';
import type { ValidationContext } from './validate-entry';

export const now = new Date(2026, 0, 15);

/** A complete, valid khai sinh entry; each test changes what it checks. */
export const valid: Record<string, string> = {
  so: '12',
  quyenSo: '01/2008',
  trangSo: '5',
  ngayDangKy: '27.10.2008',
  loaiDangKy: '1',
  noiDangKy: 'UBND xã An Nhơn',
  nguoiKy: 'Lê Đức Tuấn',
  chucVuNguoiKy: 'Chủ tịch',
  nguoiThucHien: 'Nguyễn Văn Sơn',
  nksHoTen: 'Phạm Anh Đài',
  nksGioiTinh: '2',
  nksNgaySinh: '27.08.2008',
  nksDanToc: 'Kinh',
  nksQuocTich: 'Việt Nam',
  meHoTen: 'Nguyễn Thị Lan',
  meNgaySinh: '10.10.1981',
  meDanToc: 'Ba Na',
  chaHoTen: "Ksor H'Bia",
  chaNgaySinh: '1979',
};

export function check(changes: Record<string, string>, ctx: ValidationContext = {}) {
  return validateEntry(ksTemplate70, { ...valid, ...changes }, { now, ...ctx });
}

export const rules = (issues: Issue[]) => issues.map((issue) => `${issue.field}:${issue.rule}`);
