import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../store/router';
import { repo } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { EntryForm, EntryList, entryWriter, ShortcutSheet, useOpenEntry } from '../entry';
import { BookSettingsDialog } from './BookSettingsDialog';
import { SplitHandle } from '../../ui/SplitHandle';
import { ExportButton } from '../export';
import { ImportExcelButton } from '../import';
import { WorkPackageTools } from '../backup';
import { ReturnedEntries, ReviewToolbar } from '../review';
import { BlindNotice, doubleKeyingShortcuts, KeyingToolbar } from '../keying';
import { useOfficer } from '../officers';
import {
  handleViewerKey,
  ImportScanButton,
  PagesPanel,
  ScanViewer,
  viewerShortcuts,
} from '../scans';
import { explainWriteError } from '../storage';
import { isInDialog } from '../../ui/focus';
import { usePagePreparation } from '../prepare';
import { bookReads, isBlindTo, pageReads, useLiveQuery } from '../../db/reads';
import type { Book, Page } from '../../db/types';
import type { RegisterTemplate } from '../../../shared/registers/types';

const NO_PAGES: Page[] = [];

/** The scan on the left, the entry list or the open entry on the right. */
export function BookWorkspace({ bookId, entryId }: { bookId: string; entryId: string | null }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const splitPercent = useUiStore((state) => state.splitPercent);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'F1') return;
      event.preventDefault();
      setShowShortcuts(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const book = useLiveQuery(() => bookReads.bookById(bookId), [bookId], null);
  const read = useLiveQuery(() => pageReads.pagesInOrder(bookId), [bookId]);
  // One list while the pages have not been read: the memoised panels are not rendered again.
  const pages = read ?? NO_PAGES;
  const opened = useOpenEntry(entryId);
  const officerId = useOfficer()?.id;
  // An entry waiting for its second keying is not shown to anyone who may key it again.
  const blind = opened !== undefined && opened !== null && isBlindTo(opened, officerId);
  const entry = blind ? null : opened;
  // The viewer's keys work wherever the keyboard is in the workspace (a toolbar button, the
  // entry list, or the page itself after a dialog closed), not only in the form and the viewer,
  // which handle them first.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isInDialog(event.target)) return;
      handleViewerKey(event, { bookId, pages });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bookId, pages]);

  // The keyboard left on the page itself (the dialog that held it is gone) starts on the
  // workspace's first step: importing scans, or adding an entry once there are some.
  const hasPages = pages.length > 0;
  const focusFirstStep = useCallback(() => {
    const start = hasPages
      ? addButtonRef.current
      : toolbarRef.current?.querySelector('[data-import-scans]');
    if (start instanceof HTMLElement) start.focus();
  }, [hasPages]);
  // Pages are made ready for export in the background while the book is open.
  usePagePreparation(bookId);
  const addEntry = useCallback(async () => {
    // Read when the entry is added: following every page turn would redraw the whole workspace.
    const currentPageId = useUiStore.getState().pageByBook[bookId] ?? pages[0]?.id ?? null;
    try {
      // An entry opened with Ctrl+Enter may still be on its way to the disk: number after it.
      await entryWriter.settle();
      const created = await repo.createEntry(bookId, currentPageId);
      navigate({ name: 'entry', bookId, entryId: created.id });
    } catch (error) {
      notify('error', t('entry.createFailed', { detail: explainWriteError(error, t) }));
    }
  }, [bookId, pages, notify, t]);
  const openSettings = useCallback(() => setShowSettings(true), []);
  const openShortcuts = useCallback(() => setShowShortcuts(true), []);
  const closeShortcuts = useCallback(() => setShowShortcuts(false), []);

  if (book === null) return null;
  if (!book) {
    return (
      <p role="alert">
        {t('books.notFound')} <a href="#/">{t('books.backToList')}</a>
      </p>
    );
  }
  const template = getTemplate(book.templateVersion);

  return (
    <div className="workspace">
      <WorkspaceToolbar
        book={book}
        template={template}
        toolbarRef={toolbarRef}
        addButtonRef={addButtonRef}
        onAdd={addEntry}
        onSettings={openSettings}
        onShortcuts={openShortcuts}
      />
      {book.archived && (
        <p className="issue-warning" role="note">
          {t('archive.readOnly')}
        </p>
      )}
      {showSettings && (
        <BookSettingsDialog
          book={book}
          template={template}
          onClose={() => setShowSettings(false)}
        />
      )}
      <ShortcutSheet
        open={showShortcuts}
        onClose={closeShortcuts}
        extra={viewerShortcuts}
        // A book keyed once lists only its own keys: the double-keying screens have their own.
        groups={book.checking === 'double' ? doubleKeyingShortcuts : undefined}
      />
      <PagesPanel bookId={bookId} pages={pages} />
      <div
        className="workspace-split"
        style={{
          gridTemplateColumns: `minmax(0, ${splitPercent}fr) auto minmax(0, ${100 - splitPercent}fr)`,
        }}
      >
        <ScanViewer bookId={bookId} pages={pages} entryId={entry?.id} region={entry?.region} />
        <SplitHandle />
        <div className="workspace-side">
          {!entryId && <ReturnedEntries bookId={bookId} />}
          {entryId && opened === undefined && <p role="alert">{t('entry.notFound')}</p>}
          {entryId && blind && <BlindNotice bookId={bookId} />}
          {/* One form for every entry: moving to the next one swaps its values. */}
          {entryId && entry ? (
            <EntryForm book={book} template={template} entry={entry} pages={pages} />
          ) : (
            !entryId && (
              <EntryList
                book={book}
                template={template}
                pages={pages}
                onNothingToFocus={focusFirstStep}
              />
            )
          )}
        </div>
      </div>
    </div>
  );
}

/** The book's tools above the scan and the form: rendered when the book changes, not per entry. */
const WorkspaceToolbar = memo(function WorkspaceToolbar({
  book,
  template,
  toolbarRef,
  addButtonRef,
  onAdd,
  onSettings,
  onShortcuts,
}: {
  book: Book;
  template: RegisterTemplate;
  toolbarRef: RefObject<HTMLDivElement | null>;
  addButtonRef: RefObject<HTMLButtonElement | null>;
  onAdd: () => Promise<void>;
  onSettings: () => void;
  onShortcuts: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="workspace-toolbar" ref={toolbarRef}>
      <a
        href="#/"
        onClick={(event) => {
          event.preventDefault();
          navigate({ name: 'books' });
        }}
      >
        {t('books.backToList')}
      </a>
      <h1>{t('books.title', { name: template.name, quyenSo: book.quyenSo, year: book.year })}</h1>
      <ImportScanButton bookId={book.id} />
      <ImportExcelButton book={book} />
      <button type="button" ref={addButtonRef} onClick={() => void onAdd()}>
        {t('entry.add')}
      </button>
      <ReviewToolbar bookId={book.id} />
      <KeyingToolbar book={book} />
      <ExportButton book={book} />
      <WorkPackageTools book={book} template={template} />
      <button type="button" onClick={onSettings}>
        {t('bookSettings.button')}
      </button>
      <button type="button" onClick={onShortcuts}>
        {t('shortcuts.button')}
      </button>
    </div>
  );
});
