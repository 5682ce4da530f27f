// Xác nhận tình trạng hôn nhân (marital-status certificates), 35 columns in the vendor's
// order: no loaiDangKy, and the place is where the certificate was issued (noiCap).
import type { FieldDef, RegisterTemplate } from './types';
import {
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  personBlock,
  registrationBlock,
  requesterBlock,
  shown,
} from './blocks';

const fields: FieldDef[] = [
  ...registrationBlock({ place: 'noiCap' }),
  ...personBlock('nxn', 'người được xác nhận', 'nguoiXacNhan', { isMainPerson: true }),
  ...columns('nguoiXacNhan', [
    ['nxnThoiGianCuTruTai', 'Nơi cư trú trong thời gian xác nhận', 'place'],
    ['nxnThoiGianCuTruTu', 'Cư trú từ ngày', 'date'],
    ['nxnThoiGianCuTruDen', 'Cư trú đến ngày', 'date'],
    // What the certificate is for: typed on every entry, so it sits in the main form.
    ['nxnTinhTrangHonNhan', 'Tình trạng hôn nhân', 'text', shown],
    ['nxnLoaiMucDichSuDung', 'Loại mục đích sử dụng', 'code', code('mucDichSuDung', shown)],
    ['nxnMucDichSuDung', 'Mục đích sử dụng', 'text'],
  ]),
  ...requesterBlock('người yêu cầu', { nycQuanHe: 'Quan hệ với người được xác nhận' }),
];

export const hnTemplate: RegisterTemplate = {
  type: 'HN',
  version: 'hn-35',
  name: 'Xác nhận tình trạng hôn nhân',
  ...ministryWorkbook,
  fields,
  mainNameField: 'nxnHoTen',
  importable: true,
  checks: {
    dateOrder: [{ earlier: 'nxnNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' }],
    duplicateKey: ['nxnHoTen', 'nxnNgaySinh', 'ngayDangKy'],
    ...documentChecks(fields),
  },
};
