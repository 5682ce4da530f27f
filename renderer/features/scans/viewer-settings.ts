// How the officer likes to see a book's scan (zoom, image filters, ruler), kept per book so
// every entry of the book opens the same way, and read back tolerantly after a reload.
import { DEFAULT_VIEW, type FitMode, type ViewSettings } from '../../store/view-settings';
import { clamp, clampZoom, stepZoom } from './viewer-geometry';

export { DEFAULT_VIEW, type ViewSettings } from '../../store/view-settings';

export const FILTER_MIN = 0.5;
export const FILTER_MAX = 2.5;
/** Levels the one-press toggles switch to: enough to lift faded ink without burning paper. */
export const BRIGHTNESS_ON = 1.3;
export const CONTRAST_ON = 1.6;
/** The ruler is a band about one written line high; a step moves it half a band. */
export const RULER_HEIGHT = 0.04;
export const RULER_STEP = 0.02;

export const SETTINGS_KEY_PREFIX = 'viewer:';

export function settingsKey(bookId: string): string {
  return `${SETTINGS_KEY_PREFIX}${bookId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, min, max) : fallback;
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Reads settings saved by any version: unknown or broken values fall back to the defaults
 * one by one, so one bad field never loses the rest.
 */
export function parseViewSettings(value: unknown): ViewSettings {
  if (!isRecord(value)) return { ...DEFAULT_VIEW };
  const fit: FitMode =
    value.fit === 'width' || value.fit === 'page' || value.fit === 'none'
      ? value.fit
      : DEFAULT_VIEW.fit;
  return {
    fit,
    zoom: typeof value.zoom === 'number' ? clampZoom(value.zoom) : DEFAULT_VIEW.zoom,
    brightness: numberOr(value.brightness, DEFAULT_VIEW.brightness, FILTER_MIN, FILTER_MAX),
    contrast: numberOr(value.contrast, DEFAULT_VIEW.contrast, FILTER_MIN, FILTER_MAX),
    invert: booleanOr(value.invert, DEFAULT_VIEW.invert),
    grayscale: booleanOr(value.grayscale, DEFAULT_VIEW.grayscale),
    isRulerShown: booleanOr(value.isRulerShown, DEFAULT_VIEW.isRulerShown),
    rulerY: numberOr(value.rulerY, DEFAULT_VIEW.rulerY, 0, 1 - RULER_HEIGHT),
    isThumbnailsShown: booleanOr(value.isThumbnailsShown, DEFAULT_VIEW.isThumbnailsShown),
  };
}

/** What goes into the settings table: a plain object with a version for later changes. */
export function serializeViewSettings(view: ViewSettings): Record<string, unknown> {
  return { v: 1, ...view };
}

export function cssFilter(view: ViewSettings): string {
  const parts: string[] = [];
  if (view.brightness !== 1) parts.push(`brightness(${view.brightness})`);
  if (view.contrast !== 1) parts.push(`contrast(${view.contrast})`);
  if (view.grayscale) parts.push('grayscale(1)');
  if (view.invert) parts.push('invert(1)');
  return parts.length > 0 ? parts.join(' ') : 'none';
}

/** Zooms one step from what is shown now (`shownZoom`, which a fit mode decides). */
export function zoomStep(view: ViewSettings, direction: 1 | -1, shownZoom: number): ViewSettings {
  return { ...view, fit: 'none', zoom: stepZoom(shownZoom, direction) };
}

export function zoomBy(view: ViewSettings, factor: number, shownZoom: number): ViewSettings {
  // Two decimals keep the percentage shown a whole number.
  const zoom = Math.round(clampZoom(shownZoom * factor) * 100) / 100;
  return { ...view, fit: 'none', zoom };
}

export function setFit(view: ViewSettings, fit: 'width' | 'page'): ViewSettings {
  return { ...view, fit };
}

/** Moving a hidden ruler first shows it where it was, so the officer sees what moves. */
export function moveRuler(view: ViewSettings, direction: 1 | -1): ViewSettings {
  if (!view.isRulerShown) return { ...view, isRulerShown: true };
  const rulerY = clamp(view.rulerY + direction * RULER_STEP, 0, 1 - RULER_HEIGHT);
  return { ...view, rulerY: Math.round(rulerY * 1000) / 1000 };
}

export function toggleBrightness(view: ViewSettings): ViewSettings {
  return { ...view, brightness: view.brightness === 1 ? BRIGHTNESS_ON : 1 };
}

export function toggleContrast(view: ViewSettings): ViewSettings {
  return { ...view, contrast: view.contrast === 1 ? CONTRAST_ON : 1 };
}

export function setFilterLevel(
  view: ViewSettings,
  filter: 'brightness' | 'contrast',
  level: number,
): ViewSettings {
  const value = Number.isFinite(level) ? clamp(level, FILTER_MIN, FILTER_MAX) : 1;
  return { ...view, [filter]: Math.round(value * 100) / 100 };
}

export function resetImage(view: ViewSettings): ViewSettings {
  return { ...view, brightness: 1, contrast: 1, invert: false, grayscale: false };
}

export interface SettingsSaver<T> {
  schedule: (key: string, value: T) => void;
  /** Writes whatever is waiting now (leaving the book, closing the window). */
  flush: () => void;
}

/**
 * Coalesces saves per key: the officer may press zoom ten times in a second; only the last
 * state is written, `delayMs` after the last change.
 */
export function createSettingsSaver<T>(
  write: (key: string, value: T) => void,
  delayMs: number,
): SettingsSaver<T> {
  const waiting = new Map<string, { value: T; timer: ReturnType<typeof setTimeout> }>();
  const writeNow = (key: string) => {
    const entry = waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(key);
    write(key, entry.value);
  };
  return {
    schedule(key, value) {
      const old = waiting.get(key);
      if (old) clearTimeout(old.timer);
      waiting.set(key, { value, timer: setTimeout(() => writeNow(key), delayMs) });
    },
    flush() {
      for (const key of [...waiting.keys()]) writeNow(key);
    },
  };
}
