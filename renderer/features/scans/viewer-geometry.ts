// Sizes, fits and coordinates for the scan viewer. Regions are stored as fractions of the
// page as imported (before the officer's 90° turns), so turning a page never moves a box.
import type { Page, PageRegion } from '../../db/types';
import type { FitMode } from '../../store/view-settings';

export type Rotation = Page['rotation'];

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A box as fractions 0..1 of a page's width and height. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type { FitMode } from '../../store/view-settings';

/** Zoom is relative to "fit width": 1 means the page's width fills the viewer. */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;
/** Steps the buttons and keys walk, so the percentage shown stays a round number. */
export const ZOOM_LEVELS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4] as const;
/**
 * Old office PCs have little memory: a page bitmap never exceeds this many pixels; beyond it
 * the browser stretches the bitmap, which still reads well.
 */
export const MAX_RENDER_PIXELS = 12_000_000;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function clampZoom(zoom: number): number {
  return Number.isFinite(zoom) ? clamp(zoom, MIN_ZOOM, MAX_ZOOM) : 1;
}

export function normalizeRotation(degrees: number): Rotation {
  const turned = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return turned as Rotation;
}

export function rotatedSize(size: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270
    ? { width: size.height, height: size.width }
    : { width: size.width, height: size.height };
}

/** The next zoom step up or down from any zoom, including one reached by Ctrl+wheel. */
export function stepZoom(current: number, direction: 1 | -1): number {
  // A small tolerance so 1.2499 (from rounding) counts as the 1.25 step.
  const epsilon = 0.005;
  if (direction > 0) {
    return ZOOM_LEVELS.find((level) => level > current + epsilon) ?? MAX_ZOOM;
  }
  return [...ZOOM_LEVELS].reverse().find((level) => level < current - epsilon) ?? MIN_ZOOM;
}

export interface Layout {
  /** CSS pixels per unit of the page's natural size. */
  cssScale: number;
  /** The shown page (after 90° turns) in CSS pixels. */
  sheet: Size;
  /** Zoom relative to fit width, as shown to the officer. */
  zoom: number;
  /** What "fit page" would be, relative to fit width. */
  fitPageZoom: number;
}

/**
 * Lays the page out in the frame. `frame` is the room available to the page (frame minus its
 * padding); `page` is the page's natural size after the 90° turns.
 */
export function layoutPage(fit: FitMode, zoom: number, frame: Size, page: Size): Layout | null {
  if (frame.width <= 0 || frame.height <= 0 || page.width <= 0 || page.height <= 0) return null;
  const widthScale = frame.width / page.width;
  const pageScale = Math.min(widthScale, frame.height / page.height);
  const fitPageZoom = pageScale / widthScale;
  const relative = fit === 'width' ? 1 : fit === 'page' ? fitPageZoom : clampZoom(zoom);
  const cssScale = widthScale * relative;
  return {
    cssScale,
    // Floor so a fitted page never spills over by a fraction of a pixel and adds a scrollbar;
    // the epsilon keeps 649.9999 (float error) from losing a whole pixel.
    sheet: {
      width: Math.max(1, Math.floor(page.width * cssScale + 1e-6)),
      height: Math.max(1, Math.floor(page.height * cssScale + 1e-6)),
    },
    zoom: relative,
    fitPageZoom,
  };
}

/**
 * The scale to render the bitmap at: sharp on high-density screens, capped in pixels, and
 * rounded so tiny layout changes still hit the cache.
 */
export function renderScaleFor(cssScale: number, pixelRatio: number, page: Size): number {
  const wanted = cssScale * (pixelRatio > 0 ? pixelRatio : 1);
  const area = page.width * page.height;
  const cap = area > 0 ? Math.sqrt(MAX_RENDER_PIXELS / area) : wanted;
  const scale = Math.min(wanted, cap);
  // Three significant digits: enough for sharpness, coarse enough to reuse renders.
  const magnitude = 10 ** (2 - Math.floor(Math.log10(scale)));
  return Math.round(scale * magnitude) / magnitude;
}

/** What decides a page's render scale, as plain data a worker can apply to a page not yet opened. */
export interface ScaleRule {
  fit: FitMode;
  zoom: number;
  /** The room the page is laid out in (the frame minus its padding), CSS pixels. */
  room: Size;
  pixelRatio: number;
}

/** The render scale for a page of `natural` size turned by `rotation`, as the viewer lays it out. */
export function scaleByRule(rule: ScaleRule, natural: Size, rotation: Rotation): number | null {
  const layout = layoutPage(rule.fit, rule.zoom, rule.room, rotatedSize(natural, rotation));
  return layout ? renderScaleFor(layout.cssScale, rule.pixelRatio, natural) : null;
}

export function renderKey(pageId: string, scale: number, rotation: Rotation): string {
  return `${pageId}|${scale}|${rotation}`;
}

/** Maps a point on the unturned page to where it shows after turning it clockwise. */
function turnPoint(point: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: 1 - point.y, y: point.x };
    case 180:
      return { x: 1 - point.x, y: 1 - point.y };
    case 270:
      return { x: point.y, y: 1 - point.x };
    default:
      return point;
  }
}

function rectFromCorners(a: Point, b: Point): Rect {
  const x = clamp(Math.min(a.x, b.x), 0, 1);
  const y = clamp(Math.min(a.y, b.y), 0, 1);
  return {
    x,
    y,
    width: clamp(Math.max(a.x, b.x), 0, 1) - x,
    height: clamp(Math.max(a.y, b.y), 0, 1) - y,
  };
}

/** Where a stored region shows on the page as turned now. */
export function toShownRect(rect: Rect, rotation: Rotation): Rect {
  return rectFromCorners(
    turnPoint({ x: rect.x, y: rect.y }, rotation),
    turnPoint({ x: rect.x + rect.width, y: rect.y + rect.height }, rotation),
  );
}

/** A box drawn on the page as turned now, in the unturned page's fractions for storage. */
export function toPageRect(rect: Rect, rotation: Rotation): Rect {
  const back = normalizeRotation(360 - rotation);
  return toShownRect(rect, back);
}

/** The box between two points of a drag, kept on the page. */
export function dragRect(start: Point, end: Point): Rect {
  return rectFromCorners(start, end);
}

/** A drag smaller than this (fraction of the page) is a click, not a box. */
export const MIN_REGION = 0.01;

export function isUsableRegion(rect: Rect): boolean {
  return rect.width >= MIN_REGION && rect.height >= MIN_REGION;
}

/** Rounds to 4 decimals: a tenth of a millimetre on an A3 page, and tidy in exports. */
export function toRegion(pageId: string, rect: Rect): PageRegion {
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    pageId,
    x: round(rect.x),
    y: round(rect.y),
    width: round(rect.width),
    height: round(rect.height),
  };
}

/**
 * A pointer position as fractions of the sheet. The sheet may be tilted a few degrees about
 * its centre (fine rotation), so the point is turned back before measuring.
 */
export function pointOnSheet(
  client: Point,
  center: Point,
  sheet: Size,
  tiltDegrees: number,
): Point {
  const angle = (-tiltDegrees * Math.PI) / 180;
  const dx = client.x - center.x;
  const dy = client.y - center.y;
  const x = dx * Math.cos(angle) - dy * Math.sin(angle) + sheet.width / 2;
  const y = dx * Math.sin(angle) + dy * Math.cos(angle) + sheet.height / 2;
  return { x: x / sheet.width, y: y / sheet.height };
}

export interface ScrollView {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The scroll position that shows a box (in content pixels): unchanged when it is already in
 * view, otherwise centred on it, or its top-left when it is bigger than the view.
 */
export function scrollToReveal(box: ScrollView, view: ScrollView): { left: number; top: number } {
  const axis = (start: number, length: number, scroll: number, room: number): number => {
    if (start >= scroll && start + length <= scroll + room) return scroll;
    if (length >= room) return Math.max(0, start);
    return Math.max(0, start + length / 2 - room / 2);
  };
  return {
    left: axis(box.left, box.width, view.left, view.width),
    top: axis(box.top, box.height, view.top, view.height),
  };
}

/**
 * The scroll position after the sheet changed size that keeps the same spot of the page under
 * `anchor` (a point in the view, in pixels). `pad` is the room before the sheet.
 */
export function keepAnchor(
  before: Size,
  after: Size,
  scroll: { left: number; top: number },
  anchor: Point,
  pad: number,
): { left: number; top: number } {
  const fx = (scroll.left + anchor.x - pad) / before.width;
  const fy = (scroll.top + anchor.y - pad) / before.height;
  return {
    left: Math.max(0, pad + fx * after.width - anchor.x),
    top: Math.max(0, pad + fy * after.height - anchor.y),
  };
}

/** Ctrl+wheel zoom factor: one notch (100 px) is about one zoom step. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(-clamp(deltaY, -300, 300) * 0.0022);
}
