import { useEffect, useRef } from 'react';
import { BackToBookLink } from '../../ui/BackToBookLink';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { bookReads, keyingReads, pageLabels, pageReads, useLiveQuery } from '../../db/reads';
import type { KeyingSlot } from '../../db/reads';
import type { Page } from '../../db/types';
import { navigate } from '../../store/router';
import { useUiStore } from '../../store/ui-store';
import { SplitHandle } from '../../ui/SplitHandle';
import { useOfficer } from '../officers';
import { ScanViewer } from '../scans';
import { KeyingShortcuts } from './KeyingShortcuts';
import { SecondKeyingForm } from './SecondKeyingForm';
import './keying.css';

/**
 * The second keyer's screen: the entries of a book waiting for a second keying, each shown by
 * its place in the book and its pages, then the scan beside an empty form for that slot. The
 * first keying's values are never read here.
 */
export function SecondKeyingScreen({
  bookId,
  entryId,
}: {
  bookId: string;
  entryId: string | null;
}) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const officerId = officer?.id ?? '';
  const showPage = useUiStore((state) => state.showPage);
  const splitPercent = useUiStore((state) => state.splitPercent);
  const book = useLiveQuery(() => bookReads.bookById(bookId), [bookId], null);
  const pages = useLiveQuery(() => pageReads.pagesInOrder(bookId), [bookId]);
  const slots = useLiveQuery(
    () => keyingReads.secondKeyingQueue(bookId, officerId),
    [bookId, officerId],
  );
  const own = useLiveQuery(() => keyingReads.ownKeyings(bookId, officerId), [bookId, officerId]);
  const listRef = useRef<HTMLUListElement>(null);
  const slot = slots?.find((candidate) => candidate.entryId === entryId);
  const firstPageId = slot?.pageIds[0];

  useEffect(() => {
    if (firstPageId) showPage(bookId, firstPageId);
  }, [bookId, firstPageId, showPage]);
  useEffect(() => {
    if (!entryId) listRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [entryId, slots?.length]);

  if (book === null || slots === undefined || own === undefined) return null;
  if (!book) {
    return (
      <p role="alert">
        {t('books.notFound')} <a href="#/">{t('books.backToList')}</a>
      </p>
    );
  }
  const template = getTemplate(book.templateVersion);
  const open = (next: KeyingSlot | undefined) =>
    navigate({ name: 'keying', bookId, entryId: next?.entryId ?? null });
  const after = (done: string) => {
    const rest = slots.filter((candidate) => candidate.entryId !== done);
    open(rest.find((candidate) => !candidate.mine?.finishedAt) ?? undefined);
  };

  return (
    <div className="workspace second-keying">
      <KeyingShortcuts />
      <div className="workspace-toolbar">
        <BackToBookLink bookId={bookId} />
        <h1>
          {t('keying.second.title', {
            name: template.name,
            quyenSo: book.quyenSo,
            year: book.year,
          })}
        </h1>
        <span role="status">{t('keying.second.waiting', { n: slots.length })}</span>
        {entryId && (
          <button type="button" onClick={() => open(undefined)}>
            {t('keying.second.backToQueue')}
          </button>
        )}
      </div>
      <div
        className="workspace-split"
        style={{
          gridTemplateColumns: `minmax(0, ${splitPercent}fr) auto minmax(0, ${100 - splitPercent}fr)`,
        }}
      >
        {/* The scan only: the first keyer's box on the page is theirs, not shown here. */}
        <ScanViewer bookId={bookId} pages={pages ?? []} entryId={undefined} region={undefined} />
        <SplitHandle />
        <div className="workspace-side">
          {entryId && !slot && <p role="alert">{t('keying.second.notWaiting')}</p>}
          {slot ? (
            <>
              <h2>{slotTitle(t, slot, pages ?? [])}</h2>
              <SecondKeyingForm
                key={slot.entryId}
                book={book}
                template={template}
                pages={pages ?? []}
                slot={slot}
                own={own}
                onFinished={() => after(slot.entryId)}
              />
            </>
          ) : (
            !entryId && (
              <SlotList slots={slots} pages={pages ?? []} listRef={listRef} onOpen={open} />
            )
          )}
        </div>
      </div>
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function slotTitle(t: T, slot: KeyingSlot, pages: Page[]): string {
  const numbers = new Map(pages.map((page) => [page.id, page.order + 1]));
  return slot.pageIds.length > 0
    ? t('keying.second.slot', { n: slot.position, pages: pageLabels(slot.pageIds, numbers) })
    : t('keying.second.slotNoPage', { n: slot.position });
}

function SlotList({
  slots,
  pages,
  listRef,
  onOpen,
}: {
  slots: KeyingSlot[];
  pages: Page[];
  listRef: React.RefObject<HTMLUListElement | null>;
  onOpen: (slot: KeyingSlot) => void;
}) {
  const { t } = useTranslation();
  if (slots.length === 0) return <p className="review-empty">{t('keying.second.none')}</p>;
  return (
    <ul
      ref={listRef}
      className="keying-slots"
      aria-label={t('keying.second.listLabel')}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
        const index = buttons.indexOf(document.activeElement as HTMLElement);
        buttons[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
      }}
    >
      {slots.map((slot) => (
        <li key={slot.entryId}>
          <button type="button" onClick={() => onOpen(slot)}>
            {slotTitle(t, slot, pages)}
            {slot.mine && ` · ${t('keying.second.started')}`}
          </button>
        </li>
      ))}
    </ul>
  );
}
