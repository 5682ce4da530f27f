import { useTranslation } from 'react-i18next';
import type { Page, PageRegion } from '../../db/types';
import { useUiStore, viewOf } from '../../store/ui-store';
import { useViewerSettingsPersistence } from './viewer-storage';
import { ViewerStage } from './ViewerStage';
import { ViewerThumbnails } from './ViewerThumbnails';
import { ViewerToolbar } from './ViewerToolbar';
import './viewer.css';

interface Props {
  bookId: string;
  pages: Page[];
  /** The open entry, whose region can be drawn and is shown on its page. */
  entryId?: string | undefined;
  region?: PageRegion | undefined;
}

/** Shows one page of the book's scan; the page and how it is shown live in the UI store. */
export function ScanViewer({ bookId, pages, entryId, region }: Props) {
  const { t } = useTranslation();
  useViewerSettingsPersistence(bookId);
  const view = useUiStore((state) => viewOf(state, bookId));
  const shownPageId = useUiStore((state) => state.pageByBook[bookId]);
  const index = Math.max(
    0,
    pages.findIndex((page) => page.id === shownPageId),
  );
  const page = pages[index];

  if (!page) {
    return (
      <section className="viewer viewer-empty" aria-label={t('viewer.label')}>
        <p>{t('viewer.noScan')}</p>
      </section>
    );
  }

  return (
    <section className="viewer" aria-label={t('viewer.label')}>
      <ViewerToolbar
        bookId={bookId}
        pages={pages}
        page={page}
        view={view}
        entryId={entryId}
        region={region}
      />
      <div className="viewer-body">
        {view.isThumbnailsShown && (
          <ViewerThumbnails bookId={bookId} pages={pages} shownPageId={page.id} />
        )}
        <ViewerStage
          bookId={bookId}
          pages={pages}
          page={page}
          view={view}
          entryId={entryId}
          region={region}
        />
      </div>
    </section>
  );
}
