import { describe, expect, it } from 'vitest';
import { simulateKeying, truthBook } from './simulate';

describe('simulateKeying', () => {
  const run = simulateKeying({ entries: 300, seed: 7, fieldErrorRate: 0.01 });

  it('keys with about the error rate asked for', () => {
    const share = run.keyedErrors / run.fields;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.02);
  });

  it('leaves fewer errors after validation than were keyed, and far fewer with double keying', () => {
    expect(run.single.residual).toBeLessThan(run.keyedErrors);
    expect(run.single.flaggedByValidation).toBeGreaterThan(0);
    expect(run.double.residual * 5).toBeLessThan(run.single.residual);
    expect(run.double.differences).toBeGreaterThan(run.keyedErrors);
  });

  it('is the same run for the same seed', () => {
    expect(simulateKeying({ entries: 300, seed: 7, fieldErrorRate: 0.01 })).toEqual(run);
  });

  it('leaves nothing wrong when no one slips', () => {
    const perfect = simulateKeying({ entries: 100, seed: 3, fieldErrorRate: 0 });
    expect(perfect.keyedErrors).toBe(0);
    expect(perfect.single.residual).toBe(0);
    expect(perfect.double.residual).toBe(0);
  });

  it('builds a book whose entries are valid as the register writes them', () => {
    const book = truthBook(50, 11);
    expect(book).toHaveLength(50);
    expect(new Set(book.map((entry) => entry.nksHoTen)).size).toBeGreaterThan(40);
  });
});
