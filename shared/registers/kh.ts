// Kết hôn (marriage register), 44 columns in the vendor's order. Under-age spouses are a
// historical fact the book records: the age check warns, it never refuses.
import type { FieldDef, RegisterTemplate } from './types';
import {
  abroadBlock,
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  personBlock,
  personLayouts,
  registrationBlock,
} from './blocks';

const spouse = { suffixes: personLayouts.p13WithoutGioiTinh, isMainPerson: true };

const fields: FieldDef[] = [
  ...registrationBlock({
    loaiDangKy: 'loaiDangKyKH',
    after: {
      chucVuNguoiKy: columns('dangKy', [
        ['ngayXacLapQuanHeHonNhan', 'Ngày xác lập quan hệ hôn nhân', 'date'],
      ]),
    },
  }),
  // What later happened to the marriage, noted in the margin of the book.
  ...columns('khac', [
    ['tinhTrangKetHon', 'Tình trạng kết hôn', 'code', code('tinhTrangKetHon')],
    ['huyKetHonNgayGhiChu', 'Ngày ghi chú hủy việc kết hôn', 'date'],
    ['huyKetHonCanCu', 'Căn cứ hủy việc kết hôn', 'text'],
    ['congNhanKetHonNgayGhiChu', 'Ngày ghi chú công nhận việc kết hôn', 'date'],
    ['congNhanKetHonCanCu', 'Căn cứ công nhận việc kết hôn', 'text'],
  ]),
  ...personBlock('chong', 'chồng', 'chong', spouse),
  ...personBlock('vo', 'vợ', 'vo', spouse),
  ...abroadBlock(),
];

export const khTemplate: RegisterTemplate = {
  type: 'KH',
  version: 'kh-44',
  name: 'Kết hôn',
  ...ministryWorkbook,
  fields,
  mainNameField: 'chongHoTen',
  importable: true,
  checks: {
    dateOrder: [
      { earlier: 'chongNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
      { earlier: 'voNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
    ],
    // The legal ages are those of the law in force on the registration date.
    marriageAge: [
      { birth: 'voNgaySinh', at: 'ngayDangKy', sex: 'female' },
      { birth: 'chongNgaySinh', at: 'ngayDangKy', sex: 'male' },
    ],
    duplicateKey: ['chongHoTen', 'voHoTen', 'chongNgaySinh', 'voNgaySinh'],
    ...documentChecks(fields),
  },
};
