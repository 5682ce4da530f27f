import type { NewBookInput } from './repositories';

/** A realistic khai sinh book, for tests and benchmarks. */
export const sampleBook: NewBookInput = {
  type: 'KS',
  templateVersion: 'ks-70',
  quyenSo: '01/2008',
  year: 2008,
  noiDangKy: 'UBND xã An Nhơn',
  nguoiKy: 'Lê Đức Tuấn',
  chucVuNguoiKy: 'Chủ tịch',
  nguoiThucHien: 'Nguyễn Văn Sơn',
  expectedCount: null,
};
