// Column blocks several register types share, so a template file lists only its own columns.
// Headers equal keys here: only khai sinh has a Ministry file, and ks.ts restores its spelling.
import type { FieldDef, FieldGroup, FieldKind, TemplateChecks } from './types';

type Extra = Partial<Omit<FieldDef, 'key' | 'header' | 'label' | 'group' | 'kind'>>;
export type ColumnRow = [key: string, label: string, kind: FieldKind, extra?: Extra];

/** Shown in the main form rather than folded under "Thông tin khác". */
export const shown: Extra = { shownByDefault: true };
export const code = (codeListId: string, extra: Extra = {}): Extra => ({ codeListId, ...extra });

/** Every template is written to the Ministry's workbook layout (sheet names of its KS file). */
export const ministryWorkbook = { sheetName: 'DL Import', notesSheetName: 'Ghi chu' } as const;

/** Columns of one group; each header is its key. */
export function columns(group: FieldGroup, rows: readonly ColumnRow[]): FieldDef[] {
  return rows.map(([key, label, kind, extra = {}]) => ({
    key,
    header: key,
    label,
    group,
    kind,
    ...extra,
  }));
}

// Registration columns always appear in this order; types differ only in which are present
// (loaiDangKy, noiCap for noiDangKy) and in what they insert between them.
type RegistrationKey =
  | 'so'
  | 'quyenSo'
  | 'trangSo'
  | 'ngayDangKy'
  | 'loaiDangKy'
  | 'noiDangKy'
  | 'noiCap'
  | 'nguoiKy'
  | 'chucVuNguoiKy'
  | 'nguoiThucHien'
  | 'ghiChu';

// The officer types these for every entry, so they are required and filled from the book.
const fromBook = (bookDefault: NonNullable<Extra['bookDefault']>): Extra => ({
  required: true,
  bookDefault,
  ...shown,
});

interface RegistrationOptions {
  /** Code list of loaiDangKy; without one the type has no loaiDangKy column (HN, other books). */
  loaiDangKy?: string;
  /** HN names the place `noiCap` (where the certificate was issued) instead of noiDangKy. */
  place?: 'noiDangKy' | 'noiCap';
  /** Columns of the type's own that the template puts right after a registration column. */
  after?: Partial<Record<RegistrationKey, FieldDef[]>>;
}

export function registrationBlock(options: RegistrationOptions = {}): FieldDef[] {
  const { loaiDangKy, place = 'noiDangKy', after = {} } = options;
  const rows: [key: RegistrationKey, label: string, kind: FieldKind, extra: Extra][] = [
    ['so', 'Số', 'number', { required: true, ...shown }],
    ['quyenSo', 'Quyển số', 'text', fromBook('quyenSo')],
    ['trangSo', 'Trang số', 'number', shown],
    ['ngayDangKy', 'Ngày đăng ký', 'date', { required: true, ...shown }],
  ];
  if (loaiDangKy) rows.push(['loaiDangKy', 'Loại đăng ký', 'code', code(loaiDangKy, shown)]);
  rows.push(
    place === 'noiCap'
      ? ['noiCap', 'Nơi cấp', 'place', fromBook('noiDangKy')]
      : ['noiDangKy', 'Nơi đăng ký', 'place', fromBook('noiDangKy')],
    ['nguoiKy', 'Người ký', 'personName', fromBook('nguoiKy')],
    ['chucVuNguoiKy', 'Chức vụ người ký', 'text', fromBook('chucVuNguoiKy')],
    ['nguoiThucHien', 'Người thực hiện', 'personName', fromBook('nguoiThucHien')],
    ['ghiChu', 'Ghi chú', 'text', shown],
  );
  return rows.flatMap((row) => [...columns('dangKy', [row]), ...(after[row[0]] ?? [])]);
}

// A person's columns are named prefix + suffix ("meHoTen"); the label names the person.
const personColumns = {
  SoDinhDanhCaNhan: { label: 'Số định danh cá nhân #', kind: 'idNumber' },
  HoTen: { label: 'Họ tên #', kind: 'personName', extra: shown },
  GioiTinh: { label: 'Giới tính #', kind: 'code', extra: code('gioiTinh', shown) },
  NgaySinh: { label: 'Ngày sinh #', kind: 'date', extra: shown },
  DanToc: { label: 'Dân tộc #', kind: 'code', extra: code('danToc', shown) },
  QuocTich: { label: 'Quốc tịch #', kind: 'code', extra: code('quocTich', shown) },
  QuocTichStr: { label: 'Quốc tịch # (ghi bằng chữ)', kind: 'text' },
  QuocTichKhac: { label: 'Quốc tịch khác của #', kind: 'code', extra: code('quocTich') },
  QuocTichKhacStr: { label: 'Quốc tịch khác của # (ghi bằng chữ)', kind: 'text' },
  QueQuan: { label: 'Quê quán #', kind: 'place' },
  LoaiCuTru: { label: 'Loại cư trú #', kind: 'code', extra: code('loaiCuTru') },
  NoiCuTru: { label: 'Nơi cư trú #', kind: 'place', extra: shown },
  LoaiGiayToTuyThan: { label: 'Loại giấy tờ tùy thân #', kind: 'code', extra: code('loaiGiayTo') },
  GiayToKhac: { label: 'Giấy tờ khác của #', kind: 'text' },
  SoGiayToTuyThan: { label: 'Số giấy tờ tùy thân #', kind: 'idNumber' },
  NgayCapGiayToTuyThan: { label: 'Ngày cấp giấy tờ #', kind: 'date' },
  NoiCapGiayToTuyThan: { label: 'Nơi cấp giấy tờ #', kind: 'place' },
} satisfies Record<string, { label: string; kind: FieldKind; extra?: Extra }>;

type PersonSuffix = keyof typeof personColumns;

const identityDocument = [
  'LoaiGiayToTuyThan',
  'GiayToKhac',
  'SoGiayToTuyThan',
  'NgayCapGiayToTuyThan',
  'NoiCapGiayToTuyThan',
] as const satisfies readonly PersonSuffix[];

/** The person layouts the Ministry's templates use. */
export const personLayouts = {
  /** P13: the common thirteen. */
  p13: [
    'HoTen',
    'GioiTinh',
    'NgaySinh',
    'DanToc',
    'QuocTich',
    'QuocTichKhac',
    'LoaiCuTru',
    'NoiCuTru',
    ...identityDocument,
  ],
  /** Kết hôn: the spouse's sex is implied by the column group. */
  p13WithoutGioiTinh: [
    'HoTen',
    'NgaySinh',
    'DanToc',
    'QuocTich',
    'QuocTichKhac',
    'LoaiCuTru',
    'NoiCuTru',
    ...identityDocument,
  ],
  /** Nhận cha, mẹ, con: home town instead of sex. */
  cmc13: [
    'HoTen',
    'NgaySinh',
    'DanToc',
    'QuocTich',
    'QuocTichKhac',
    'QueQuan',
    'LoaiCuTru',
    'NoiCuTru',
    ...identityDocument,
  ],
} as const satisfies Record<string, readonly PersonSuffix[]>;

interface PersonOptions {
  /** Columns in order; P13 unless said. */
  suffixes?: readonly PersonSuffix[];
  /** The entry is about this person, so their name is required. */
  isMainPerson?: boolean;
}

/** One person's columns: `prefix` starts each key, `who` ends each label ("Họ tên mẹ"). */
export function personBlock(
  prefix: string,
  who: string,
  group: FieldGroup,
  options: PersonOptions = {},
): FieldDef[] {
  const { suffixes = personLayouts.p13, isMainPerson = false } = options;
  return columns(
    group,
    suffixes.map((suffix): ColumnRow => {
      const column: { label: string; kind: FieldKind; extra?: Extra } = personColumns[suffix];
      const extra =
        suffix === 'HoTen' && isMainPerson ? { ...column.extra, required: true } : column.extra;
      return [`${prefix}${suffix}`, column.label.replace('#', who), column.kind, extra];
    }),
  );
}

/**
 * NYC: the person who came to register, their relation(s) to the people of the entry
 * (`relations`: key → label, in column order), and their identity document.
 */
export function requesterBlock(who: string, relations: Record<string, string>): FieldDef[] {
  const group = 'nguoiYeuCau';
  return [
    ...personBlock('nyc', who, group, { suffixes: ['HoTen'] }),
    ...columns(
      group,
      Object.entries(relations).map(([key, label]): ColumnRow => [
        key,
        label,
        'text',
        { ...shown, wordingListId: 'quanHe' },
      ]),
    ),
    ...personBlock('nyc', who, group, { suffixes: identityDocument }),
  ];
}

/** NN: the event was first registered by a foreign authority. */
export function abroadBlock(): FieldDef[] {
  return columns('nuocNgoai', [
    ['soDangKyNuocNgoai', 'Số đăng ký ở nước ngoài', 'text'],
    ['ngayDangKyNuocNgoai', 'Ngày đăng ký ở nước ngoài', 'date'],
    ['cqNuocNgoaiDaDangKy', 'Cơ quan nước ngoài đã đăng ký', 'text'],
    ['qgNuocNgoaiDaDangKy', 'Quốc gia đã đăng ký', 'code', code('quocTich')],
  ]);
}

/** A parent's age at the child's birth outside this range is possible but worth a look. */
export const PARENT_AGE = { min: 13, max: 60, rule: 'parentAgeAtBirth' } as const;

/**
 * Identity-document and personal-ID checks follow from the columns themselves, so a template
 * version that drops a column (ks-60) cannot point a check at it.
 */
export function documentChecks(
  fields: readonly FieldDef[],
): Required<Pick<TemplateChecks, 'idDocuments' | 'personalIds'>> {
  const keys = new Set(fields.map((field) => field.key));
  const idDocuments = fields
    .filter((field) => field.key.endsWith('LoaiGiayToTuyThan'))
    .map((field) => ({
      typeField: field.key,
      numberField: field.key.replace(/LoaiGiayToTuyThan$/u, 'SoGiayToTuyThan'),
    }))
    .filter((pair) => keys.has(pair.numberField));
  const personalIds = fields
    .filter((field) => field.key.includes('SoDinhDanh'))
    .map((field) => field.key);
  return { idDocuments, personalIds };
}
