// How the officer likes to see a book's scan, as the UI store holds it: the shape and the
// defaults only. Reading saved settings back tolerantly lives with the viewer (features/scans).

/** How the page is fitted in the viewer: to its width, whole, or at a chosen zoom. */
export type FitMode = 'width' | 'page' | 'none';

export interface ViewSettings {
  fit: FitMode;
  /** Zoom relative to fit width; used when `fit` is 'none'. */
  zoom: number;
  /** CSS filter levels; 1 leaves the image as scanned. */
  brightness: number;
  contrast: number;
  invert: boolean;
  grayscale: boolean;
  isRulerShown: boolean;
  /** Top of the ruler band, as a fraction of the shown page's height. */
  rulerY: number;
  isThumbnailsShown: boolean;
}

export const DEFAULT_VIEW: ViewSettings = {
  fit: 'width',
  zoom: 1,
  brightness: 1,
  contrast: 1,
  invert: false,
  grayscale: false,
  isRulerShown: false,
  rulerY: 0.1,
  isThumbnailsShown: false,
};
