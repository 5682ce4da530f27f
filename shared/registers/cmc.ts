// Nhận cha, mẹ, con (parent-child recognition), 50 columns as the vendor's real export has
// them: parent (cm) and child (nc) in the CMC person layout, two requester relations.
import type { FieldDef, RegisterTemplate } from './types';
import {
  abroadBlock,
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  PARENT_AGE,
  personBlock,
  personLayouts,
  registrationBlock,
  requesterBlock,
  shown,
} from './blocks';

const person = { suffixes: personLayouts.cmc13, isMainPerson: true };

const fields: FieldDef[] = [
  ...registrationBlock({
    loaiDangKy: 'loaiDangKyCMC',
    after: {
      trangSo: columns('dangKy', [['quyetDinhSo', 'Số quyết định', 'text']]),
      // Says who recognises whom, which the rest of the entry depends on: kept in view.
      loaiDangKy: columns('dangKy', [
        ['loaiXacNhan', 'Loại xác nhận', 'code', code('loaiXacNhan', shown)],
      ]),
    },
  }),
  ...personBlock('cm', 'cha/mẹ', 'chaMe', person),
  ...personBlock('nc', 'con', 'con', person),
  ...requesterBlock('người yêu cầu', {
    nycQHNguoiDuocNhan: 'Quan hệ với người được nhận',
    nycQHNguoiNhan: 'Quan hệ với người nhận',
  }),
  ...abroadBlock(),
];

export const cmcTemplate: RegisterTemplate = {
  type: 'CMC',
  version: 'cmc-50',
  name: 'Nhận cha, mẹ, con',
  ...ministryWorkbook,
  fields,
  mainNameField: 'cmHoTen',
  importable: true,
  checks: {
    dateOrder: [
      { earlier: 'ncNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
      { earlier: 'cmNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
      { earlier: 'cmNgaySinh', later: 'ncNgaySinh', rule: 'parentYoungerThanChild' },
    ],
    ageRange: [{ birth: 'cmNgaySinh', at: 'ncNgaySinh', ...PARENT_AGE }],
    duplicateKey: ['cmHoTen', 'ncHoTen', 'ncNgaySinh'],
    ...documentChecks(fields),
  },
};
