// Khai tử (death register), 48 columns in the vendor's order. No Ministry file exists for it:
// headers are the bare keys, and the layout is versioned data like khai sinh's.
import type { FieldDef, RegisterTemplate } from './types';
import {
  abroadBlock,
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  personBlock,
  registrationBlock,
  requesterBlock,
  shown,
} from './blocks';

const viecChet = 'việc chết';

const fields: FieldDef[] = [
  ...registrationBlock({ loaiDangKy: 'loaiDangKyKT' }),
  ...personBlock('nkt', 'người chết', 'nguoiChet', { isMainPerson: true }),
  ...columns('nguoiChet', [
    ['nktNgayChet', 'Ngày chết', 'date', shown],
    ['nktNgayChetGhiBangChu', 'Ngày chết bằng chữ', 'text', { wordsOf: 'nktNgayChet' }],
    ['nktGioPhutChet', 'Giờ, phút chết', 'text'],
    ['nktNoiChet', 'Nơi chết', 'place', shown],
    ['nktNguyenNhanChet', 'Nguyên nhân chết', 'text', shown],
    ['nktTinhTrangTuyenBoViecChet', `Tuyên bố ${viecChet}`, 'code', code('tuyenBo')],
    ['nktNgayGhiChuTuyenBoViecChet', `Ngày ghi chú tuyên bố ${viecChet}`, 'date'],
    ['nktCanCuTuyenBoViecChet', `Căn cứ tuyên bố ${viecChet}`, 'text'],
    ['nktNgayGhiChuHuyTuyenBoViecChet', `Ngày ghi chú hủy tuyên bố ${viecChet}`, 'date'],
    ['nktCanCuHuyTuyenBoViecChet', `Căn cứ hủy tuyên bố ${viecChet}`, 'text'],
  ]),
  ...columns('giayBaoTu', [
    ['gbtLoai', 'Loại giấy báo tử', 'code', code('loaiGiayBaoTu')],
    ['gbtSo', 'Số giấy báo tử', 'text'],
    ['gbtNgay', 'Ngày cấp giấy báo tử', 'date'],
    ['gbtCoQuanCap', 'Cơ quan cấp giấy báo tử', 'text'],
  ]),
  ...requesterBlock('người đi khai', { nycQuanHe: 'Quan hệ với người chết' }),
  ...abroadBlock(),
];

export const ktTemplate: RegisterTemplate = {
  type: 'KT',
  version: 'kt-48',
  name: 'Khai tử',
  ...ministryWorkbook,
  fields,
  mainNameField: 'nktHoTen',
  importable: true,
  checks: {
    dateOrder: [
      { earlier: 'nktNgaySinh', later: 'nktNgayChet', rule: 'diedBeforeBorn' },
      { earlier: 'nktNgayChet', later: 'ngayDangKy', rule: 'diedAfterRegistered' },
    ],
    duplicateKey: ['nktHoTen', 'nktNgaySinh', 'nktNgayChet'],
    ...documentChecks(fields),
  },
};
