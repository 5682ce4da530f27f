// Khai sinh (birth register) templates. Headers are the Ministry's, verbatim (trailing spaces
// and "i=[…]" lines included); the older 60-column layout is derived from the 70-column one.
import type { FieldDef, RegisterTemplate, TemplateChecks } from './types';
import {
  abroadBlock,
  code,
  columns,
  documentChecks,
  ministryWorkbook,
  PARENT_AGE,
  personBlock,
  registrationBlock,
  requesterBlock,
  shown,
} from './blocks';

/** The column key: the header without its trailing space and without the "i=[…]" line. */
export function keyOfHeader(header: string): string {
  return (header.split('\n')[0] ?? '').trim();
}

// The Ministry's file pads some headers with a space and lists the allowed codes under others;
// every other header is the bare key.
const paddedHeaders = [
  'so ',
  'quyenSo ',
  'trangSo ',
  'ngayDangKy ',
  'loaiDangKy \ni=[1,2,3,4,5,6]',
  'nksHoTen ',
  'nksNgaySinh ',
  'nksDanToc ',
  'nksQuocTich ',
  'nksLoaiKhaiSinh\ni=[1,2,3,4,5]',
  ...(['me', 'cha'] as const).flatMap((prefix) => [
    `${prefix}HoTen `,
    `${prefix}NgaySinh `,
    `${prefix}DanToc `,
    `${prefix}QuocTich `,
    `${prefix}LoaiCuTru `,
    `${prefix}LoaiGiayToTuyThan\ni=[1,2,3,4,5,6,7,8]`,
  ]),
];
const ministryHeaders = new Map(paddedHeaders.map((header) => [keyOfHeader(header), header]));

function withMinistryHeader(field: FieldDef): FieldDef {
  return { ...field, header: ministryHeaders.get(field.key) ?? field.key };
}

// Mother and father: the P13 person without sex and documents' details, plus the personal ID
// and the free-text nationalities of the 70-column layout.
const parent = (prefix: 'me' | 'cha', who: string): FieldDef[] =>
  personBlock(prefix, who, prefix, {
    suffixes: [
      'SoDinhDanhCaNhan',
      'HoTen',
      'NgaySinh',
      'DanToc',
      'QuocTich',
      'QuocTichStr',
      'QuocTichKhac',
      'QuocTichKhacStr',
      'LoaiCuTru',
      'NoiCuTru',
      'LoaiGiayToTuyThan',
      'SoGiayToTuyThan',
    ],
  });

const hanChe = 'hạn chế năng lực hành vi';

const child = columns('nguoiDuocKhaiSinh', [
  ['nksSoDinhDanh', 'Số định danh cá nhân', 'idNumber'],
  ['nksHoTen', 'Họ tên người được khai sinh', 'personName', { required: true, ...shown }],
  ['nksGioiTinh', 'Giới tính', 'code', code('gioiTinh', shown)],
  ['nksNgaySinh', 'Ngày sinh', 'date', shown],
  ['nksNgaySinhBangChu', 'Ngày sinh bằng chữ', 'text', { wordsOf: 'nksNgaySinh', ...shown }],
  ['nksNoiSinh', 'Nơi sinh', 'place', shown],
  ['nksNoiSinhDVHC', 'Nơi sinh (đơn vị hành chính)', 'place'],
  ['nksQueQuan', 'Quê quán', 'place', shown],
  ['nksDanToc', 'Dân tộc', 'code', code('danToc', shown)],
  ['nksQuocTich', 'Quốc tịch', 'code', code('quocTich', shown)],
  ['nksQuocTichStr', 'Quốc tịch (ghi bằng chữ)', 'text'],
  ['nksQuocTichKhac', 'Quốc tịch khác', 'code', code('quocTich')],
  ['nksQuocTichKhacStr', 'Quốc tịch khác (ghi bằng chữ)', 'text'],
  ['nksLoaiKhaiSinh', 'Loại khai sinh', 'code', code('loaiKhaiSinh')],
  ['nksMatTich', 'Tuyên bố mất tích', 'code', code('tuyenBo')],
  ['nksMatTichNgayGhiChuTuyenBo', 'Ngày ghi chú tuyên bố mất tích', 'date'],
  ['nksMatTichCanCuTuyenBo', 'Căn cứ tuyên bố mất tích', 'text'],
  ['nksMatTichNgayGhiChuHuyTuyenBo', 'Ngày ghi chú hủy tuyên bố mất tích', 'date'],
  ['nksMatTichCanCuHuyTuyenBo', 'Căn cứ hủy tuyên bố mất tích', 'text'],
  ['nksHanCheNangLucHanhVi', `Tuyên bố ${hanChe}`, 'code', code('tuyenBo')],
  ['nksHanCheNangLucHanhViNgayGhiChuTuyenBo', `Ngày ghi chú tuyên bố ${hanChe}`, 'date'],
  ['nksHanCheNangLucHanhViCanCuTuyenBo', `Căn cứ tuyên bố ${hanChe}`, 'text'],
  ['nksHanCheNangLucHanhViNgayGhiChuHuyTuyenBo', `Ngày ghi chú hủy tuyên bố ${hanChe}`, 'date'],
  // Despite "Ngay" in the Ministry's column name, this column holds the basis (căn cứ) of the
  // annulment, like its mất tích twin; kept as free text so a date written there also fits.
  ['nksHanCheNangLucHanhViNgayCanCuHuyTuyenBo', `Căn cứ hủy tuyên bố ${hanChe}`, 'text'],
]);

const fields70: FieldDef[] = [
  ...columns('dangKy', [['STT', 'Số thứ tự', 'number', { generated: 'rowNumber' }]]),
  ...registrationBlock({ loaiDangKy: 'loaiDangKyKS' }),
  ...child,
  ...parent('me', 'mẹ'),
  ...parent('cha', 'cha'),
  ...requesterBlock('người đi khai', { nycQuanHe: 'Quan hệ với người được khai sinh' }),
  ...abroadBlock(),
].map(withMinistryHeader);

const parentAges = ['meNgaySinh', 'chaNgaySinh'];

function ksChecks(fields: readonly FieldDef[]): TemplateChecks {
  return {
    dateOrder: [
      { earlier: 'nksNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
      { earlier: 'meNgaySinh', later: 'nksNgaySinh', rule: 'parentYoungerThanChild' },
      { earlier: 'chaNgaySinh', later: 'nksNgaySinh', rule: 'parentYoungerThanChild' },
    ],
    ageRange: parentAges.map((birth) => ({ birth, at: 'nksNgaySinh', ...PARENT_AGE })),
    duplicateKey: ['nksHoTen', 'nksNgaySinh', 'meHoTen', 'chaHoTen'],
    ...documentChecks(fields),
  };
}

export const ksTemplate70: RegisterTemplate = {
  type: 'KS',
  version: 'ks-70',
  name: 'Khai sinh',
  ...ministryWorkbook,
  fields: fields70,
  mainNameField: 'nksHoTen',
  importable: true,
  checks: ksChecks(fields70),
};

// The older layout predates row numbers, personal ID numbers and the free-text nationality
// columns; everything else is the same in the same order.
const absentFrom60 = new Set(['STT', 'nksSoDinhDanh', 'meSoDinhDanhCaNhan', 'chaSoDinhDanhCaNhan']);
const fields60 = fields70.filter(
  (field) => !absentFrom60.has(field.key) && !field.key.endsWith('Str'),
);

export const ksTemplate60: RegisterTemplate = {
  ...ksTemplate70,
  version: 'ks-60',
  fields: fields60,
  checks: ksChecks(fields60),
};
