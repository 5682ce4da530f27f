import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../test/fixtures/template-fields';
import { getCodeList } from './code-lists';
import { KS_TEMPLATE_HEADERS } from '../../test/fixtures/ks-template-headers';
import { keyOfHeader, ksTemplate60, ksTemplate70 } from './ks';

const MAIN_LABELS: Record<string, string> = {
  so: 'Số',
  quyenSo: 'Quyển số',
  trangSo: 'Trang số',
  ngayDangKy: 'Ngày đăng ký',
  loaiDangKy: 'Loại đăng ký',
  noiDangKy: 'Nơi đăng ký',
  nguoiKy: 'Người ký',
  chucVuNguoiKy: 'Chức vụ người ký',
  nguoiThucHien: 'Người thực hiện',
  ghiChu: 'Ghi chú',
  nksHoTen: 'Họ tên người được khai sinh',
  nksGioiTinh: 'Giới tính',
  nksNgaySinh: 'Ngày sinh',
  nksNgaySinhBangChu: 'Ngày sinh bằng chữ',
  nksNoiSinh: 'Nơi sinh',
  nksQueQuan: 'Quê quán',
  nksDanToc: 'Dân tộc',
  nksQuocTich: 'Quốc tịch',
  meHoTen: 'Họ tên mẹ',
  meNgaySinh: 'Ngày sinh mẹ',
  meDanToc: 'Dân tộc mẹ',
  meQuocTich: 'Quốc tịch mẹ',
  meNoiCuTru: 'Nơi cư trú mẹ',
  chaHoTen: 'Họ tên cha',
  chaNgaySinh: 'Ngày sinh cha',
  chaDanToc: 'Dân tộc cha',
  chaQuocTich: 'Quốc tịch cha',
  chaNoiCuTru: 'Nơi cư trú cha',
  nycHoTen: 'Họ tên người đi khai',
  nycQuanHe: 'Quan hệ với người được khai sinh',
};

const field = (key: string) => fieldOf(ksTemplate70, key);

describe('keyOfHeader', () => {
  it('drops the trailing space and the allowed-codes line', () => {
    expect(keyOfHeader('so ')).toBe('so');
    expect(keyOfHeader('loaiDangKy \ni=[1,2,3,4,5,6]')).toBe('loaiDangKy');
    expect(keyOfHeader('nksLoaiKhaiSinh\ni=[1,2,3,4,5]')).toBe('nksLoaiKhaiSinh');
    expect(keyOfHeader('STT')).toBe('STT');
  });
});

describe('ksTemplate70', () => {
  it('describes the khai sinh register of the Ministry template', () => {
    expect(ksTemplate70).toMatchObject({
      type: 'KS',
      version: 'ks-70',
      name: 'Khai sinh',
      sheetName: 'DL Import',
      notesSheetName: 'Ghi chu',
      mainNameField: 'nksHoTen',
      importable: true,
    });
  });

  it('has the 70 Ministry headers verbatim and in order', () => {
    expect(KS_TEMPLATE_HEADERS).toHaveLength(70);
    expect(ksTemplate70.fields.map((f) => f.header)).toEqual(KS_TEMPLATE_HEADERS);
    expect(ksTemplate70.fields.map((f) => f.key)).toEqual(KS_TEMPLATE_HEADERS.map(keyOfHeader));
  });

  it('has unique keys and unique labels', () => {
    const keys = ksTemplate70.fields.map((f) => f.key);
    const labels = ksTemplate70.fields.map((f) => f.label);
    expect(new Set(keys).size).toBe(70);
    expect(new Set(labels).size).toBe(70);
    for (const label of labels) expect(label.trim()).not.toBe('');
  });

  it('shows exactly the main fields by default, with the labels the UI relies on', () => {
    const shown = ksTemplate70.fields.filter((f) => f.shownByDefault);
    expect(Object.fromEntries(shown.map((f) => [f.key, f.label]))).toEqual(MAIN_LABELS);
  });

  it('marks the required fields and the book defaults', () => {
    const required = ksTemplate70.fields.filter((f) => f.required).map((f) => f.key);
    expect(required.sort()).toEqual(
      [
        'so',
        'quyenSo',
        'ngayDangKy',
        'noiDangKy',
        'nguoiKy',
        'chucVuNguoiKy',
        'nguoiThucHien',
        'nksHoTen',
      ].sort(),
    );
    const defaults = ksTemplate70.fields.filter((f) => f.bookDefault);
    for (const f of defaults) expect(f.bookDefault).toBe(f.key);
    expect(defaults.map((f) => f.key)).toEqual([
      'quyenSo',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
    ]);
  });

  it('generates STT and derives the birth date in words', () => {
    expect(field('STT').generated).toBe('rowNumber');
    expect(ksTemplate70.fields.filter((f) => f.generated)).toHaveLength(1);
    expect(field('nksNgaySinhBangChu').wordsOf).toBe('nksNgaySinh');
    expect(field('nksNgaySinh').kind).toBe('date');
  });

  it('types each column', () => {
    const kinds = (kind: string) =>
      ksTemplate70.fields.filter((f) => f.kind === kind).map((f) => f.key);
    expect(kinds('date')).toEqual([
      'ngayDangKy',
      'nksNgaySinh',
      'nksMatTichNgayGhiChuTuyenBo',
      'nksMatTichNgayGhiChuHuyTuyenBo',
      'nksHanCheNangLucHanhViNgayGhiChuTuyenBo',
      'nksHanCheNangLucHanhViNgayGhiChuHuyTuyenBo',
      'meNgaySinh',
      'chaNgaySinh',
      'nycNgayCapGiayToTuyThan',
      'ngayDangKyNuocNgoai',
    ]);
    expect(kinds('personName')).toEqual([
      'nguoiKy',
      'nguoiThucHien',
      'nksHoTen',
      'meHoTen',
      'chaHoTen',
      'nycHoTen',
    ]);
    expect(kinds('idNumber')).toEqual([
      'nksSoDinhDanh',
      'meSoDinhDanhCaNhan',
      'meSoGiayToTuyThan',
      'chaSoDinhDanhCaNhan',
      'chaSoGiayToTuyThan',
      'nycSoGiayToTuyThan',
    ]);
    expect(kinds('number')).toEqual(['STT', 'so', 'trangSo']);
    for (const f of ksTemplate70.fields.filter((f) => f.key.endsWith('Str'))) {
      expect(f.kind, f.key).toBe('text');
    }
  });

  it('links code columns to their lists, all of which exist', () => {
    const lists = Object.fromEntries(
      ksTemplate70.fields.filter((f) => f.kind === 'code').map((f) => [f.key, f.codeListId]),
    );
    expect(lists).toEqual({
      loaiDangKy: 'loaiDangKyKS',
      nksGioiTinh: 'gioiTinh',
      nksDanToc: 'danToc',
      nksQuocTich: 'quocTich',
      nksQuocTichKhac: 'quocTich',
      nksLoaiKhaiSinh: 'loaiKhaiSinh',
      nksMatTich: 'tuyenBo',
      nksHanCheNangLucHanhVi: 'tuyenBo',
      meDanToc: 'danToc',
      meQuocTich: 'quocTich',
      meQuocTichKhac: 'quocTich',
      meLoaiCuTru: 'loaiCuTru',
      meLoaiGiayToTuyThan: 'loaiGiayTo',
      chaDanToc: 'danToc',
      chaQuocTich: 'quocTich',
      chaQuocTichKhac: 'quocTich',
      chaLoaiCuTru: 'loaiCuTru',
      chaLoaiGiayToTuyThan: 'loaiGiayTo',
      nycLoaiGiayToTuyThan: 'loaiGiayTo',
      qgNuocNgoaiDaDangKy: 'quocTich',
    });
    for (const f of ksTemplate70.fields) {
      if (f.codeListId) expect(() => getCodeList(f.codeListId ?? '')).not.toThrow();
      else expect(f.kind, f.key).not.toBe('code');
    }
  });

  it('points wordsOf, mainNameField and required fields at real columns', () => {
    const keys = new Set(ksTemplate70.fields.map((f) => f.key));
    expect(keys.has(ksTemplate70.mainNameField)).toBe(true);
    for (const f of ksTemplate70.fields) if (f.wordsOf) expect(keys.has(f.wordsOf)).toBe(true);
  });

  it('groups columns by the person they describe', () => {
    expect(field('so').group).toBe('dangKy');
    expect(field('nksHoTen').group).toBe('nguoiDuocKhaiSinh');
    expect(field('meHoTen').group).toBe('me');
    expect(field('chaSoGiayToTuyThan').group).toBe('cha');
    expect(field('nycQuanHe').group).toBe('nguoiYeuCau');
    expect(field('qgNuocNgoaiDaDangKy').group).toBe('nuocNgoai');
  });
});

describe('ksTemplate60', () => {
  it('is the 70-column layout without STT, personal IDs and the free-text nationalities', () => {
    expect(ksTemplate60.version).toBe('ks-60');
    expect(ksTemplate60.fields).toHaveLength(60);
    const removed = ksTemplate70.fields
      .filter((f) => !ksTemplate60.fields.includes(f))
      .map((f) => f.key);
    expect(removed).toEqual([
      'STT',
      'nksSoDinhDanh',
      'nksQuocTichStr',
      'nksQuocTichKhacStr',
      'meSoDinhDanhCaNhan',
      'meQuocTichStr',
      'meQuocTichKhacStr',
      'chaSoDinhDanhCaNhan',
      'chaQuocTichStr',
      'chaQuocTichKhacStr',
    ]);
    expect(ksTemplate60.fields[0]?.header).toBe('so ');
    expect(ksTemplate60).toMatchObject({ type: 'KS', sheetName: 'DL Import', importable: true });
  });
});
