import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../test/fixtures/template-fields';
import { KT_COLUMNS } from '../../test/fixtures/ministry-columns';
import { ktTemplate } from './kt';

const field = (key: string) => fieldOf(ktTemplate, key);

describe('ktTemplate', () => {
  it('describes the khai tử register', () => {
    expect(ktTemplate).toMatchObject({
      type: 'KT',
      version: 'kt-48',
      name: 'Khai tử',
      mainNameField: 'nktHoTen',
      importable: true,
    });
  });

  it('has the 48 columns in order, each headed by its bare key', () => {
    expect(KT_COLUMNS).toHaveLength(48);
    expect(ktTemplate.fields.map((f) => f.key)).toEqual(KT_COLUMNS);
    for (const f of ktTemplate.fields) expect(f.header).toBe(f.key);
  });

  it('shows the registration, the deceased, the death and the declarant in the main form', () => {
    const shown = ktTemplate.fields.filter((f) => f.shownByDefault).map((f) => f.label);
    expect(shown).toEqual([
      'Số',
      'Quyển số',
      'Trang số',
      'Ngày đăng ký',
      'Loại đăng ký',
      'Nơi đăng ký',
      'Người ký',
      'Chức vụ người ký',
      'Người thực hiện',
      'Ghi chú',
      'Họ tên người chết',
      'Giới tính người chết',
      'Ngày sinh người chết',
      'Dân tộc người chết',
      'Quốc tịch người chết',
      'Nơi cư trú người chết',
      'Ngày chết',
      'Nơi chết',
      'Nguyên nhân chết',
      'Họ tên người đi khai',
      'Quan hệ với người chết',
    ]);
  });

  it('requires the registration and the name of the deceased', () => {
    const required = ktTemplate.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual([
      'so',
      'quyenSo',
      'ngayDangKy',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
      'nktHoTen',
    ]);
  });

  it('writes the date of death in words from the date of death', () => {
    expect(field('nktNgayChetGhiBangChu')).toMatchObject({ kind: 'text', wordsOf: 'nktNgayChet' });
    expect(field('nktNgayChet')).toMatchObject({ kind: 'date', label: 'Ngày chết' });
    expect(field('nktNgaySinh').label).toBe('Ngày sinh người chết');
  });

  it('types the death columns and links them to their lists', () => {
    const codes = Object.fromEntries(
      ktTemplate.fields.filter((f) => f.kind === 'code').map((f) => [f.key, f.codeListId]),
    );
    expect(codes).toEqual({
      loaiDangKy: 'loaiDangKyKT',
      nktGioiTinh: 'gioiTinh',
      nktDanToc: 'danToc',
      nktQuocTich: 'quocTich',
      nktQuocTichKhac: 'quocTich',
      nktLoaiCuTru: 'loaiCuTru',
      nktLoaiGiayToTuyThan: 'loaiGiayTo',
      nktTinhTrangTuyenBoViecChet: 'tuyenBo',
      gbtLoai: 'loaiGiayBaoTu',
      nycLoaiGiayToTuyThan: 'loaiGiayTo',
      qgNuocNgoaiDaDangKy: 'quocTich',
    });
    const dates = ktTemplate.fields.filter((f) => f.kind === 'date').map((f) => f.key);
    expect(dates).toEqual([
      'ngayDangKy',
      'nktNgaySinh',
      'nktNgayCapGiayToTuyThan',
      'nktNgayChet',
      'nktNgayGhiChuTuyenBoViecChet',
      'nktNgayGhiChuHuyTuyenBoViecChet',
      'gbtNgay',
      'nycNgayCapGiayToTuyThan',
      'ngayDangKyNuocNgoai',
    ]);
    expect(field('gbtSo').group).toBe('giayBaoTu');
    expect(field('nktNoiChet').group).toBe('nguoiChet');
  });

  it('checks that death follows birth and precedes registration', () => {
    expect(ktTemplate.checks).toEqual({
      dateOrder: [
        { earlier: 'nktNgaySinh', later: 'nktNgayChet', rule: 'diedBeforeBorn' },
        { earlier: 'nktNgayChet', later: 'ngayDangKy', rule: 'diedAfterRegistered' },
      ],
      duplicateKey: ['nktHoTen', 'nktNgaySinh', 'nktNgayChet'],
      idDocuments: [
        { typeField: 'nktLoaiGiayToTuyThan', numberField: 'nktSoGiayToTuyThan' },
        { typeField: 'nycLoaiGiayToTuyThan', numberField: 'nycSoGiayToTuyThan' },
      ],
      personalIds: [],
    });
  });
});
