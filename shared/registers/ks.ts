// Khai sinh (birth register) templates. Headers are the Ministry's, verbatim (trailing spaces
// and "i=[…]" lines included); the older 60-column layout is derived from the 70-column one.
import type { FieldDef, FieldGroup, FieldKind, RegisterTemplate } from './types';

type Extra = Partial<Omit<FieldDef, 'key' | 'header' | 'label' | 'group' | 'kind'>>;
type Row = [header: string, label: string, group: FieldGroup, kind: FieldKind, extra?: Extra];

/** The column key: the header without its trailing space and without the "i=[…]" line. */
export function keyOfHeader(header: string): string {
  return (header.split('\n')[0] ?? '').trim();
}

const main: Extra = { shownByDefault: true };
const code = (codeListId: string, extra: Extra = {}): Extra => ({ codeListId, ...extra });

// Father and mother share one block of twelve columns, differing only in prefix and wording.
function parentRows(prefix: 'me' | 'cha', who: string, group: FieldGroup): Row[] {
  const of = `của ${who}`;
  return [
    [`${prefix}SoDinhDanhCaNhan`, `Số định danh cá nhân ${who}`, group, 'idNumber'],
    [`${prefix}HoTen `, `Họ tên ${who}`, group, 'personName', main],
    [`${prefix}NgaySinh `, `Ngày sinh ${who}`, group, 'date', main],
    [`${prefix}DanToc `, `Dân tộc ${who}`, group, 'code', code('danToc', main)],
    [`${prefix}QuocTich `, `Quốc tịch ${who}`, group, 'code', code('quocTich', main)],
    [`${prefix}QuocTichStr`, `Quốc tịch ${who} (ghi bằng chữ)`, group, 'text'],
    [`${prefix}QuocTichKhac`, `Quốc tịch khác ${of}`, group, 'code', code('quocTich')],
    [`${prefix}QuocTichKhacStr`, `Quốc tịch khác ${of} (ghi bằng chữ)`, group, 'text'],
    [`${prefix}LoaiCuTru `, `Loại cư trú ${who}`, group, 'code', code('loaiCuTru')],
    [`${prefix}NoiCuTru`, `Nơi cư trú ${who}`, group, 'place', main],
    [
      `${prefix}LoaiGiayToTuyThan\ni=[1,2,3,4,5,6,7,8]`,
      `Loại giấy tờ tùy thân ${who}`,
      group,
      'code',
      code('loaiGiayTo'),
    ],
    [`${prefix}SoGiayToTuyThan`, `Số giấy tờ tùy thân ${who}`, group, 'idNumber'],
  ];
}

const hanChe = 'hạn chế năng lực hành vi';

const rows70: Row[] = [
  ['STT', 'Số thứ tự', 'dangKy', 'number', { generated: 'rowNumber' }],
  ['so ', 'Số', 'dangKy', 'number', { required: true, ...main }],
  ['quyenSo ', 'Quyển số', 'dangKy', 'text', { required: true, bookDefault: 'quyenSo', ...main }],
  ['trangSo ', 'Trang số', 'dangKy', 'number', main],
  ['ngayDangKy ', 'Ngày đăng ký', 'dangKy', 'date', { required: true, ...main }],
  ['loaiDangKy \ni=[1,2,3,4,5,6]', 'Loại đăng ký', 'dangKy', 'code', code('loaiDangKyKS', main)],
  [
    'noiDangKy',
    'Nơi đăng ký',
    'dangKy',
    'place',
    { required: true, bookDefault: 'noiDangKy', ...main },
  ],
  [
    'nguoiKy',
    'Người ký',
    'dangKy',
    'personName',
    { required: true, bookDefault: 'nguoiKy', ...main },
  ],
  [
    'chucVuNguoiKy',
    'Chức vụ người ký',
    'dangKy',
    'text',
    { required: true, bookDefault: 'chucVuNguoiKy', ...main },
  ],
  [
    'nguoiThucHien',
    'Người thực hiện',
    'dangKy',
    'personName',
    { required: true, bookDefault: 'nguoiThucHien', ...main },
  ],
  ['ghiChu', 'Ghi chú', 'dangKy', 'text', main],
  ['nksSoDinhDanh', 'Số định danh cá nhân', 'nguoiDuocKhaiSinh', 'idNumber'],
  [
    'nksHoTen ',
    'Họ tên người được khai sinh',
    'nguoiDuocKhaiSinh',
    'personName',
    { required: true, ...main },
  ],
  ['nksGioiTinh', 'Giới tính', 'nguoiDuocKhaiSinh', 'code', code('gioiTinh', main)],
  ['nksNgaySinh ', 'Ngày sinh', 'nguoiDuocKhaiSinh', 'date', main],
  [
    'nksNgaySinhBangChu',
    'Ngày sinh bằng chữ',
    'nguoiDuocKhaiSinh',
    'text',
    { wordsOf: 'nksNgaySinh', ...main },
  ],
  ['nksNoiSinh', 'Nơi sinh', 'nguoiDuocKhaiSinh', 'place', main],
  ['nksNoiSinhDVHC', 'Nơi sinh (đơn vị hành chính)', 'nguoiDuocKhaiSinh', 'place'],
  ['nksQueQuan', 'Quê quán', 'nguoiDuocKhaiSinh', 'place', main],
  ['nksDanToc ', 'Dân tộc', 'nguoiDuocKhaiSinh', 'code', code('danToc', main)],
  ['nksQuocTich ', 'Quốc tịch', 'nguoiDuocKhaiSinh', 'code', code('quocTich', main)],
  ['nksQuocTichStr', 'Quốc tịch (ghi bằng chữ)', 'nguoiDuocKhaiSinh', 'text'],
  ['nksQuocTichKhac', 'Quốc tịch khác', 'nguoiDuocKhaiSinh', 'code', code('quocTich')],
  ['nksQuocTichKhacStr', 'Quốc tịch khác (ghi bằng chữ)', 'nguoiDuocKhaiSinh', 'text'],
  [
    'nksLoaiKhaiSinh\ni=[1,2,3,4,5]',
    'Loại khai sinh',
    'nguoiDuocKhaiSinh',
    'code',
    code('loaiKhaiSinh'),
  ],
  ['nksMatTich', 'Tuyên bố mất tích', 'nguoiDuocKhaiSinh', 'code', code('tuyenBo')],
  ['nksMatTichNgayGhiChuTuyenBo', 'Ngày ghi chú tuyên bố mất tích', 'nguoiDuocKhaiSinh', 'date'],
  ['nksMatTichCanCuTuyenBo', 'Căn cứ tuyên bố mất tích', 'nguoiDuocKhaiSinh', 'text'],
  [
    'nksMatTichNgayGhiChuHuyTuyenBo',
    'Ngày ghi chú hủy tuyên bố mất tích',
    'nguoiDuocKhaiSinh',
    'date',
  ],
  ['nksMatTichCanCuHuyTuyenBo', 'Căn cứ hủy tuyên bố mất tích', 'nguoiDuocKhaiSinh', 'text'],
  ['nksHanCheNangLucHanhVi', `Tuyên bố ${hanChe}`, 'nguoiDuocKhaiSinh', 'code', code('tuyenBo')],
  [
    'nksHanCheNangLucHanhViNgayGhiChuTuyenBo',
    `Ngày ghi chú tuyên bố ${hanChe}`,
    'nguoiDuocKhaiSinh',
    'date',
  ],
  ['nksHanCheNangLucHanhViCanCuTuyenBo', `Căn cứ tuyên bố ${hanChe}`, 'nguoiDuocKhaiSinh', 'text'],
  [
    'nksHanCheNangLucHanhViNgayGhiChuHuyTuyenBo',
    `Ngày ghi chú hủy tuyên bố ${hanChe}`,
    'nguoiDuocKhaiSinh',
    'date',
  ],
  // Despite "Ngay" in the Ministry's column name, this column holds the basis (căn cứ) of the
  // annulment, like its mất tích twin; kept as free text so a date written there also fits.
  [
    'nksHanCheNangLucHanhViNgayCanCuHuyTuyenBo',
    `Căn cứ hủy tuyên bố ${hanChe}`,
    'nguoiDuocKhaiSinh',
    'text',
  ],
  ...parentRows('me', 'mẹ', 'me'),
  ...parentRows('cha', 'cha', 'cha'),
  ['nycHoTen', 'Họ tên người đi khai', 'nguoiYeuCau', 'personName', main],
  ['nycQuanHe', 'Quan hệ với người được khai sinh', 'nguoiYeuCau', 'text', main],
  [
    'nycLoaiGiayToTuyThan',
    'Loại giấy tờ tùy thân người đi khai',
    'nguoiYeuCau',
    'code',
    code('loaiGiayTo'),
  ],
  ['nycGiayToKhac', 'Giấy tờ khác của người đi khai', 'nguoiYeuCau', 'text'],
  ['nycSoGiayToTuyThan', 'Số giấy tờ tùy thân người đi khai', 'nguoiYeuCau', 'idNumber'],
  ['nycNgayCapGiayToTuyThan', 'Ngày cấp giấy tờ người đi khai', 'nguoiYeuCau', 'date'],
  ['nycNoiCapGiayToTuyThan', 'Nơi cấp giấy tờ người đi khai', 'nguoiYeuCau', 'place'],
  ['soDangKyNuocNgoai', 'Số đăng ký ở nước ngoài', 'nuocNgoai', 'text'],
  ['ngayDangKyNuocNgoai', 'Ngày đăng ký ở nước ngoài', 'nuocNgoai', 'date'],
  ['cqNuocNgoaiDaDangKy', 'Cơ quan nước ngoài đã đăng ký', 'nuocNgoai', 'text'],
  ['qgNuocNgoaiDaDangKy', 'Quốc gia đã đăng ký', 'nuocNgoai', 'code', code('quocTich')],
];

function toField([header, label, group, kind, extra = {}]: Row): FieldDef {
  return { key: keyOfHeader(header), header, label, group, kind, ...extra };
}

export const ksTemplate70: RegisterTemplate = {
  type: 'KS',
  version: 'ks-70',
  name: 'Khai sinh',
  sheetName: 'DL Import',
  notesSheetName: 'Ghi chu',
  fields: rows70.map(toField),
  mainNameField: 'nksHoTen',
  importable: true,
};

// The older layout predates row numbers, personal ID numbers and the free-text nationality
// columns; everything else is the same in the same order.
const absentFrom60 = new Set(['STT', 'nksSoDinhDanh', 'meSoDinhDanhCaNhan', 'chaSoDinhDanhCaNhan']);

export const ksTemplate60: RegisterTemplate = {
  ...ksTemplate70,
  version: 'ks-60',
  fields: ksTemplate70.fields.filter(
    (field) => !absentFrom60.has(field.key) && !field.key.endsWith('Str'),
  ),
};
