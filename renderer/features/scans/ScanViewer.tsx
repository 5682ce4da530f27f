import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import type { Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { loadScanDocument } from './pdf';

const ZOOM_STEP = 1.25;

/** Shows one page of the book's scan; the page and zoom live in the UI store. */
export function ScanViewer({ bookId, pages }: { bookId: string; pages: Page[] }) {
  const { t } = useTranslation();
  const zoom = useUiStore((state) => state.zoom);
  const setZoom = useUiStore((state) => state.setZoom);
  const shownPageId = useUiStore((state) => state.pageByBook[bookId]);
  const showPage = useUiStore((state) => state.showPage);
  const index = Math.max(
    0,
    pages.findIndex((page) => page.id === shownPageId),
  );
  const page = pages[index];

  const go = (delta: number) => {
    const target = pages[index + delta];
    if (target) showPage(bookId, target.id);
  };

  if (!page) {
    return (
      <section className="viewer viewer-empty" aria-label={t('viewer.label')}>
        <p>{t('viewer.noScan')}</p>
      </section>
    );
  }

  return (
    <section className="viewer" aria-label={t('viewer.label')}>
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer.tools')}>
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>
          {t('viewer.previous')}
        </button>
        <span aria-live="polite" data-testid="page-indicator">
          {t('viewer.pageOf', { page: index + 1, total: pages.length })}
        </span>
        <button type="button" onClick={() => go(1)} disabled={index >= pages.length - 1}>
          {t('viewer.next')}
        </button>
        <button type="button" onClick={() => setZoom(zoom / ZOOM_STEP)}>
          {t('viewer.zoomOut')}
        </button>
        <span>{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => setZoom(zoom * ZOOM_STEP)}>
          {t('viewer.zoomIn')}
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          {t('viewer.fitWidth')}
        </button>
      </div>
      <PageCanvas page={page} zoom={zoom} />
    </section>
  );
}

function PageCanvas({ page, zoom }: { page: Page; zoom: number }) {
  const { t } = useTranslation();
  const scan = useLiveQuery(() => db.scans.get(page.scanId), [page.scanId]);
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The page that failed to render, so turning to another page clears the message by itself.
  const [failedPageId, setFailedPageId] = useState<string | null>(null);
  const failed = failedPageId === page.id;
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!scan || width === 0) return;
    let cancelled = false;
    let task: RenderTask | undefined;
    const render = async (doc: PDFDocumentProxy) => {
      const pdfPage = await doc.getPage(page.indexInScan + 1);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const base = pdfPage.getViewport({ scale: 1, rotation: page.rotation });
      // Zoom 100% = fit the frame's width.
      const cssScale = (width / base.width) * zoom;
      const pixelRatio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({
        scale: cssScale * pixelRatio,
        rotation: page.rotation,
      });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
      task = pdfPage.render({ canvas, viewport });
      await task.promise;
    };
    loadScanDocument(scan.id, scan.blob)
      .then(render)
      .catch((error: unknown) => {
        if (
          !cancelled &&
          !(error instanceof Error && error.name === 'RenderingCancelledException')
        ) {
          setFailedPageId(page.id);
        }
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [scan, page.id, page.indexInScan, page.rotation, width, zoom]);

  return (
    <div className="viewer-frame" ref={frameRef}>
      {failed ? (
        <p role="alert">{t('viewer.renderFailed')}</p>
      ) : (
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t('viewer.pageImage', {
            file: scan?.fileName ?? '',
            page: page.indexInScan + 1,
          })}
        />
      )}
    </div>
  );
}
