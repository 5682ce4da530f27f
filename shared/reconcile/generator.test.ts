import { describe, expect, it } from 'vitest';
import { generatePairs } from './generator';

describe('generatePairs', () => {
  it('gives the same pairs for the same seed', () => {
    const a = generatePairs({ births: 300, seed: 3 });
    const b = generatePairs({ births: 300, seed: 3 });
    expect(b.extract).toEqual(a.extract);
    expect([...b.truth]).toEqual([...a.truth]);
  });

  it('keeps some entries on one side only, and truth points at real rows', () => {
    const g = generatePairs({ births: 2000, seed: 9 });
    const extractIds = new Set(g.extract.map((r) => r.id));
    expect(g.truth.size).toBeLessThan(g.sohoa.length);
    expect(g.truth.size).toBeLessThan(g.extract.length);
    for (const [s, x] of g.truth) {
      expect(g.sohoa.some((r) => r.id === s)).toBe(true);
      expect(extractIds.has(x)).toBe(true);
    }
  });

  it('makes twins: same parents and birth date, another given name and số', () => {
    const g = generatePairs({ births: 2000, seed: 9, twins: 0.2 });
    const twins = g.sohoa.filter((r) => g.twinIds.has(r.id));
    expect(twins.length).toBeGreaterThan(10);
    const byParents = new Map<string, typeof twins>();
    for (const r of twins) {
      const key = `${r.fields.meHoTen}|${r.fields.chaHoTen}|${r.fields.nksNgaySinh}`;
      byParents.set(key, [...(byParents.get(key) ?? []), r]);
    }
    const pairs = [...byParents.values()].filter((list) => list.length === 2);
    expect(pairs.length).toBeGreaterThan(5);
    for (const [a, b] of pairs) {
      expect(a?.fields.so).not.toBe(b?.fields.so);
      expect(a?.fields.nksHoTen?.split(' ').pop()).not.toBe(b?.fields.nksHoTen?.split(' ').pop());
    }
  });

  it('writes the slips it promises into the extract', () => {
    const g = generatePairs({
      births: 400,
      seed: 2,
      noise: { noDiacritics: 1, swappedDayMonth: 0, partialDate: 1 },
    });
    const row = g.extract[0];
    expect(row?.fields.nksHoTen).toMatch(/^[A-Za-z ]+$/u);
    expect(row?.fields.nksNgaySinh).toMatch(/^(\d{2}\.)?\d{4}$/u);
  });
});
