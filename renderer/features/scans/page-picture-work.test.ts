import { describe, expect, it } from 'vitest';
import { pictureDrawing, pictureSize } from './page-picture-work';
import { scaleByRule } from './viewer-geometry';

const a4 = { box: { width: 595, height: 842 }, rotate: 0, imageWidth: 2480, imageHeight: 3508 };

describe('a page picture opened in one go', () => {
  it('is drawn at the size the viewer lays the page out at', () => {
    const rule = {
      fit: 'width' as const,
      zoom: 1,
      room: { width: 700, height: 600 },
      pixelRatio: 1,
    };
    const scale = scaleByRule(rule, pictureSize(a4), 0);
    expect(scale).not.toBeNull();
    // Fit width: the picture is as wide as the room (the scale kept to three digits).
    const drawn = pictureDrawing(a4, scale!, 0);
    expect(Math.abs(drawn.width - 700)).toBeLessThanOrEqual(4);
    expect(drawn.height / drawn.width).toBeCloseTo(842 / 595, 2);
    expect(drawn.turn).toBe(0);
  });

  it('turned a quarter by the officer, is drawn sideways', () => {
    expect(pictureDrawing(a4, 1, 90)).toEqual({ width: 842, height: 595, turn: 90 });
  });

  it("adds the page's own turn to the officer's", () => {
    const turned = { ...a4, rotate: 90 };
    expect(pictureSize(turned)).toEqual({ width: 842, height: 595 });
    expect(pictureDrawing(turned, 1, 270)).toEqual({ width: 595, height: 842, turn: 0 });
  });
});
