import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { isSetAside } from '../../../shared/workflow/workflow';
import { navigate } from '../../store/router';
import { repo } from '../../db';
import type { Book, Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { ReasonPrompt } from '../../ui/ReasonPrompt';
import { errorText, useOfficer } from '../officers';
import { moveSelection } from './list-keys';
import { recallList, rememberList } from './list-memory';
import {
  entryList,
  pageLabels,
  parseSearch,
  type StatusFilter,
  useLiveQuery,
} from '../../db/reads';
import { ListToolbar } from './ListToolbar';
import './list.css';

// Heights follow the officer's text size (A−/A+) but are known in advance, so the virtualizer
// places 10,000 rows without measuring any of them.
const rowHeightFor = (textSize: number) => Math.round(textSize * 2.15);
const headerHeightFor = (textSize: number) => Math.round(textSize * 2.3);
// Long enough to skip the queries for letters typed in a burst, short enough to feel live.
const SEARCH_DELAY_MS = 150;
const COLUMNS = ['so', 'name', 'ngayDangKy', 'pages', 'status'] as const;

interface Props {
  book: Book;
  template: RegisterTemplate;
  pages: Page[];
  /** The keyboard is nowhere and the book has no entry to put it on: the workspace places it. */
  onNothingToFocus?: () => void;
}

export function EntryList(props: Props) {
  // Filters, selection and scroll position belong to one book.
  return <BookEntryList key={props.book.id} {...props} />;
}

function BookEntryList({ book, template, pages, onNothingToFocus }: Props) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const textSize = useUiStore((state) => state.textSize);
  const rowHeight = rowHeightFor(textSize);
  const headerHeight = headerHeightFor(textSize);
  const [initial] = useState(() => recallList(book.id));
  const [status, setStatus] = useState<StatusFilter>(initial.status);
  const [searchText, setSearchText] = useState(initial.searchText);
  const [search, setSearch] = useState(initial.searchText);
  const [selectedId, setSelectedId] = useState(initial.selectedId);
  // The entry whose void reason is being asked for, from the list (Alt+H).
  const [voiding, setVoiding] = useState<{ id: string; so: string } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const rowIdPrefix = useId();

  const viewerId = useOfficer()?.id;
  const summary = useLiveQuery(() => entryList.loadBookSummary(book.id), [book.id]);
  const rows = useLiveQuery(
    () =>
      entryList.loadListRows(
        { bookId: book.id, status, search: parseSearch(search), viewerId },
        template.mainNameField,
      ),
    [book.id, status, search, template.mainNameField, viewerId],
  );
  const pageNumbers = useMemo(
    () => new Map(pages.map((page) => [page.id, page.order + 1])),
    [pages],
  );
  // The selection follows the entry, not the position, so it survives new rows arriving.
  const activeIndex = useMemo(
    () => Math.max(0, rows?.findIndex((row) => row.id === selectedId) ?? 0),
    [rows, selectedId],
  );

  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => gridRef.current,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 10,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const showFromTop = () => {
    setSelectedId(null);
    gridRef.current?.scrollTo({ top: 0 });
  };

  useEffect(() => {
    if (search === searchText) return;
    const timer = window.setTimeout(() => {
      setSearch(searchText);
      setSelectedId(null);
      gridRef.current?.scrollTo({ top: 0 });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, searchText]);

  // Back from an entry: show it again, selected, with the keyboard on the list.
  const hasRestored = useRef(false);
  const isReady = summary !== undefined && rows !== undefined;
  useEffect(() => {
    // Wait for the first render that shows the grid; both queries must have answered.
    if (hasRestored.current || !isReady || !rows) return;
    hasRestored.current = true;
    if (initial.selectedId !== null) {
      const index = rows.findIndex((row) => row.id === initial.selectedId);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    }
    // Only if the officer has not put the keyboard somewhere else while the list loaded: a
    // button focused meanwhile keeps its Enter. Left on the page itself (the entry or dialog
    // that held it is gone), the book's keys would reach nothing.
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    if (rows.length > 0) gridRef.current?.focus();
    else onNothingToFocus?.();
  }, [isReady, rows, initial.selectedId, virtualizer, onNothingToFocus]);

  const open = (entryId: string) => {
    rememberList(book.id, { status, searchText, selectedId: entryId });
    navigate({ name: 'entry', bookId: book.id, entryId });
  };

  const jump = async (typed: string): Promise<boolean> => {
    try {
      const entryId = await entryList.findEntryIdBySo(book.id, typed);
      if (entryId === undefined) return false;
      open(entryId);
    } catch (error) {
      notify('error', t('entryList.jumpFailed', { detail: String(error) }));
    }
    return true;
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!rows) return;
    if (event.altKey && event.code === 'KeyH') {
      const row = rows[activeIndex];
      if (!row || isSetAside(row.status)) return;
      event.preventDefault();
      setVoiding({ id: row.id, so: row.so });
      return;
    }
    if (event.key === 'Enter') {
      const row = rows[activeIndex];
      if (!row) return;
      event.preventDefault();
      open(row.id);
      return;
    }
    const visibleRows = ((gridRef.current?.clientHeight ?? 0) - headerHeight) / rowHeight;
    const next = moveSelection(event.key, activeIndex, rows.length, Math.floor(visibleRows) - 1);
    const row = next === null ? undefined : rows[next];
    if (next === null || !row) return;
    event.preventDefault();
    setSelectedId(row.id);
    virtualizer.scrollToIndex(next);
  };

  if (!summary || !rows) {
    return (
      <p className="empty" role="status">
        {t('entryList.loading')}
      </p>
    );
  }
  if (summary.total === 0) return <p className="empty">{t('entry.listEmpty')}</p>;

  const isFiltered = status !== 'all' || parseSearch(search).kind !== 'none';
  const activeRow = rows[activeIndex];
  const { gaps } = summary;
  return (
    <div className="entry-list">
      <ListToolbar
        searchText={searchText}
        onSearchText={setSearchText}
        status={status}
        onStatus={(next) => {
          setStatus(next);
          showFromTop();
        }}
        onJump={jump}
        onEnterList={() => gridRef.current?.focus()}
      />
      {voiding && (
        <VoidFromList
          so={voiding.so}
          entryId={voiding.id}
          onClose={() => {
            setVoiding(null);
            gridRef.current?.focus();
          }}
        />
      )}
      {gaps.length > 0 && (
        <p className="issue-warning list-gaps" role="status">
          {t('entry.numberingGaps', {
            gaps: gaps
              .map((gap) => (gap.from === gap.to ? gap.from : `${gap.from}–${gap.to}`))
              .join(', '),
          })}
        </p>
      )}
      <div className="list-summary">
        <p className="list-count" role="status">
          {isFiltered
            ? t('entryList.shown', { shown: rows.length, total: summary.total })
            : t('entryList.total', { total: summary.total })}
        </p>
        <p className="hint">{t('entryList.keyboardHint')}</p>
      </div>
      {rows.length === 0 && !isFiltered ? (
        // Nothing filtered, yet nothing listed: the book's entries wait for this officer's
        // blind second keying, which is typed from the scan on its own screen.
        <p className="empty">
          {t('entryList.onlyBlind')}{' '}
          <a href={`#/books/${book.id}/keying`}>{t('keying.second.openQueue')}</a>
        </p>
      ) : rows.length === 0 ? (
        <p className="empty">{t('entryList.noMatch')}</p>
      ) : (
        <div
          ref={gridRef}
          className="list-grid"
          role="grid"
          tabIndex={0}
          aria-label={t('entry.listLabel')}
          aria-rowcount={rows.length + 1}
          aria-colcount={COLUMNS.length}
          aria-activedescendant={activeRow ? `${rowIdPrefix}-${activeRow.id}` : undefined}
          onKeyDown={onGridKey}
        >
          <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
            <div role="rowgroup" className="list-head">
              <div
                role="row"
                aria-rowindex={1}
                className="list-row"
                style={{ height: headerHeight }}
              >
                {COLUMNS.map((column) => (
                  <div key={column} role="columnheader">
                    {t(`entry.columns.${column}`)}
                  </div>
                ))}
              </div>
            </div>
            <div role="rowgroup">
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const isActive = item.index === activeIndex;
                return (
                  <div
                    key={row.id}
                    id={`${rowIdPrefix}-${row.id}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={isActive}
                    className={isActive ? 'list-row list-item is-active' : 'list-row list-item'}
                    style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                    onClick={() => open(row.id)}
                  >
                    <div role="gridcell">{row.so}</div>
                    <div role="gridcell" className={row.name ? undefined : 'list-unnamed'}>
                      {row.name || t('entry.unnamed')}
                    </div>
                    <div role="gridcell">{row.ngayDangKy}</div>
                    <div role="gridcell">{pageLabels(row.pageIds, pageNumbers)}</div>
                    {row.voidReason !== undefined ? (
                      <div
                        role="gridcell"
                        className="list-voided"
                        title={t('void.listNoteTitle', { reason: row.voidReason })}
                      >
                        {t('entry.status.voided')}: {row.voidReason}
                      </div>
                    ) : row.reopened ? (
                      <div
                        role="gridcell"
                        className="list-reopened"
                        title={t('reopen.listNoteTitle', { reason: row.reopened.reason })}
                      >
                        {t('reopen.listNote', {
                          status: t(`entry.status.${row.status}`),
                          from: t(`entry.status.${row.reopened.from}`),
                        })}
                      </div>
                    ) : (
                      <div role="gridcell">{t(`entry.status.${row.status}`)}</div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** The reason box for voiding the selected entry from the list; the keyboard returns to the list. */
function VoidFromList({
  entryId,
  so,
  onClose,
}: {
  entryId: string;
  so: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const confirm = async (reason: string) => {
    try {
      await repo.voidEntry(entryId, reason);
      notify('info', t('void.done', { so }));
      onClose();
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };
  return (
    <ReasonPrompt
      className="entry-void"
      groupLabel={t('void.groupLabel')}
      explain={`${t('entry.heading', { so })}. ${t('void.explain')}`}
      label={t('void.reasonLabel')}
      confirmLabel={t('void.confirm')}
      cancelLabel={t('void.cancel')}
      reasonRequired={t('workflow.errors.void-reason-required')}
      onConfirm={confirm}
      onCancel={onClose}
    />
  );
}
