import { describe, expect, it } from 'vitest';
import vi from '../../locales/keying.vi.json';
import en from '../../locales/keying.en.json';
import { arbitrationActionForKey, doubleKeyingShortcuts, nextDifference } from './arbitration-keys';

const key = (k: string, extra: Partial<KeyboardEventInit> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

describe("the arbitrator's keys", () => {
  it('take A, take B, type, mark, move on and save', () => {
    expect(arbitrationActionForKey(key('1'))).toBe('takeA');
    expect(arbitrationActionForKey(key('2'))).toBe('takeB');
    expect(arbitrationActionForKey(key('Enter'))).toBe('type');
    expect(arbitrationActionForKey(key('k'))).toBe('illegible');
    expect(arbitrationActionForKey(key('T'))).toBe('blankInRegister');
    expect(arbitrationActionForKey(key('n'))).toBe('next');
    expect(arbitrationActionForKey(key('Enter', { ctrlKey: true }))).toBe('save');
    expect(arbitrationActionForKey(key('1', { altKey: true }))).toBeNull();
    expect(arbitrationActionForKey(key('x'))).toBeNull();
  });

  it('go to the next difference still without a ruling', () => {
    const keys = ['a', 'b', 'c'];
    expect(nextDifference(keys, 0, new Set())).toBe(1);
    expect(nextDifference(keys, 0, new Set(['b']))).toBe(2);
    expect(nextDifference(keys, 2, new Set(['a']))).toBe(1);
    expect(nextDifference(keys, 1, new Set(['a', 'b', 'c']))).toBe(2);
  });
});

describe('the F1 sheet', () => {
  it('lists every key the arbitration answers to, worded in both languages', () => {
    const [, arbitration] = doubleKeyingShortcuts;
    const actions = arbitration!.shortcuts.map(({ keys }) => {
      const [modifier, name] = keys.includes('+') ? keys.split('+') : [undefined, keys];
      return arbitrationActionForKey(key(name, { ctrlKey: modifier === 'Ctrl' }));
    });
    expect(new Set(actions)).toEqual(
      new Set(['takeA', 'takeB', 'type', 'illegible', 'blankInRegister', 'next', 'save']),
    );
    for (const group of doubleKeyingShortcuts) {
      for (const { actionKey } of [{ actionKey: group.titleKey }, ...group.shortcuts]) {
        const name = actionKey.replace('keying.shortcuts.', '');
        expect(vi.shortcuts, actionKey).toHaveProperty(name);
        expect(en.shortcuts, actionKey).toHaveProperty(name);
      }
    }
  });
});
