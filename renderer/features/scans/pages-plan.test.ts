import { describe, expect, it } from 'vitest';
import {
  cleanPrintedNumber,
  moveTarget,
  parseStartNumber,
  planAutoNumber,
  type PageSlot,
} from './pages-plan';

const pages: PageSlot[] = [
  { id: 'c', order: 2 },
  { id: 'a', order: 0, bookPageNumber: '1' },
  { id: 'b', order: 1, bookPageNumber: '7' },
  { id: 'd', order: 3, bookPageNumber: '12a' },
];

describe('moveTarget', () => {
  it('moves within the book and stops at either end', () => {
    expect(moveTarget(1, -1, 4)).toBe(0);
    expect(moveTarget(1, 1, 4)).toBe(2);
    expect(moveTarget(0, -1, 4)).toBeNull();
    expect(moveTarget(3, 1, 4)).toBeNull();
  });
});

describe('parseStartNumber', () => {
  it('takes positive whole numbers only', () => {
    expect(parseStartNumber(' 15 ')).toBe(15);
    expect(parseStartNumber('0')).toBeNull();
    expect(parseStartNumber('-3')).toBeNull();
    expect(parseStartNumber('12a')).toBeNull();
    expect(parseStartNumber('')).toBeNull();
    expect(parseStartNumber('1000000')).toBeNull();
  });
});

describe('planAutoNumber', () => {
  it('numbers consecutively from the chosen page to the end, in book order', () => {
    const plan = planAutoNumber(pages, 2, 10);
    expect(plan).toEqual({
      from: 2,
      to: 4,
      first: 10,
      last: 12,
      changes: [
        { pageId: 'b', bookPageNumber: '10' },
        { pageId: 'c', bookPageNumber: '11' },
        { pageId: 'd', bookPageNumber: '12' },
      ],
    });
  });

  it('leaves out pages that already carry the right number', () => {
    const plan = planAutoNumber(pages, 1, 1);
    expect(plan?.changes.map((change) => change.pageId)).toEqual(['b', 'c', 'd']);
  });

  it('refuses a start page outside the book', () => {
    expect(planAutoNumber(pages, 0, 1)).toBeNull();
    expect(planAutoNumber(pages, 5, 1)).toBeNull();
    expect(planAutoNumber([], 1, 1)).toBeNull();
  });
});

describe('cleanPrintedNumber', () => {
  it('trims and composes what the officer typed', () => {
    expect(cleanPrintedNumber('  12a ')).toBe('12a');
    expect(cleanPrintedNumber('12a\u0301')).toBe('12\u00e1');
    expect(cleanPrintedNumber('1234567890123456')).toHaveLength(12);
  });
});
