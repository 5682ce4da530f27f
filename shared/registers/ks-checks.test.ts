import { describe, expect, it } from 'vitest';
import { ksTemplate60, ksTemplate70 } from './ks';

// ks.test.ts pins the Ministry's columns; this pins the cross-field rules on top of them.
describe('khai sinh checks', () => {
  it('checks the birth against the registration and the documents of both parents', () => {
    expect(ksTemplate70.checks).toEqual({
      dateOrder: [{ earlier: 'nksNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' }],
      duplicateKey: ['nksHoTen', 'nksNgaySinh', 'meHoTen', 'chaHoTen'],
      idDocuments: [
        { typeField: 'meLoaiGiayToTuyThan', numberField: 'meSoGiayToTuyThan' },
        { typeField: 'chaLoaiGiayToTuyThan', numberField: 'chaSoGiayToTuyThan' },
        { typeField: 'nycLoaiGiayToTuyThan', numberField: 'nycSoGiayToTuyThan' },
      ],
      personalIds: ['nksSoDinhDanh', 'meSoDinhDanhCaNhan', 'chaSoDinhDanhCaNhan'],
    });
  });

  it('has no personal-ID check in the 60-column layout, which has no such columns', () => {
    expect(ksTemplate60.checks?.personalIds).toEqual([]);
    expect(ksTemplate60.checks?.idDocuments).toEqual(ksTemplate70.checks?.idDocuments);
    expect(ksTemplate60.checks?.duplicateKey).toEqual(ksTemplate70.checks?.duplicateKey);
  });
});
