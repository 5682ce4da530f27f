// An entry stored before invisible characters were removed on entry (or merged from another
// PC) must not reach Excel, which drops them: export is blocked, naming the field.
import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from '../registers/ks';
import { validateEntry } from './validate-entry';

const now = new Date(2026, 0, 15);

describe('invisible characters in a stored entry', () => {
  it('are an error on each field holding them, naming the characters', () => {
    const { errors } = validateEntry(
      ksTemplate70,
      { nksHoTen: 'Phạm \u202EAnh Đài', nksNoiSinh: 'Trạm y tế\u0007 xã An Nhơn', so: '12' },
      { now },
    );
    expect(errors.filter((issue) => issue.rule === 'invisibleChars')).toEqual([
      { field: 'nksHoTen', rule: 'invisibleChars', severity: 'error', params: { chars: 'U+202E' } },
      {
        field: 'nksNoiSinh',
        rule: 'invisibleChars',
        severity: 'error',
        params: { chars: 'U+0007' },
      },
    ]);
  });

  it('are not found in ordinary Vietnamese text', () => {
    const { errors } = validateEntry(
      ksTemplate70,
      { nksHoTen: "Ksor H'Bia", nksNoiSinh: 'Thôn 3, xã Ia Ka – huyện Chư Păh' },
      { now },
    );
    expect(errors.filter((issue) => issue.rule === 'invisibleChars')).toEqual([]);
  });
});
