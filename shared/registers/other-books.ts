// Books the Ministry's importer does not take yet: no template exists, so each is the common
// registration block, the person concerned and what was decided, kept as typed data to export.
import type { FieldDef, RegisterTemplate, RegisterTypeCode } from './types';
import type { ColumnRow } from './blocks';
import {
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  personBlock,
  registrationBlock,
  shown,
} from './blocks';

// These fields are what the entry is about, so they sit in the main form.
const change = (rows: readonly ColumnRow[]): FieldDef[] =>
  columns(
    'noiDungThayDoi',
    rows.map(([key, label, kind, extra]): ColumnRow => [key, label, kind, { ...extra, ...shown }]),
  );

const canCu: ColumnRow = ['canCu', 'Căn cứ', 'text'];

function otherBook(
  type: RegisterTypeCode,
  version: string,
  name: string,
  own: FieldDef[],
): RegisterTemplate {
  const fields = [
    ...registrationBlock(),
    ...personBlock('ntd', 'người có thông tin hộ tịch', 'nguoiThayDoi', {
      suffixes: [
        'HoTen',
        'GioiTinh',
        'NgaySinh',
        'DanToc',
        'QuocTich',
        'NoiCuTru',
        'LoaiGiayToTuyThan',
        'SoGiayToTuyThan',
      ],
      isMainPerson: true,
    }),
    ...own,
  ];
  return {
    type,
    version,
    name,
    ...ministryWorkbook,
    fields,
    mainNameField: 'ntdHoTen',
    importable: false,
    checks: {
      dateOrder: [{ earlier: 'ntdNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' }],
      duplicateKey: ['ntdHoTen', 'ntdNgaySinh', 'ngayDangKy'],
      ...documentChecks(fields),
    },
  };
}

export const tdhtTemplate = otherBook(
  'TDHT',
  'tdht-1',
  'Thay đổi, cải chính, bổ sung hộ tịch',
  change([
    ['loaiThayDoi', 'Loại việc (thay đổi, cải chính, bổ sung)', 'text'],
    ['noiDungTruocThayDoi', 'Nội dung trước khi thay đổi', 'text'],
    ['noiDungSauThayDoi', 'Nội dung sau khi thay đổi', 'text'],
    canCu,
  ]),
);

export const xddtTemplate = otherBook(
  'XDDT',
  'xddt-1',
  'Xác định lại dân tộc',
  change([
    ['danTocTruoc', 'Dân tộc trước khi xác định lại', 'code', code('danToc')],
    ['danTocSau', 'Dân tộc sau khi xác định lại', 'code', code('danToc')],
    canCu,
  ]),
);

export const ghTemplate = otherBook('GH', 'gh-1', 'Giám hộ', [
  ...personBlock('ngh', 'người giám hộ', 'noiDungThayDoi', {
    suffixes: ['HoTen', 'NgaySinh', 'NoiCuTru'],
  }),
  ...change([canCu]),
]);

export const ncnTemplate = otherBook('NCN', 'ncn-1', 'Nuôi con nuôi', [
  ...personBlock('chaNuoi', 'cha nuôi', 'noiDungThayDoi', { suffixes: ['HoTen', 'NgaySinh'] }),
  ...personBlock('meNuoi', 'mẹ nuôi', 'noiDungThayDoi', { suffixes: ['HoTen', 'NgaySinh'] }),
]);

export const gclhTemplate = otherBook(
  'GCLH',
  'gclh-1',
  'Ghi chú ly hôn',
  change([
    ['banAnSo', 'Số bản án, quyết định', 'text'],
    ['ngayBanAn', 'Ngày bản án, quyết định', 'date'],
    ['toaAn', 'Tòa án, cơ quan đã giải quyết', 'text'],
    ['voChongHoTen', 'Họ tên vợ/chồng', 'personName'],
  ]),
);
