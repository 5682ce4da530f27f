import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../test/fixtures/template-fields';
import { CMC_COLUMNS } from '../../test/fixtures/ministry-columns';
import { cmcTemplate } from './cmc';

const field = (key: string) => fieldOf(cmcTemplate, key);

describe('cmcTemplate', () => {
  it('describes the nhận cha, mẹ, con register', () => {
    expect(cmcTemplate).toMatchObject({
      type: 'CMC',
      version: 'cmc-50',
      name: 'Nhận cha, mẹ, con',
      mainNameField: 'cmHoTen',
      importable: true,
    });
  });

  it('has the 50 columns in order, each headed by its bare key', () => {
    expect(CMC_COLUMNS).toHaveLength(50);
    expect(cmcTemplate.fields.map((f) => f.key)).toEqual(CMC_COLUMNS);
    for (const f of cmcTemplate.fields) expect(f.header).toBe(f.key);
  });

  it('shows the registration, who recognises whom, both people and the requester', () => {
    const shown = cmcTemplate.fields.filter((f) => f.shownByDefault).map((f) => f.label);
    expect(shown).toEqual([
      'Số',
      'Quyển số',
      'Trang số',
      'Ngày đăng ký',
      'Loại đăng ký',
      'Loại xác nhận',
      'Nơi đăng ký',
      'Người ký',
      'Chức vụ người ký',
      'Người thực hiện',
      'Ghi chú',
      'Họ tên cha/mẹ',
      'Ngày sinh cha/mẹ',
      'Dân tộc cha/mẹ',
      'Quốc tịch cha/mẹ',
      'Nơi cư trú cha/mẹ',
      'Họ tên con',
      'Ngày sinh con',
      'Dân tộc con',
      'Quốc tịch con',
      'Nơi cư trú con',
      'Họ tên người yêu cầu',
      'Quan hệ với người được nhận',
      'Quan hệ với người nhận',
    ]);
  });

  it('requires the registration and both names', () => {
    const required = cmcTemplate.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual([
      'so',
      'quyenSo',
      'ngayDangKy',
      'noiDangKy',
      'nguoiKy',
      'chucVuNguoiKy',
      'nguoiThucHien',
      'cmHoTen',
      'ncHoTen',
    ]);
  });

  it('links the recognition columns to their lists and groups the two people', () => {
    expect(field('loaiDangKy').codeListId).toBe('loaiDangKyCMC');
    expect(field('loaiXacNhan')).toMatchObject({ kind: 'code', codeListId: 'loaiXacNhan' });
    expect(field('quyetDinhSo')).toMatchObject({ kind: 'text', group: 'dangKy' });
    expect(field('cmQueQuan')).toMatchObject({ kind: 'place', group: 'chaMe' });
    expect(field('ncNgaySinh')).toMatchObject({ kind: 'date', group: 'con' });
    expect(field('nycQHNguoiNhan').group).toBe('nguoiYeuCau');
  });

  it('checks that the parent is born first, at a likely age, and both before the registration', () => {
    expect(cmcTemplate.checks).toEqual({
      dateOrder: [
        { earlier: 'ncNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
        { earlier: 'cmNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
        { earlier: 'cmNgaySinh', later: 'ncNgaySinh', rule: 'parentYoungerThanChild' },
      ],
      ageRange: [
        { birth: 'cmNgaySinh', at: 'ncNgaySinh', min: 13, max: 60, rule: 'parentAgeAtBirth' },
      ],
      duplicateKey: ['cmHoTen', 'ncHoTen', 'ncNgaySinh'],
      idDocuments: [
        { typeField: 'cmLoaiGiayToTuyThan', numberField: 'cmSoGiayToTuyThan' },
        { typeField: 'ncLoaiGiayToTuyThan', numberField: 'ncSoGiayToTuyThan' },
        { typeField: 'nycLoaiGiayToTuyThan', numberField: 'nycSoGiayToTuyThan' },
      ],
      personalIds: [],
    });
  });
});
