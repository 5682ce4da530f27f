import { describe, expect, it } from 'vitest';
import { ksTemplate60, ksTemplate70 } from './ks';

// ks.test.ts pins the Ministry's columns; this pins the cross-field rules on top of them.
describe('khai sinh checks', () => {
  it('checks the birth against the registration, the parents’ ages and their documents', () => {
    expect(ksTemplate70.checks).toEqual({
      dateOrder: [
        { earlier: 'nksNgaySinh', later: 'ngayDangKy', rule: 'bornAfterRegistered' },
        { earlier: 'meNgaySinh', later: 'nksNgaySinh', rule: 'parentYoungerThanChild' },
        { earlier: 'chaNgaySinh', later: 'nksNgaySinh', rule: 'parentYoungerThanChild' },
      ],
      ageRange: [
        { birth: 'meNgaySinh', at: 'nksNgaySinh', min: 13, max: 60, rule: 'parentAgeAtBirth' },
        { birth: 'chaNgaySinh', at: 'nksNgaySinh', min: 13, max: 60, rule: 'parentAgeAtBirth' },
      ],
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
