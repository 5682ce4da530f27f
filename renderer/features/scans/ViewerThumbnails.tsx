import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { cachedThumbnail, paint, renderThumbnail } from './viewer-render';

/** CSS width of a thumbnail; its height follows the page. */
const THUMB_WIDTH = 60;

/** The book's pages as small pictures; only those scrolled into view are rendered. */
export function ViewerThumbnails({
  bookId,
  pages,
  shownPageId,
}: {
  bookId: string;
  pages: Page[];
  shownPageId: string;
}) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const showPage = useUiStore((state) => state.showPage);

  // Follow the shown page, without scrolling anything but the strip.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top - list.clientHeight / 2 + item.offsetHeight / 2;
    }
  }, [shownPageId]);

  return (
    <nav
      className="viewer-thumbs"
      aria-label={t('viewer.thumbnailsLabel')}
      // Picking a page with the mouse leaves the cursor in the entry form.
      onMouseDown={(event) => event.preventDefault()}
    >
      <ol ref={listRef}>
        {pages.map((page, index) => (
          <li key={page.id}>
            <Thumbnail
              page={page}
              label={t('viewer.thumbnail', { page: index + 1 })}
              number={index + 1}
              isShown={page.id === shownPageId}
              onShow={() => showPage(bookId, page.id)}
            />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Thumbnail({
  page,
  label,
  number,
  isShown,
  onShow,
}: {
  page: Page;
  label: string;
  number: number;
  isShown: boolean;
  onShow: () => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const width = Math.round(THUMB_WIDTH * (window.devicePixelRatio || 1));
    const hit = cachedThumbnail(page, width);
    if (hit) {
      paint(canvas, hit);
      return;
    }
    const controller = new AbortController();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        renderThumbnail(page, width, controller.signal).then(
          (bitmap) => {
            if (!controller.signal.aborted) paint(canvas, bitmap);
          },
          // A page that cannot render says so in the viewer; its thumbnail stays blank.
          () => undefined,
        );
      },
      { root: canvas.closest('ol'), rootMargin: '300px 0px' },
    );
    observer.observe(canvas);
    return () => {
      controller.abort();
      observer.disconnect();
    };
  }, [page]);

  return (
    <button
      type="button"
      className="viewer-thumb"
      aria-label={label}
      aria-current={isShown ? 'page' : undefined}
      onClick={onShow}
    >
      <canvas ref={canvasRef} width={THUMB_WIDTH} height={Math.round(THUMB_WIDTH * 1.41)} />
      <span aria-hidden="true">{number}</span>
    </button>
  );
}
