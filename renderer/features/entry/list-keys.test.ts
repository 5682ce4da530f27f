import { describe, expect, it } from 'vitest';
import { moveSelection } from './list-keys';

describe('moving the selection in the entry list', () => {
  it('steps one row and stops at either end', () => {
    expect(moveSelection('ArrowDown', 0, 3, 10)).toBe(1);
    expect(moveSelection('ArrowDown', 2, 3, 10)).toBe(2);
    expect(moveSelection('ArrowUp', 1, 3, 10)).toBe(0);
    expect(moveSelection('ArrowUp', 0, 3, 10)).toBe(0);
  });

  it('jumps to the first or last row and by one screen', () => {
    expect(moveSelection('Home', 5000, 10_000, 20)).toBe(0);
    expect(moveSelection('End', 0, 10_000, 20)).toBe(9999);
    expect(moveSelection('PageDown', 0, 10_000, 20)).toBe(20);
    expect(moveSelection('PageUp', 10, 10_000, 20)).toBe(0);
    // A list too short to measure a screen still moves.
    expect(moveSelection('PageDown', 0, 5, 0)).toBe(1);
  });

  it('leaves other keys, and an empty list, alone', () => {
    expect(moveSelection('a', 0, 3, 10)).toBeNull();
    expect(moveSelection('ArrowDown', 0, 0, 10)).toBeNull();
  });

  it('starts from a row that still exists after the list shrank', () => {
    expect(moveSelection('ArrowUp', 50, 3, 10)).toBe(1);
  });
});
