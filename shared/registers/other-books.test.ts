import { describe, expect, it } from 'vitest';
import { gclhTemplate, ghTemplate, ncnTemplate, tdhtTemplate, xddtTemplate } from './other-books';

const COMMON = [
  'so',
  'quyenSo',
  'trangSo',
  'ngayDangKy',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'ghiChu',
  'ntdHoTen',
  'ntdGioiTinh',
  'ntdNgaySinh',
  'ntdDanToc',
  'ntdQuocTich',
  'ntdNoiCuTru',
  'ntdLoaiGiayToTuyThan',
  'ntdSoGiayToTuyThan',
];

const COMMON_SHOWN = [
  'Số',
  'Quyển số',
  'Trang số',
  'Ngày đăng ký',
  'Nơi đăng ký',
  'Người ký',
  'Chức vụ người ký',
  'Người thực hiện',
  'Ghi chú',
  'Họ tên người có thông tin hộ tịch',
  'Giới tính người có thông tin hộ tịch',
  'Ngày sinh người có thông tin hộ tịch',
  'Dân tộc người có thông tin hộ tịch',
  'Quốc tịch người có thông tin hộ tịch',
  'Nơi cư trú người có thông tin hộ tịch',
];

const books = [
  {
    template: tdhtTemplate,
    type: 'TDHT',
    version: 'tdht-1',
    name: 'Thay đổi, cải chính, bổ sung hộ tịch',
    own: ['loaiThayDoi', 'noiDungTruocThayDoi', 'noiDungSauThayDoi', 'canCu'],
    ownShown: [
      'Loại việc (thay đổi, cải chính, bổ sung)',
      'Nội dung trước khi thay đổi',
      'Nội dung sau khi thay đổi',
      'Căn cứ',
    ],
  },
  {
    template: xddtTemplate,
    type: 'XDDT',
    version: 'xddt-1',
    name: 'Xác định lại dân tộc',
    own: ['danTocTruoc', 'danTocSau', 'canCu'],
    ownShown: ['Dân tộc trước khi xác định lại', 'Dân tộc sau khi xác định lại', 'Căn cứ'],
  },
  {
    template: ghTemplate,
    type: 'GH',
    version: 'gh-1',
    name: 'Giám hộ',
    own: ['nghHoTen', 'nghNgaySinh', 'nghNoiCuTru', 'canCu'],
    ownShown: [
      'Họ tên người giám hộ',
      'Ngày sinh người giám hộ',
      'Nơi cư trú người giám hộ',
      'Căn cứ',
    ],
  },
  {
    template: ncnTemplate,
    type: 'NCN',
    version: 'ncn-1',
    name: 'Nuôi con nuôi',
    own: ['chaNuoiHoTen', 'chaNuoiNgaySinh', 'meNuoiHoTen', 'meNuoiNgaySinh'],
    ownShown: ['Họ tên cha nuôi', 'Ngày sinh cha nuôi', 'Họ tên mẹ nuôi', 'Ngày sinh mẹ nuôi'],
  },
  {
    template: gclhTemplate,
    type: 'GCLH',
    version: 'gclh-1',
    name: 'Ghi chú ly hôn',
    own: ['banAnSo', 'ngayBanAn', 'toaAn', 'voChongHoTen'],
    ownShown: [
      'Số bản án, quyết định',
      'Ngày bản án, quyết định',
      'Tòa án, cơ quan đã giải quyết',
      'Họ tên vợ/chồng',
    ],
  },
];

describe.each(books.map((book) => [book.version, book] as const))('%s', (_version, book) => {
  const { template } = book;
  const field = (key: string) => template.fields.find((f) => f.key === key);

  it('is a typed book the Ministry importer does not take yet', () => {
    expect(template).toMatchObject({
      type: book.type,
      version: book.version,
      name: book.name,
      mainNameField: 'ntdHoTen',
      importable: false,
    });
  });

  it('is the common block and the person concerned, then its own columns', () => {
    expect(template.fields.map((f) => f.key)).toEqual([...COMMON, ...book.own]);
    for (const f of template.fields) expect(f.header).toBe(f.key);
    expect(field('ntdHoTen')).toMatchObject({
      label: 'Họ tên người có thông tin hộ tịch',
      kind: 'personName',
      required: true,
      group: 'nguoiThayDoi',
    });
  });

  it('shows the registration, the person and what was decided', () => {
    const shown = template.fields.filter((f) => f.shownByDefault).map((f) => f.label);
    expect(shown).toEqual([...COMMON_SHOWN, ...book.ownShown]);
  });

  it('requires only the registration and the name of the person', () => {
    const required = template.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual([
      'so',
      'quyenSo',
      'ngayDangKy',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
      'ntdHoTen',
    ]);
  });

  it('checks the birth date and spots duplicates by name, birth and registration', () => {
    expect(template.checks).toEqual({
      dateOrder: [{ earlier: 'ntdNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' }],
      duplicateKey: ['ntdHoTen', 'ntdNgaySinh', 'ngayDangKy'],
      idDocuments: [{ typeField: 'ntdLoaiGiayToTuyThan', numberField: 'ntdSoGiayToTuyThan' }],
      personalIds: [],
    });
  });
});

describe('the change columns of each book', () => {
  const field = (template: typeof tdhtTemplate, key: string) =>
    template.fields.find((f) => f.key === key);

  it('are typed for what they hold', () => {
    expect(field(xddtTemplate, 'danTocTruoc')?.codeListId).toBe('danToc');
    expect(field(xddtTemplate, 'danTocSau')?.codeListId).toBe('danToc');
    expect(field(ghTemplate, 'nghHoTen')?.kind).toBe('personName');
    expect(field(ghTemplate, 'nghNgaySinh')?.kind).toBe('date');
    expect(field(ncnTemplate, 'meNuoiNgaySinh')?.kind).toBe('date');
    expect(field(gclhTemplate, 'ngayBanAn')?.kind).toBe('date');
    expect(field(gclhTemplate, 'voChongHoTen')?.kind).toBe('personName');
    expect(field(tdhtTemplate, 'noiDungSauThayDoi')?.group).toBe('noiDungThayDoi');
  });

  it('leave the guardian and adoptive parents optional', () => {
    expect(field(ghTemplate, 'nghHoTen')?.required).toBeUndefined();
    expect(field(ncnTemplate, 'chaNuoiHoTen')?.required).toBeUndefined();
  });
});
