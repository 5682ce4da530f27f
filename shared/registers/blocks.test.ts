import { describe, expect, it } from 'vitest';
import {
  abroadBlock,
  columns,
  documentChecks,
  personBlock,
  personLayouts,
  registrationBlock,
  requesterBlock,
} from './blocks';

const keys = (fields: { key: string }[]) => fields.map((f) => f.key);

describe('registrationBlock', () => {
  it('is the common block, required and filled from the book, with its own labels', () => {
    const block = registrationBlock();
    expect(block.map((f) => [f.key, f.label])).toEqual([
      ['so', 'Số'],
      ['quyenSo', 'Quyển số'],
      ['trangSo', 'Trang số'],
      ['ngayDangKy', 'Ngày đăng ký'],
      ['noiDangKy', 'Nơi đăng ký'],
      ['nguoiKy', 'Người ký'],
      ['chucVuNguoiKy', 'Chức vụ người ký'],
      ['nguoiThucHien', 'Người thực hiện'],
      ['ghiChu', 'Ghi chú'],
    ]);
    for (const f of block) expect(f).toMatchObject({ group: 'dangKy', shownByDefault: true });
    expect(block.filter((f) => !f.required).map((f) => f.key)).toEqual(['trangSo', 'ghiChu']);
    expect(block.filter((f) => f.bookDefault).map((f) => f.bookDefault)).toEqual([
      'quyenSo',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
    ]);
  });

  it('adds loaiDangKy with its list after the registration date', () => {
    const block = registrationBlock({ loaiDangKy: 'loaiDangKyKT' });
    expect(keys(block).slice(3, 6)).toEqual(['ngayDangKy', 'loaiDangKy', 'noiDangKy']);
    expect(block[4]).toMatchObject({ kind: 'code', codeListId: 'loaiDangKyKT' });
  });

  it('names the place noiCap for certificates, still filled from the book place', () => {
    const block = registrationBlock({ place: 'noiCap' });
    expect(keys(block)).not.toContain('noiDangKy');
    expect(block[4]).toMatchObject({ key: 'noiCap', label: 'Nơi cấp', bookDefault: 'noiDangKy' });
  });

  it("puts a type's own columns right after the one named", () => {
    const extra = columns('dangKy', [['x', 'X', 'text']]);
    expect(keys(registrationBlock({ after: { chucVuNguoiKy: extra } })).slice(6, 9)).toEqual([
      'chucVuNguoiKy',
      'x',
      'nguoiThucHien',
    ]);
  });
});

describe('personBlock', () => {
  it('prefixes the P13 suffixes and names the person in every label', () => {
    const block = personBlock('nkt', 'người chết', 'nguoiChet');
    expect(keys(block)).toEqual([
      'nktHoTen',
      'nktGioiTinh',
      'nktNgaySinh',
      'nktDanToc',
      'nktQuocTich',
      'nktQuocTichKhac',
      'nktLoaiCuTru',
      'nktNoiCuTru',
      'nktLoaiGiayToTuyThan',
      'nktGiayToKhac',
      'nktSoGiayToTuyThan',
      'nktNgayCapGiayToTuyThan',
      'nktNoiCapGiayToTuyThan',
    ]);
    for (const f of block) {
      expect(f.label).toContain('người chết');
      expect(f.header).toBe(f.key);
      expect(f.group).toBe('nguoiChet');
    }
    expect(block.find((f) => f.key === 'nktHoTen')?.required).toBeUndefined();
  });

  it('drops the sex column for spouses and uses home town for parent and child', () => {
    expect(personLayouts.p13).toHaveLength(13);
    expect(personLayouts.p13WithoutGioiTinh).toEqual(
      personLayouts.p13.filter((suffix) => suffix !== 'GioiTinh'),
    );
    expect(personLayouts.cmc13).toHaveLength(13);
    expect(keys(personBlock('cm', 'cha/mẹ', 'chaMe', { suffixes: personLayouts.cmc13 }))).toEqual([
      'cmHoTen',
      'cmNgaySinh',
      'cmDanToc',
      'cmQuocTich',
      'cmQuocTichKhac',
      'cmQueQuan',
      'cmLoaiCuTru',
      'cmNoiCuTru',
      'cmLoaiGiayToTuyThan',
      'cmGiayToKhac',
      'cmSoGiayToTuyThan',
      'cmNgayCapGiayToTuyThan',
      'cmNoiCapGiayToTuyThan',
    ]);
  });

  it("requires the main person's name and shows their main facts", () => {
    const block = personBlock('vo', 'vợ', 'vo', { isMainPerson: true });
    expect(block.filter((f) => f.required).map((f) => f.label)).toEqual(['Họ tên vợ']);
    expect(block.filter((f) => f.shownByDefault).map((f) => f.label)).toEqual([
      'Họ tên vợ',
      'Giới tính vợ',
      'Ngày sinh vợ',
      'Dân tộc vợ',
      'Quốc tịch vợ',
      'Nơi cư trú vợ',
    ]);
  });
});

describe('requesterBlock', () => {
  it('puts the relations after the name and before the identity document', () => {
    const block = requesterBlock('người yêu cầu', {
      nycQHNguoiDuocNhan: 'Quan hệ với người được nhận',
      nycQHNguoiNhan: 'Quan hệ với người nhận',
    });
    expect(block.map((f) => [f.key, f.label])).toEqual([
      ['nycHoTen', 'Họ tên người yêu cầu'],
      ['nycQHNguoiDuocNhan', 'Quan hệ với người được nhận'],
      ['nycQHNguoiNhan', 'Quan hệ với người nhận'],
      ['nycLoaiGiayToTuyThan', 'Loại giấy tờ tùy thân người yêu cầu'],
      ['nycGiayToKhac', 'Giấy tờ khác của người yêu cầu'],
      ['nycSoGiayToTuyThan', 'Số giấy tờ tùy thân người yêu cầu'],
      ['nycNgayCapGiayToTuyThan', 'Ngày cấp giấy tờ người yêu cầu'],
      ['nycNoiCapGiayToTuyThan', 'Nơi cấp giấy tờ người yêu cầu'],
    ]);
    for (const f of block) expect(f.group).toBe('nguoiYeuCau');
    expect(block.filter((f) => f.shownByDefault)).toHaveLength(3);
  });
});

describe('abroadBlock', () => {
  it('is the four NN columns, the country typed from the nationality list', () => {
    const block = abroadBlock();
    expect(keys(block)).toEqual([
      'soDangKyNuocNgoai',
      'ngayDangKyNuocNgoai',
      'cqNuocNgoaiDaDangKy',
      'qgNuocNgoaiDaDangKy',
    ]);
    expect(block[3]).toMatchObject({ kind: 'code', codeListId: 'quocTich' });
    expect(block.some((f) => f.shownByDefault)).toBe(false);
  });
});

describe('documentChecks', () => {
  it('pairs each document type with its number and lists personal IDs', () => {
    const fields = [
      ...personBlock('me', 'mẹ', 'me', {
        suffixes: ['SoDinhDanhCaNhan', 'HoTen', 'LoaiGiayToTuyThan', 'SoGiayToTuyThan'],
      }),
      // A type without its number column makes no pair.
      ...personBlock('cha', 'cha', 'cha', { suffixes: ['LoaiGiayToTuyThan'] }),
    ];
    expect(documentChecks(fields)).toEqual({
      idDocuments: [{ typeField: 'meLoaiGiayToTuyThan', numberField: 'meSoGiayToTuyThan' }],
      personalIds: ['meSoDinhDanhCaNhan'],
    });
  });
});
