import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import type { Page, PageRegion } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import {
  dragRect,
  isUsableRegion,
  keepAnchor,
  layoutPage,
  pointOnSheet,
  rotatedSize,
  scrollToReveal,
  type ScaleRule,
  toPageRect,
  toRegion,
  toShownRect,
  wheelZoomFactor,
  type Point,
  type Rect,
  type Size,
} from './viewer-geometry';
import { handleViewerKey } from './viewer-keys';
import { panStepForKey } from './viewer-keymap';
import { usePagePaint } from './use-page-paint';
import { cssFilter, RULER_HEIGHT, zoomBy, type ViewSettings } from './viewer-settings';
import { pageReads, useLiveQuery } from '../../db/reads';

/** Room around the page, so its edge and a slight tilt stay visible. */
const PAD = 8;

interface Props {
  bookId: string;
  pages: Page[];
  page: Page;
  view: ViewSettings;
  entryId?: string | undefined;
  region?: PageRegion | undefined;
}

function boxStyle(rect: Rect): CSSProperties {
  return {
    left: `${rect.x * 100}%`,
    top: `${rect.y * 100}%`,
    width: `${rect.width * 100}%`,
    height: `${rect.height * 100}%`,
  };
}

/** Where an element sits in the frame's scrollable content, in pixels. */
function contentBox(frame: HTMLElement, element: HTMLElement) {
  const outer = frame.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  return {
    left: inner.left - outer.left - frame.clientLeft + frame.scrollLeft,
    top: inner.top - outer.top - frame.clientTop + frame.scrollTop,
    width: inner.width,
    height: inner.height,
  };
}

function reveal(frame: HTMLElement, element: HTMLElement): void {
  const target = scrollToReveal(contentBox(frame, element), {
    left: frame.scrollLeft,
    top: frame.scrollTop,
    width: frame.clientWidth,
    height: frame.clientHeight,
  });
  frame.scrollTo(target);
}

/** The page itself: drawn on a canvas, panned, zoomed, with the ruler and the entry's region. */
export function ViewerStage({ bookId, pages, page, view, entryId, region }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const scan = useLiveQuery(() => pageReads.scanById(page.scanId), [page.scanId]);
  const tilt = useUiStore((state) => state.tiltByPage[page.id] ?? 0);
  const drawingFor = useUiStore((state) => state.drawingRegionFor);
  const isDrawing = entryId !== undefined && drawingFor === entryId;

  const frameRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const rulerRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<Size | null>(null);
  const [draft, setDraft] = useState<{ start: Point; end: Point } | null>(null);

  const room = frame && { width: frame.width - 2 * PAD, height: frame.height - 2 * PAD };
  const pixelRatio = window.devicePixelRatio || 1;
  const rule: ScaleRule | null = room && { fit: view.fit, zoom: view.zoom, room, pixelRatio };
  const { natural, isFailed, isPainted } = usePagePaint({ bookId, pages, page, canvasRef, rule });
  const layout =
    natural && room
      ? layoutPage(view.fit, view.zoom, room, rotatedSize(natural, page.rotation))
      : null;
  const shownRegion =
    region && region.pageId === page.id ? toShownRect(region, page.rotation) : null;
  const sheetWidth = layout?.sheet.width;
  const sheetHeight = layout?.sheet.height;
  const shownZoom = layout?.zoom;

  // Refs for the native wheel listener and the prefetch, which outlive a render.
  const zoomRef = useRef<number | null>(null);
  const anchorRef = useRef<Point | null>(null);
  // The scroll position as last seen: by the time a new size is laid out, the browser may
  // already have clamped it.
  const scrollRef = useRef({ left: 0, top: 0 });
  const dragRef = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    zoomRef.current = shownZoom ?? null;
  });

  useEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setFrame({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keys in the form step the zoom from what is shown, which only this component can measure.
  useEffect(() => {
    if (shownZoom !== undefined) useUiStore.getState().setShownZoom(bookId, shownZoom);
  }, [bookId, shownZoom]);

  // Ctrl+wheel zooms about the pointer. React's wheel listener is passive and cannot stop
  // the browser's own page zoom, hence the native listener.
  useEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      const current = zoomRef.current;
      if (current === null) return;
      const box = element.getBoundingClientRect();
      anchorRef.current = { x: event.clientX - box.left, y: event.clientY - box.top };
      const factor = wheelZoomFactor(event.deltaY);
      useUiStore.getState().updateView(bookId, (settings) => zoomBy(settings, factor, current));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [bookId]);

  // When the same page changes size (zoom, fit, window), the spot under the pointer (wheel) or
  // in the middle of the view (keys, buttons) stays put, so the line being read stays in sight.
  const lastSheet = useRef<{ pageId: string; size: Size } | null>(null);
  useLayoutEffect(() => {
    const element = frameRef.current;
    if (!element || sheetWidth === undefined || sheetHeight === undefined) return;
    const size = { width: sheetWidth, height: sheetHeight };
    const last = lastSheet.current;
    lastSheet.current = { pageId: page.id, size };
    const pointer = anchorRef.current;
    anchorRef.current = null;
    if (!last || last.pageId !== page.id) return;
    if (last.size.width === size.width && last.size.height === size.height) return;
    const target = keepAnchor(
      last.size,
      size,
      scrollRef.current,
      pointer ?? { x: element.clientWidth / 2, y: element.clientHeight / 2 },
      PAD,
    );
    element.scrollLeft = target.left;
    element.scrollTop = target.top;
  }, [page.id, sheetWidth, sheetHeight]);

  // Opening an entry brings its region into view, once per entry: afterwards the officer pans.
  const revealedFor = useRef<string | null>(null);
  const hasRegion = shownRegion !== null;
  useLayoutEffect(() => {
    const element = frameRef.current;
    const box = regionRef.current;
    if (!element || !box || !entryId || !hasRegion || sheetWidth === undefined) return;
    if (revealedFor.current === entryId) return;
    revealedFor.current = entryId;
    reveal(element, box);
  }, [entryId, hasRegion, sheetWidth]);

  // A ruler moved off screen by the keys follows into view.
  const rulerKey = view.isRulerShown ? view.rulerY : null;
  const lastRulerKey = useRef(rulerKey);
  useLayoutEffect(() => {
    const element = frameRef.current;
    const ruler = rulerRef.current;
    if (lastRulerKey.current === rulerKey) return;
    lastRulerKey.current = rulerKey;
    if (element && ruler) reveal(element, ruler);
  }, [rulerKey]);

  useEffect(() => {
    if (!isDrawing) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setDraft(null);
      useUiStore.getState().setDrawingRegion(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isDrawing]);

  const pointFor = (event: PointerEvent): Point | null => {
    const sheet = sheetRef.current;
    if (!sheet || !layout) return null;
    const box = sheet.getBoundingClientRect();
    return pointOnSheet(
      { x: event.clientX, y: event.clientY },
      { x: box.left + box.width / 2, y: box.top + box.height / 2 },
      layout.sheet,
      tilt,
    );
  };

  const saveRegion = (rect: Rect) => {
    if (!entryId) return;
    useUiStore.getState().setDrawingRegion(null);
    repo
      .setEntryRegion(entryId, toRegion(page.id, toPageRect(rect, page.rotation)))
      .catch((error: unknown) =>
        useUiStore
          .getState()
          .notify('error', t('viewer.regionSaveFailed', { detail: String(error) })),
      );
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const element = event.currentTarget;
    if (isDrawing) {
      const point = pointFor(event);
      if (!point) return;
      element.setPointerCapture(event.pointerId);
      setDraft({ start: point, end: point });
      return;
    }
    element.setPointerCapture(event.pointerId);
    dragRef.current = {
      x: event.clientX,
      y: event.clientY,
      left: element.scrollLeft,
      top: element.scrollTop,
    };
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (draft) {
      const point = pointFor(event);
      if (point) setDraft({ start: draft.start, end: point });
      return;
    }
    const drag = dragRef.current;
    if (!drag) return;
    event.currentTarget.scrollLeft = drag.left - (event.clientX - drag.x);
    event.currentTarget.scrollTop = drag.top - (event.clientY - drag.y);
  };

  const onPointerUp = () => {
    dragRef.current = null;
    if (!draft) return;
    setDraft(null);
    const rect = dragRect(draft.start, draft.end);
    if (isUsableRegion(rect)) saveRegion(rect);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (handleViewerKey(event, { bookId, pages })) return;
    const element = event.currentTarget;
    const step = panStepForKey(event, {
      width: element.clientWidth,
      height: element.clientHeight,
    });
    if (!step) return;
    event.preventDefault();
    element.scrollBy({ left: step.dx, top: step.dy });
  };

  const draftRect = draft ? dragRect(draft.start, draft.end) : null;
  const frameClass = ['viewer-frame', isDrawing ? 'is-drawing' : ''].join(' ').trim();

  return (
    <div
      ref={frameRef}
      className={frameClass}
      tabIndex={0}
      role="group"
      aria-label={t('viewer.frame')}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        scrollRef.current = {
          left: event.currentTarget.scrollLeft,
          top: event.currentTarget.scrollTop,
        };
      }}
      // Panning with the mouse leaves the cursor in the entry form.
      onMouseDown={(event) => event.preventDefault()}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        dragRef.current = null;
        setDraft(null);
      }}
    >
      <span id={hintId} hidden>
        {t('viewer.frameHint')}
      </span>
      {isFailed ? (
        <p role="alert" className="viewer-message">
          {t('viewer.renderFailed')}
        </p>
      ) : layout ? (
        <div
          className="viewer-stage"
          style={{ width: layout.sheet.width + 2 * PAD, height: layout.sheet.height + 2 * PAD }}
        >
          <div
            ref={sheetRef}
            className="viewer-sheet"
            style={{
              width: layout.sheet.width,
              height: layout.sheet.height,
              transform: tilt !== 0 ? `rotate(${tilt}deg)` : undefined,
            }}
          >
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={t('viewer.pageImage', {
                file: scan?.fileName ?? '',
                page: page.indexInScan + 1,
              })}
              style={{ filter: cssFilter(view) }}
            />
            {view.isRulerShown && (
              <div
                ref={rulerRef}
                className="viewer-ruler"
                aria-hidden="true"
                style={{ top: `${view.rulerY * 100}%`, height: `${RULER_HEIGHT * 100}%` }}
              />
            )}
            {shownRegion && (
              <div
                ref={regionRef}
                className="viewer-region"
                role="img"
                aria-label={t('viewer.region')}
                style={boxStyle(shownRegion)}
              />
            )}
            {draftRect && (
              <div
                className="viewer-region viewer-region-draft"
                aria-hidden="true"
                style={boxStyle(draftRect)}
              />
            )}
            {!isPainted && <p className="viewer-loading">{t('viewer.loading')}</p>}
          </div>
        </div>
      ) : (
        <p className="viewer-loading">{t('viewer.loading')}</p>
      )}
    </div>
  );
}
