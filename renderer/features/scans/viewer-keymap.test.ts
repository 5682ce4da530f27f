import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import {
  keysFor,
  panStepForKey,
  viewerActionForKey,
  viewerShortcuts,
  type KeyLike,
} from './viewer-keymap';

function press(keys: Partial<KeyLike> & { key: string }): KeyLike {
  return { code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...keys };
}
const alt = (key: string, code: string, shiftKey = false) =>
  press({ key, code, altKey: true, shiftKey });

describe('viewer keys', () => {
  it('maps the Alt shortcuts to what they do', () => {
    expect(viewerActionForKey(alt('PageDown', 'PageDown'))).toEqual({ type: 'turnPage', delta: 1 });
    expect(viewerActionForKey(alt('PageUp', 'PageUp'))).toEqual({ type: 'turnPage', delta: -1 });
    expect(viewerActionForKey(alt('=', 'Equal'))).toEqual({ type: 'zoom', direction: 1 });
    expect(viewerActionForKey(alt('+', 'NumpadAdd'))).toEqual({ type: 'zoom', direction: 1 });
    expect(viewerActionForKey(alt('-', 'Minus'))).toEqual({ type: 'zoom', direction: -1 });
    expect(viewerActionForKey(alt('0', 'Digit0'))).toEqual({ type: 'fit', mode: 'width' });
    expect(viewerActionForKey(alt('9', 'Digit9'))).toEqual({ type: 'fit', mode: 'page' });
    expect(viewerActionForKey(alt('r', 'KeyR'))).toEqual({ type: 'rotate', delta: 90 });
    expect(viewerActionForKey(alt('R', 'KeyR', true))).toEqual({ type: 'rotate', delta: -90 });
    expect(viewerActionForKey(alt('ArrowDown', 'ArrowDown'))).toEqual({
      type: 'moveRuler',
      direction: 1,
    });
    expect(viewerActionForKey(alt('ArrowUp', 'ArrowUp'))).toEqual({
      type: 'moveRuler',
      direction: -1,
    });
    expect(viewerActionForKey(alt('i', 'KeyI'))).toEqual({ type: 'invert' });
  });

  it('goes by the physical key, so Alt+R works whatever the key reports', () => {
    expect(viewerActionForKey(alt('®', 'KeyR'))).toEqual({ type: 'rotate', delta: 90 });
    expect(viewerActionForKey(alt('r', ''))).toEqual({ type: 'rotate', delta: 90 });
    expect(viewerActionForKey(alt('+', ''))).toEqual({ type: 'zoom', direction: 1 });
  });

  it('leaves typing, AltGr, Ctrl and Alt+numpad digits alone', () => {
    expect(viewerActionForKey(press({ key: 'r', code: 'KeyR' }))).toBeNull();
    expect(viewerActionForKey(press({ key: 'PageDown', code: 'PageDown' }))).toBeNull();
    expect(
      viewerActionForKey(press({ key: 'r', code: 'KeyR', altKey: true, ctrlKey: true })),
    ).toBeNull();
    expect(viewerActionForKey(alt('0', 'Numpad0'))).toBeNull();
    expect(viewerActionForKey(alt('l', 'KeyL'))).toBeNull();
  });

  it('lists every shortcut for the shortcut sheet, each with its action text', () => {
    expect(viewerShortcuts.map((s) => s.keys)).toEqual([
      'Alt+PageDown',
      'Alt+PageUp',
      'Alt+=',
      'Alt+-',
      'Alt+0',
      'Alt+9',
      'Alt+R',
      'Alt+Shift+R',
      'Alt+ArrowDown',
      'Alt+ArrowUp',
      'Alt+I',
    ]);
    for (const { actionKey } of viewerShortcuts) {
      const name = actionKey.replace('viewer.shortcuts.', '');
      expect(vi.viewer.shortcuts).toHaveProperty(name);
      expect(en.viewer.shortcuts).toHaveProperty(name);
    }
    expect(keysFor('viewer.shortcuts.zoomIn')).toBe('Alt+=');
  });

  it('pans with the arrows, a screenful with Shift', () => {
    const view = { width: 600, height: 400 };
    expect(panStepForKey(press({ key: 'ArrowDown' }), view)).toEqual({ dx: 0, dy: 48 });
    expect(panStepForKey(press({ key: 'ArrowLeft', shiftKey: true }), view)).toEqual({
      dx: -540,
      dy: 0,
    });
    expect(panStepForKey(press({ key: 'ArrowDown', altKey: true }), view)).toBeNull();
    expect(panStepForKey(press({ key: 'a' }), view)).toBeNull();
  });
});
