import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BRIGHTNESS_ON,
  createSettingsSaver,
  cssFilter,
  DEFAULT_VIEW,
  moveRuler,
  parseViewSettings,
  RULER_HEIGHT,
  RULER_STEP,
  serializeViewSettings,
  setFilterLevel,
  settingsKey,
  toggleBrightness,
  zoomBy,
  zoomStep,
  type ViewSettings,
} from './viewer-settings';

describe('saved view settings', () => {
  it('come back exactly as they were saved', () => {
    const view: ViewSettings = {
      ...DEFAULT_VIEW,
      fit: 'none',
      zoom: 1.5,
      brightness: 1.3,
      invert: true,
      isRulerShown: true,
      rulerY: 0.42,
      isThumbnailsShown: true,
    };
    const stored = JSON.parse(JSON.stringify(serializeViewSettings(view))) as unknown;
    expect(parseViewSettings(stored)).toEqual(view);
    expect(settingsKey('b1')).toBe('viewer:b1');
  });

  it('fall back field by field when something stored is broken or from elsewhere', () => {
    expect(parseViewSettings(null)).toEqual(DEFAULT_VIEW);
    expect(parseViewSettings('zoom=2')).toEqual(DEFAULT_VIEW);
    expect(
      parseViewSettings({ fit: 'sideways', zoom: 50, invert: 'yes', contrast: 1.6, rulerY: 7 }),
    ).toEqual({ ...DEFAULT_VIEW, zoom: 4, contrast: 1.6, rulerY: 1 - RULER_HEIGHT });
  });
});

describe('changing the view', () => {
  it('zooms from what is shown, leaving the fit mode', () => {
    const fitted = { ...DEFAULT_VIEW, fit: 'page' as const };
    expect(zoomStep(fitted, 1, 0.72)).toMatchObject({ fit: 'none', zoom: 0.8 });
    expect(zoomBy(DEFAULT_VIEW, 1.1, 1)).toMatchObject({ fit: 'none', zoom: 1.1 });
    expect(zoomBy(DEFAULT_VIEW, 100, 1).zoom).toBe(4);
  });

  it('shows a hidden ruler before moving it, and keeps it on the page', () => {
    const shown = moveRuler(DEFAULT_VIEW, 1);
    expect(shown).toMatchObject({ isRulerShown: true, rulerY: DEFAULT_VIEW.rulerY });
    expect(moveRuler(shown, 1).rulerY).toBeCloseTo(DEFAULT_VIEW.rulerY + RULER_STEP, 5);
    let top = shown;
    for (let i = 0; i < 100; i++) top = moveRuler(top, -1);
    expect(top.rulerY).toBe(0);
  });

  it('builds one CSS filter, or none when the image is left as scanned', () => {
    expect(cssFilter(DEFAULT_VIEW)).toBe('none');
    const lifted = toggleBrightness({ ...DEFAULT_VIEW, invert: true, grayscale: true });
    expect(lifted.brightness).toBe(BRIGHTNESS_ON);
    expect(cssFilter(lifted)).toBe(`brightness(${BRIGHTNESS_ON}) grayscale(1) invert(1)`);
    expect(toggleBrightness(lifted).brightness).toBe(1);
    expect(setFilterLevel(DEFAULT_VIEW, 'contrast', 9).contrast).toBe(2.5);
  });
});

describe('saving settings', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes only the last change per book, after a pause', () => {
    const writes: [string, number][] = [];
    const saver = createSettingsSaver<number>((key, value) => writes.push([key, value]), 300);
    saver.schedule('viewer:b1', 1);
    saver.schedule('viewer:b1', 2);
    saver.schedule('viewer:b2', 7);
    vi.advanceTimersByTime(299);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([
      ['viewer:b1', 2],
      ['viewer:b2', 7],
    ]);
  });

  it('writes at once what is waiting when the book is left', () => {
    const writes: [string, number][] = [];
    const saver = createSettingsSaver<number>((key, value) => writes.push([key, value]), 300);
    saver.schedule('viewer:b1', 3);
    saver.flush();
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([['viewer:b1', 3]]);
  });
});
