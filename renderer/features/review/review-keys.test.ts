import { describe, expect, it } from 'vitest';
import { reviewActionForKey } from './review-keys';

const press = (
  key: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => reviewActionForKey({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('reviewActionForKey', () => {
  it('maps the letters and arrows a reviewer uses, in either case', () => {
    expect(press('a')).toBe('approve');
    expect(press('R')).toBe('reject');
    expect(press('c')).toBe('comment');
    expect(press('j')).toBe('next');
    expect(press('ArrowDown')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('ArrowUp')).toBe('previous');
  });

  it('leaves keys with modifiers to the viewer and the system', () => {
    expect(press('r', { altKey: true })).toBeNull();
    expect(press('a', { ctrlKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});
