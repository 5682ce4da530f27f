import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../test/fixtures/template-fields';
import { HN_COLUMNS } from '../../test/fixtures/ministry-columns';
import { hnTemplate } from './hn';

const field = (key: string) => fieldOf(hnTemplate, key);

describe('hnTemplate', () => {
  it('describes the marital-status register', () => {
    expect(hnTemplate).toMatchObject({
      type: 'HN',
      version: 'hn-35',
      name: 'Xác nhận tình trạng hôn nhân',
      mainNameField: 'nxnHoTen',
      importable: true,
    });
  });

  it('has the 35 columns in order, each headed by its bare key', () => {
    expect(HN_COLUMNS).toHaveLength(35);
    expect(hnTemplate.fields.map((f) => f.key)).toEqual(HN_COLUMNS);
    for (const f of hnTemplate.fields) expect(f.header).toBe(f.key);
  });

  it('has no registration type and takes the place of issue from the book', () => {
    expect(hnTemplate.fields.find((f) => f.key === 'loaiDangKy')).toBeUndefined();
    expect(hnTemplate.fields.find((f) => f.key === 'noiDangKy')).toBeUndefined();
    expect(field('noiCap')).toMatchObject({
      label: 'Nơi cấp',
      kind: 'place',
      group: 'dangKy',
      required: true,
      shownByDefault: true,
      bookDefault: 'noiDangKy',
    });
  });

  it('shows the registration, the person, the status and its purpose in the main form', () => {
    const shown = hnTemplate.fields.filter((f) => f.shownByDefault).map((f) => f.label);
    expect(shown).toEqual([
      'Số',
      'Quyển số',
      'Trang số',
      'Ngày đăng ký',
      'Nơi cấp',
      'Người ký',
      'Chức vụ người ký',
      'Người thực hiện',
      'Ghi chú',
      'Họ tên người được xác nhận',
      'Giới tính người được xác nhận',
      'Ngày sinh người được xác nhận',
      'Dân tộc người được xác nhận',
      'Quốc tịch người được xác nhận',
      'Nơi cư trú người được xác nhận',
      'Tình trạng hôn nhân',
      'Loại mục đích sử dụng',
      'Họ tên người yêu cầu',
      'Quan hệ với người được xác nhận',
    ]);
  });

  it('requires the registration and the name of the person', () => {
    const required = hnTemplate.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual([
      'so',
      'quyenSo',
      'ngayDangKy',
      'noiCap',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
      'nxnHoTen',
    ]);
  });

  it('types the residence period and the purpose', () => {
    expect(field('nxnThoiGianCuTruTu').kind).toBe('date');
    expect(field('nxnThoiGianCuTruDen').kind).toBe('date');
    expect(field('nxnLoaiMucDichSuDung').codeListId).toBe('mucDichSuDung');
    expect(field('nxnGioiTinh').codeListId).toBe('gioiTinh');
    expect(field('nxnMucDichSuDung').kind).toBe('text');
  });

  it('checks the birth date against the registration', () => {
    expect(hnTemplate.checks).toEqual({
      dateOrder: [{ earlier: 'nxnNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' }],
      duplicateKey: ['nxnHoTen', 'nxnNgaySinh', 'ngayDangKy'],
      idDocuments: [
        { typeField: 'nxnLoaiGiayToTuyThan', numberField: 'nxnSoGiayToTuyThan' },
        { typeField: 'nycLoaiGiayToTuyThan', numberField: 'nycSoGiayToTuyThan' },
      ],
      personalIds: [],
    });
  });
});
