// A page as it will go out in the bundle, at 100 %: one pixel of the exported image to one
// pixel of the screen, scrollable, with its size and legibility, so the officer can judge the
// handwriting before exporting.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGIBLE_SSIM } from '../../../shared/image/legibility';
import type { Page } from '../../db/types';
import { scanPageJpeg } from './preparation';
import { preparationReads, useLiveQuery } from '../../db/reads';
import { usePreparationProgress } from './use-preparation';
import './prepare.css';

type Shown = { kind: 'loading' } | { kind: 'image'; blob: Blob } | { kind: 'none' };

/** Draws the JPEG turned by the page's rotation, at one image pixel per device pixel. */
async function drawAtFullSize(canvas: HTMLCanvasElement, blob: Blob, rotation: number) {
  const bitmap = await createImageBitmap(blob);
  const isTurned = rotation === 90 || rotation === 270;
  const width = isTurned ? bitmap.height : bitmap.width;
  const height = isTurned ? bitmap.width : bitmap.height;
  canvas.width = width;
  canvas.height = height;
  // CSS pixels are device pixels divided by the zoom factor: undo it for a true 100 %.
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width / ratio}px`;
  canvas.style.height = `${height / ratio}px`;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.translate(width / 2, height / 2);
  context.rotate((rotation * Math.PI) / 180);
  context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  bitmap.close();
}

export function ExportPreview({ page, onClose }: { page: Page; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const progress = usePreparationProgress(page.bookId);
  const data = useLiveQuery(
    () => preparationReads.preparedPreview(page),
    [page.bookId, page.scanId, page.indexInScan],
  );
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const result = data?.prepared ?? null;
  const scan = data?.scan ?? null;
  useEffect(() => {
    if (!result || !scan) return;
    let isCurrent = true;
    const load = async (): Promise<Blob | null> => {
      if (result.kind === 'reencoded') return result.jpeg;
      if (result.kind === 'kept' || result.kind === 'withinTarget') {
        return scanPageJpeg(scan, page.indexInScan);
      }
      return null;
    };
    load()
      .then((blob) => {
        if (isCurrent) setShown(blob ? { kind: 'image', blob } : { kind: 'none' });
      })
      .catch(() => {
        if (isCurrent) setShown({ kind: 'none' });
      });
    return () => {
      isCurrent = false;
    };
  }, [result, scan, page.indexInScan]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (shown.kind !== 'image' || !canvas) return;
    void drawAtFullSize(canvas, shown.blob, page.rotation);
  }, [shown, page.rotation]);

  const kB = (bytes: number) =>
    (bytes / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const decimal = (value: number) =>
    value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const n = page.order + 1;

  const describe = (): string => {
    if (!data) return t('prepare.preview.loading');
    if (!result) {
      return t('prepare.preview.notReady', {
        done: progress?.done ?? 0,
        total: progress?.total ?? 0,
      });
    }
    switch (result.kind) {
      case 'reencoded':
        return [
          t('prepare.preview.reencoded', {
            size: kB(result.jpeg.size),
            width: result.width,
            height: result.height,
            dpi: Math.round(result.dpi),
            quality: Math.round(result.jpegQuality * 100),
            original: kB(result.source.bytes),
          }),
          t('prepare.preview.legibility', {
            value: decimal(result.legibility),
            threshold: decimal(LEGIBLE_SSIM),
          }),
          result.isOverTarget
            ? t('prepare.preview.overTarget', { target: kB(data.target ?? 0) })
            : '',
        ]
          .filter(Boolean)
          .join(' ');
      case 'kept':
        return t(result.isOverTarget ? 'prepare.preview.keptOver' : 'prepare.preview.kept', {
          size: kB(result.source.bytes),
        });
      case 'withinTarget':
        return t('prepare.preview.withinTarget', {
          size: shown.kind === 'image' ? kB(shown.blob.size) : '…',
          target: kB(data.target ?? 0),
        });
      case 'notSingleJpeg':
        return t('prepare.preview.notSingleJpeg');
      case 'failed':
        return t('prepare.preview.failed', { detail: result.message });
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog export-preview"
      aria-labelledby="export-preview-title"
      onClose={onClose}
    >
      <h2 id="export-preview-title">{t('prepare.preview.title', { n })}</h2>
      <p role="status" data-testid="export-preview-facts">
        {describe()}
      </p>
      {result && shown.kind === 'image' && (
        <div
          className="export-preview-scroll"
          // Arrow keys and Page Up/Down scroll the page once it has focus.
          tabIndex={0}
          role="region"
          aria-label={t('prepare.preview.imageLabel', { n })}
        >
          <canvas ref={canvasRef} data-testid="export-preview-image" />
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

/** One line on how far preparing the book's pages for export is, while it is not done. */
export function PreparationStatus({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const progress = usePreparationProgress(bookId);
  if (!progress || progress.total === 0) return null;
  const isDone = progress.done >= progress.total;
  return (
    <p className="prepare-status" role="status" data-testid="preparation-status">
      {isDone
        ? t('prepare.done', { total: progress.total })
        : t('prepare.progress', { done: progress.done, total: progress.total })}
      {progress.failed > 0 && ` ${t('prepare.failed', { n: progress.failed })}`}
    </p>
  );
}

/** In the export panel: pages still being prepared make the export slower, not impossible. */
export function PreparationNote({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const progress = usePreparationProgress(bookId);
  if (!progress || progress.done >= progress.total) return null;
  return (
    <p data-testid="preparation-note">
      {t('prepare.progress', { done: progress.done, total: progress.total })}.{' '}
      {t('prepare.exportSlower', { n: progress.total - progress.done })}
    </p>
  );
}
