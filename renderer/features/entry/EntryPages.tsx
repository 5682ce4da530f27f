// The open entry's pages (a chip per linked page, and linking the page on screen) and whether
// its last change is saved.
import { useTranslation } from 'react-i18next';
import type { Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { useWriterStatus } from './entry-writer';
import { saveStateOf } from './use-autosave';

export function EntryPages({
  bookId,
  entryPageIds,
  pages,
  shownPageId,
  onToggle,
}: {
  bookId: string;
  entryPageIds: string[];
  pages: Page[];
  shownPageId: string | undefined;
  onToggle: (pageId: string) => void;
}) {
  const { t } = useTranslation();
  const showPage = useUiStore((state) => state.showPage);
  const pageNumber = (pageId: string) => (pages.find((p) => p.id === pageId)?.order ?? -1) + 1;
  const shownIsLinked = shownPageId ? entryPageIds.includes(shownPageId) : false;
  return (
    <div className="entry-pages">
      <span>{t('entry.pages')}: </span>
      {entryPageIds.length === 0 && <span>{t('entry.noPages')}</span>}
      {entryPageIds.map((pageId) => (
        <button
          key={pageId}
          type="button"
          className="chip"
          onClick={() => showPage(bookId, pageId)}
          aria-label={t('entry.showPage', { page: pageNumber(pageId) })}
        >
          {t('entry.pageChip', { page: pageNumber(pageId) })}
        </button>
      ))}
      {shownPageId && (
        <button type="button" onClick={() => onToggle(shownPageId)}>
          {shownIsLinked
            ? t('entry.unlinkPage', { page: pageNumber(shownPageId) })
            : t('entry.linkPage', { page: pageNumber(shownPageId) })}
        </button>
      )}
    </div>
  );
}

/** Whether the open entry is saved: follows the writer by itself, so the form is not redrawn. */
export function SaveIndicator({ hasUnflushed }: { hasUnflushed: boolean }) {
  const { t } = useTranslation();
  const state = saveStateOf(hasUnflushed, useWriterStatus());
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite">
      {t(`entry.save.${state}`)}
    </span>
  );
}
