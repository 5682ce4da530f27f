// Getting the shown page onto the viewer's canvas: opening it, drawing it at the scale it is laid
// out at, and the pages around it ahead of time. A page turned to that was drawn ahead is put on
// the canvas the moment the turn is asked for, before the screen around it updates.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { renderKey, rotatedSize, scaleByRule, type ScaleRule, type Size } from './viewer-geometry';
import {
  cachedPreview,
  cachedRender,
  blankCanvas,
  isCancelled,
  isFirstDrawing,
  knownPageSize,
  loadPageSize,
  prefetchPage,
  renderPage,
  showDrawnAheadNow,
  showOnCanvas,
} from './viewer-render';

interface Options {
  bookId: string;
  pages: Page[];
  page: Page;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** How the viewer lays pages out; null until the frame is measured. */
  rule: ScaleRule | null;
}

export interface PagePaint {
  /** The page's size once opened (its own /Rotate applied). */
  natural: Size | null;
  isFailed: boolean;
  isPainted: boolean;
}

/** A timeline mark for the benchmark (and any profile): when a page became visible. */
function markPainted(pageId: string, bitmap: ImageBitmap, isCached: boolean): void {
  const cached = isCached && !isFirstDrawing(bitmap);
  performance.mark('sohoa:page-painted', { detail: { pageId, cached } });
}

/** Whether two pages lay out alike: then one can be drawn where the other is shown. */
function sameShape(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

export function usePagePaint({ bookId, pages, page, canvasRef, rule }: Options): PagePaint {
  const [loaded, setLoaded] = useState<{ pageId: string; size: Size } | null>(null);
  const [failedPageId, setFailedPageId] = useState<string | null>(null);
  const [paintedPageId, setPaintedPageId] = useState<string | null>(null);
  const natural = knownPageSize(page.id) ?? (loaded?.pageId === page.id ? loaded.size : null);
  const renderScale = rule && natural ? scaleByRule(rule, natural, page.rotation) : null;

  /** The render key of what the canvas holds, or null for a preview or a blank. */
  const shownKeyRef = useRef<string | null>(null);
  const paintedRef = useRef<string | null>(null);
  const latest = useRef({ page, pages, natural, rule });
  useLayoutEffect(() => {
    latest.current = { page, pages, natural, rule };
  });

  // The page is opened once the room for it is known, so a picture comes drawn at its size.
  const needsSize = natural === null;
  const hasRoom = rule !== null;
  useEffect(() => {
    if (!needsSize || !hasRoom) return;
    let isLive = true;
    loadPageSize(page, latest.current.rule ?? undefined).then(
      (size) => {
        if (isLive) setLoaded({ pageId: page.id, size });
      },
      (error: unknown) => {
        console.warn('Scan page could not be opened', error);
        if (isLive) setFailedPageId(page.id);
      },
    );
    return () => {
      isLive = false;
    };
  }, [page, needsSize, hasRoom]);

  // A turn to a page drawn ahead: on the canvas at once, from the store's change, before the
  // viewer, the form and the pages list render the turn. A page not opened before starts
  // opening at that moment too.
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        const id = state.pageByBook[bookId];
        const shown = latest.current;
        const canvas = canvasRef.current;
        if (id === previous.pageByBook[bookId] || id === shown.page.id) return;
        if (!canvas || !shown.rule) return;
        const next = shown.pages.find((candidate) => candidate.id === id);
        if (!next) return;
        const size = knownPageSize(next.id);
        if (!size) {
          // A page never opened: ask for its picture now, so it is decoded while the screen
          // renders the turn; the viewer's own request joins this one.
          loadPageSize(next, shown.rule).catch(() => undefined);
          return;
        }
        if (!shown.natural) return;
        const shownShape = rotatedSize(shown.natural, shown.page.rotation);
        if (!sameShape(rotatedSize(size, next.rotation), shownShape)) return;
        const scale = scaleByRule(shown.rule, size, next.rotation);
        const ready = scale === null ? undefined : showDrawnAheadNow(canvas, next, scale);
        if (!ready || scale === null) return;
        markPainted(next.id, ready, true);
        shownKeyRef.current = renderKey(next.id, scale, next.rotation);
        paintedRef.current = next.id;
        setPaintedPageId(next.id);
      }),
    [bookId, canvasRef],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || renderScale === null || !rule) return;
    const controller = new AbortController();
    const key = renderKey(page.id, renderScale, page.rotation);
    const hit = cachedRender(page, renderScale);
    const isDrawnAhead = hit !== undefined && shownKeyRef.current === key;
    // A different page must not show through while this one renders; a new zoom of the same
    // page may: the old pixels stretched are better than a blank.
    // A thumbnail already drawn stands in, blurred, until the page is.
    if (!hit && paintedRef.current !== page.id) {
      const preview = cachedPreview(page);
      if (preview) void showOnCanvas(canvas, preview);
      else blankCanvas(canvas);
      shownKeyRef.current = null;
    }
    (hit ? Promise.resolve(hit) : renderPage(page, renderScale, controller.signal)).then(
      async (bitmap) => {
        if (controller.signal.aborted) return;
        paintedRef.current = page.id;
        if (!isDrawnAhead) {
          shownKeyRef.current = key;
          const isShown = await showOnCanvas(canvas, bitmap);
          if (controller.signal.aborted) return;
          if (isShown) markPainted(page.id, bitmap, !!hit);
        }
        setPaintedPageId(page.id);
        // The pages around are drawn ahead once this one is on screen, not in its frame.
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (controller.signal.aborted) return;
            prefetchAround(page, latest.current.pages, rule);
          }),
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted || isCancelled(error)) return;
        console.warn('Scan page could not be rendered', error);
        setFailedPageId(page.id);
      },
    );
    return () => controller.abort();
    // The rule is read with the scale it gave: a new frame size gives a new scale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page, renderScale, canvasRef]);

  return {
    natural,
    isFailed: failedPageId === page.id,
    isPainted: paintedPageId === page.id,
  };
}

/** The next page first (reading goes forward), then the one before (a look back). */
function prefetchAround(page: Page, pages: Page[], rule: ScaleRule): void {
  const index = pages.findIndex((candidate) => candidate.id === page.id);
  if (index < 0) return;
  const next = pages[index + 1];
  const previous = pages[index - 1];
  if (next) prefetchPage(next, rule);
  if (previous) prefetchPage(previous, rule);
}
