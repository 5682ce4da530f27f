import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../test/fixtures/template-fields';
import { KH_COLUMNS } from '../../test/fixtures/ministry-columns';
import { khTemplate } from './kh';

const field = (key: string) => fieldOf(khTemplate, key);

describe('khTemplate', () => {
  it('describes the kết hôn register', () => {
    expect(khTemplate).toMatchObject({
      type: 'KH',
      version: 'kh-44',
      name: 'Kết hôn',
      mainNameField: 'chongHoTen',
      importable: true,
    });
  });

  it('has the 44 columns in order, each headed by its bare key', () => {
    expect(KH_COLUMNS).toHaveLength(44);
    expect(khTemplate.fields.map((f) => f.key)).toEqual(KH_COLUMNS);
    for (const f of khTemplate.fields) expect(f.header).toBe(f.key);
  });

  it('has no sex column for either spouse', () => {
    expect(khTemplate.fields.filter((f) => f.key.includes('GioiTinh'))).toEqual([]);
  });

  it('shows the registration and both spouses in the main form', () => {
    const shown = khTemplate.fields.filter((f) => f.shownByDefault).map((f) => f.label);
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
      'Họ tên chồng',
      'Ngày sinh chồng',
      'Dân tộc chồng',
      'Quốc tịch chồng',
      'Nơi cư trú chồng',
      'Họ tên vợ',
      'Ngày sinh vợ',
      'Dân tộc vợ',
      'Quốc tịch vợ',
      'Nơi cư trú vợ',
    ]);
  });

  it('requires the registration and both names', () => {
    const required = khTemplate.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual([
      'so',
      'quyenSo',
      'ngayDangKy',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
      'chongHoTen',
      'voHoTen',
    ]);
  });

  it('types the marriage columns and links them to their lists', () => {
    expect(field('ngayXacLapQuanHeHonNhan')).toMatchObject({ kind: 'date', group: 'dangKy' });
    expect(field('tinhTrangKetHon').codeListId).toBe('tinhTrangKetHon');
    expect(field('loaiDangKy').codeListId).toBe('loaiDangKyKH');
    expect(field('chongNgaySinh')).toMatchObject({ kind: 'date', group: 'chong' });
    expect(field('voHoTen')).toMatchObject({ kind: 'personName', group: 'vo' });
    expect(field('voLoaiGiayToTuyThan').codeListId).toBe('loaiGiayTo');
    expect(field('huyKetHonNgayGhiChu').kind).toBe('date');
    expect(field('congNhanKetHonNgayGhiChu').kind).toBe('date');
  });

  it('warns on marriage under legal age instead of refusing it', () => {
    expect(khTemplate.checks).toEqual({
      dateOrder: [
        { earlier: 'chongNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
        { earlier: 'voNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
      ],
      marriageAge: [
        { birth: 'voNgaySinh', at: 'ngayDangKy', sex: 'female' },
        { birth: 'chongNgaySinh', at: 'ngayDangKy', sex: 'male' },
      ],
      duplicateKey: ['chongHoTen', 'voHoTen', 'chongNgaySinh', 'voNgaySinh'],
      idDocuments: [
        { typeField: 'chongLoaiGiayToTuyThan', numberField: 'chongSoGiayToTuyThan' },
        { typeField: 'voLoaiGiayToTuyThan', numberField: 'voSoGiayToTuyThan' },
      ],
      personalIds: [],
    });
  });
});
