import { describe, expect, it } from 'vitest';
import {
  dragRect,
  isUsableRegion,
  keepAnchor,
  layoutPage,
  MAX_RENDER_PIXELS,
  normalizeRotation,
  pointOnSheet,
  renderScaleFor,
  rotatedSize,
  scrollToReveal,
  stepZoom,
  toPageRect,
  toRegion,
  toShownRect,
  type Rect,
  type Rotation,
} from './viewer-geometry';

const a4 = { width: 595, height: 842 };
const frame = { width: 650, height: 560 };

describe('fitting the page', () => {
  it('fits the width: the page fills the frame across, at 100%', () => {
    const layout = layoutPage('width', 3, frame, a4)!;
    expect(layout.sheet.width).toBe(650);
    expect(layout.zoom).toBe(1);
    expect(layout.sheet.height).toBe(Math.floor(842 * (650 / 595)));
  });

  it('fits the page: the whole portrait page is visible, below 100%', () => {
    const layout = layoutPage('page', 1, frame, a4)!;
    expect(layout.sheet.height).toBeLessThanOrEqual(560);
    expect(layout.sheet.width).toBeLessThanOrEqual(650);
    expect(layout.zoom).toBeCloseTo(560 / 842 / (650 / 595), 5);
    expect(layout.fitPageZoom).toBe(layout.zoom);
  });

  it('fits a landscape (turned) page by its width when that is the tighter side', () => {
    const turned = rotatedSize(a4, 90);
    expect(turned).toEqual({ width: 842, height: 595 });
    const layout = layoutPage('page', 1, frame, turned)!;
    expect(layout.sheet.width).toBe(650);
    expect(layout.zoom).toBe(1);
  });

  it('uses the free zoom, kept within limits, when no fit is chosen', () => {
    expect(layoutPage('none', 2, frame, a4)!.sheet.width).toBe(1300);
    expect(layoutPage('none', 99, frame, a4)!.zoom).toBe(4);
    expect(layoutPage('none', Number.NaN, frame, a4)!.zoom).toBe(1);
  });

  it('has no layout before the frame or the page has a size', () => {
    expect(layoutPage('width', 1, { width: 0, height: 500 }, a4)).toBeNull();
    expect(layoutPage('width', 1, frame, { width: 0, height: 0 })).toBeNull();
  });
});

describe('zoom steps', () => {
  it('walks round percentages from wherever the zoom is', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1.25, -1)).toBe(1);
    expect(stepZoom(0.71, 1)).toBe(0.8);
    expect(stepZoom(0.71, -1)).toBe(0.67);
    expect(stepZoom(1.2499, 1)).toBe(1.5);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.25, -1)).toBe(0.25);
  });
});

describe('render scale', () => {
  it('renders sharp on dense screens and rounds so nearby layouts share a render', () => {
    expect(renderScaleFor(1.0921, 2, a4)).toBe(2.18);
    expect(renderScaleFor(1.0923, 2, a4)).toBe(2.18);
    expect(renderScaleFor(0.16543, 1, a4)).toBe(0.165);
  });

  it('caps the bitmap size on big zooms of big pages', () => {
    const photo = { width: 2480, height: 3508 };
    const scale = renderScaleFor(4, 1, photo);
    expect(photo.width * scale * photo.height * scale).toBeLessThanOrEqual(
      MAX_RENDER_PIXELS * 1.01,
    );
  });
});

describe('regions and rotation', () => {
  const box: Rect = { x: 0.1, y: 0.2, width: 0.3, height: 0.1 };

  it('turns the page clockwise: the top-left corner goes to the top-right at 90°', () => {
    expect(toShownRect({ x: 0, y: 0, width: 0.1, height: 0.1 }, 90)).toEqual({
      x: 0.9,
      y: 0,
      width: 0.09999999999999998,
      height: 0.1,
    });
  });

  it('stores what was drawn on a turned page so it comes back in the same place', () => {
    for (const rotation of [0, 90, 180, 270] as Rotation[]) {
      const shown = toShownRect(box, rotation);
      const stored = toPageRect(shown, rotation);
      expect(stored.x).toBeCloseTo(box.x, 10);
      expect(stored.y).toBeCloseTo(box.y, 10);
      expect(stored.width).toBeCloseTo(box.width, 10);
      expect(stored.height).toBeCloseTo(box.height, 10);
    }
  });

  it('normalises a drag in any direction and keeps it on the page', () => {
    expect(dragRect({ x: 0.5, y: 0.6 }, { x: 0.2, y: -0.3 })).toEqual({
      x: 0.2,
      y: 0,
      width: 0.3,
      height: 0.6,
    });
    expect(isUsableRegion(dragRect({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.7 }))).toBe(false);
    expect(toRegion('p1', { x: 1 / 3, y: 0, width: 0.5, height: 0.25 })).toEqual({
      pageId: 'p1',
      x: 0.3333,
      y: 0,
      width: 0.5,
      height: 0.25,
    });
  });

  it('maps normalised rotations, including negative and oversized ones', () => {
    expect(normalizeRotation(-90)).toBe(270);
    expect(normalizeRotation(450)).toBe(90);
    expect(normalizeRotation(360)).toBe(0);
  });
});

describe('pointer on a tilted sheet', () => {
  const sheet = { width: 200, height: 100 };
  const center = { x: 300, y: 400 };

  it('measures from the top-left of an untilted sheet', () => {
    expect(pointOnSheet({ x: 200, y: 350 }, center, sheet, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOnSheet({ x: 300, y: 400 }, center, sheet, 5)).toEqual({ x: 0.5, y: 0.5 });
  });

  it('turns the point back by the tilt', () => {
    // The sheet's top-right corner after a 90° tilt (a stand-in for small tilts) is at the
    // bottom-right of the centre by half the width down.
    const point = pointOnSheet({ x: 300 + 50, y: 400 + 100 }, center, sheet, 90);
    expect(point.x).toBeCloseTo(1, 10);
    expect(point.y).toBeCloseTo(0, 10);
  });
});

describe('scrolling a box into view', () => {
  const view = { left: 0, top: 100, width: 400, height: 300 };

  it('leaves the scroll alone when the box is already visible', () => {
    expect(scrollToReveal({ left: 10, top: 150, width: 100, height: 50 }, view)).toEqual({
      left: 0,
      top: 100,
    });
  });

  it('centres a box that is out of view', () => {
    expect(scrollToReveal({ left: 10, top: 900, width: 100, height: 100 }, view)).toEqual({
      left: 0,
      top: 800,
    });
  });

  it('shows the start of a box bigger than the view', () => {
    expect(scrollToReveal({ left: 0, top: 900, width: 100, height: 500 }, view).top).toBe(900);
  });
});

describe('zooming about a spot', () => {
  it('keeps the spot under the anchor where it was when the page doubles', () => {
    // View 400 wide, scrolled 100 in; the anchor at 200 looks at content x = 300 - 8 pad.
    const target = keepAnchor(
      { width: 600, height: 800 },
      { width: 1200, height: 1600 },
      { left: 100, top: 0 },
      { x: 200, y: 150 },
      8,
    );
    expect(target.left).toBe(8 + 292 * 2 - 200);
    expect(target.top).toBe(8 + 142 * 2 - 150);
  });

  it('never scrolls before the start', () => {
    expect(
      keepAnchor(
        { width: 600, height: 800 },
        { width: 300, height: 400 },
        { left: 0, top: 0 },
        { x: 10, y: 10 },
        8,
      ),
    ).toEqual({ left: 0, top: 0 });
  });
});
