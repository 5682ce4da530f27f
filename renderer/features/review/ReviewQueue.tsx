import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { BackToBookLink } from '../../ui/BackToBookLink';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { FieldComment } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { SplitHandle } from '../../ui/SplitHandle';
import { sortBySo } from '../../../shared/registers/book-order';
import { ScanViewer } from '../scans';
import { ReviewEntryDetails, useReviewChecks } from './ReviewEntryDetails';
import { ReviewFields } from './ReviewFields';
import { errorText, useOfficer } from '../officers';
import { reviewActionForKey } from './review-keys';
import { bookReads, officerReads, pageReads, reviewReads, useLiveQuery } from '../../db/reads';
import { splitQueue } from '../../../shared/workflow/review-queue';
import './review.css';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** A book's submitted entries, one at a time: the scan on the left, the fields on the right. */
export function ReviewQueue({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const notify = useUiStore((state) => state.notify);
  const showPage = useUiStore((state) => state.showPage);
  const splitPercent = useUiStore((state) => state.splitPercent);
  const book = useLiveQuery(() => bookReads.bookById(bookId), [bookId], null);
  const pages = useLiveQuery(() => pageReads.pagesInOrder(bookId), [bookId]);
  const submitted = useLiveQuery(() => reviewReads.awaitingDecision(bookId), [bookId]);
  const people = useLiveQuery(() => officerReads.allOfficers(), []);
  const [index, setIndex] = useState(0);
  const [comments, setComments] = useState<FieldComment[]>([]);
  const [commenting, setCommenting] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  // A reviewer never decides on their own work: those entries wait for someone else.
  const { queue, ownCount } = useMemo(
    () => splitQueue(sortBySo(submitted ?? []), officer?.id ?? null),
    [submitted, officer],
  );
  const position = Math.min(index, Math.max(0, queue.length - 1));
  const entry = queue[position];
  const entryId = entry?.id;
  const firstPageId = entry?.region?.pageId ?? entry?.pageIds[0];
  const checks = useReviewChecks(book, book ? getTemplate(book.templateVersion) : undefined, entry);
  const region = entry?.region;
  const showRegion = region
    ? () => {
        showPage(bookId, region.pageId);
        revealRegion();
      }
    : undefined;

  // Each entry opens on its page, with the fields in reach of the keyboard.
  useEffect(() => {
    if (firstPageId) showPage(bookId, firstPageId);
    panelRef.current?.focus();
  }, [bookId, entryId, firstPageId, showPage]);

  const move = (step: number) => {
    setIndex(Math.max(0, Math.min(queue.length - 1, position + step)));
    setComments([]);
    setCommenting(null);
    setRejecting(false);
    setReason('');
  };

  const decide = async (decision: 'approve' | 'reject') => {
    if (!entry || busy) return;
    setBusy(true);
    try {
      const so = entry.fields.so ?? '';
      if (decision === 'approve') {
        await repo.approveEntry(entry.id, comments);
        notify('info', t('review.approved', { so }));
      } else {
        await repo.rejectEntry(entry.id, reason, comments);
        notify('info', t('review.rejected', { so }));
      }
      // The decided entry leaves the queue; the next one moves into its place.
      setComments([]);
      setCommenting(null);
      setRejecting(false);
      setReason('');
    } catch (error) {
      notify('error', errorText(t, error));
    } finally {
      setBusy(false);
      panelRef.current?.focus();
    }
  };

  const startComment = () => {
    const focused = document.activeElement?.closest<HTMLElement>('[data-review-field]');
    const field = focused?.dataset.reviewField ?? (book ? firstField(book.templateVersion) : null);
    if (field) setCommenting(field);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || isTyping(event.target) || rejecting || commenting) return;
    if (document.querySelector('dialog[open]')) return;
    const action = reviewActionForKey(event);
    if (!action) return;
    event.preventDefault();
    if (action === 'approve') void decide('approve');
    else if (action === 'reject') setRejecting(true);
    else if (action === 'comment') startComment();
    else if (action === 'region') showRegion?.();
    else move(action === 'next' ? 1 : -1);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (book === null || submitted === undefined) return null;
  if (!book) {
    return (
      <p role="alert">
        {t('books.notFound')} <a href="#/">{t('books.backToList')}</a>
      </p>
    );
  }
  const template = getTemplate(book.templateVersion);
  const nameOf = (id: string | undefined) =>
    people?.find((person) => person.id === id)?.name ?? t('review.unknownOfficer');
  const mayReview = officer !== null && can(officer.role, 'review');

  return (
    <div className="workspace review">
      <div className="workspace-toolbar">
        <BackToBookLink bookId={bookId} />
        <h1>
          {t('review.title', { name: template.name, quyenSo: book.quyenSo, year: book.year })}
        </h1>
        <span role="status">
          {queue.length === 0
            ? t('review.queueEmpty')
            : t('review.position', { n: position + 1, total: queue.length })}
        </span>
      </div>
      {!mayReview ? (
        <p role="alert" className="review-empty">
          {t('workflow.errors.not-allowed')}
        </p>
      ) : (
        <div
          className="workspace-split"
          style={{
            gridTemplateColumns: `minmax(0, ${splitPercent}fr) auto minmax(0, ${100 - splitPercent}fr)`,
          }}
        >
          <ScanViewer
            bookId={bookId}
            pages={pages ?? []}
            entryId={entryId}
            region={entry?.region}
          />
          <SplitHandle />
          <div
            ref={panelRef}
            className="workspace-side review-panel"
            tabIndex={-1}
            aria-label={t('review.panelLabel')}
          >
            {ownCount > 0 && <p className="hint">{t('review.ownEntries', { n: ownCount })}</p>}
            {!entry ? (
              <p className="review-empty">{t('review.nothingToReview')}</p>
            ) : (
              <>
                <div className="review-heading">
                  <h2>{t('review.entryHeading', { so: entry.fields.so ?? '' })}</h2>
                  <span>
                    {t('review.submittedBy', {
                      name: nameOf(entry.submittedBy),
                      at: new Date(entry.submittedAt ?? entry.updatedAt).toLocaleString('vi-VN'),
                    })}
                  </span>
                  <a href={`#/books/${bookId}/entries/${entry.id}/history`}>
                    {t('review.history')}
                  </a>
                </div>
                {entry.review?.decision === 'rejected' && (
                  <p className="hint">
                    {t('review.previouslyRejected', { reason: entry.review.reason })}
                  </p>
                )}
                <div className="review-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-keyshortcuts="A"
                    disabled={busy}
                    onClick={() => void decide('approve')}
                  >
                    {t('review.approve')}
                  </button>
                  <button
                    type="button"
                    aria-keyshortcuts="R"
                    disabled={busy}
                    onClick={() => setRejecting(true)}
                  >
                    {t('review.reject')}
                  </button>
                  <button type="button" aria-keyshortcuts="C" onClick={startComment}>
                    {t('review.comment')}
                  </button>
                  <button
                    type="button"
                    aria-keyshortcuts="K"
                    disabled={position === 0}
                    onClick={() => move(-1)}
                  >
                    {t('review.previous')}
                  </button>
                  <button
                    type="button"
                    aria-keyshortcuts="J"
                    disabled={position >= queue.length - 1}
                    onClick={() => move(1)}
                  >
                    {t('review.next')}
                  </button>
                </div>
                <p className="hint">{t('review.keyboardHint')}</p>
                {rejecting && (
                  <form
                    className="review-reason"
                    onSubmit={(event) => {
                      event.preventDefault();
                      if (!reason.trim()) {
                        notify('error', t('workflow.errors.reason-required'));
                        return;
                      }
                      void decide('reject');
                    }}
                  >
                    <label>
                      {t('review.reasonLabel')}
                      <input
                        ref={(input) => input?.focus()}
                        value={reason}
                        onChange={(event) => setReason(event.target.value)}
                        onKeyDown={(event) => {
                          if (event.key !== 'Escape') return;
                          event.preventDefault();
                          setRejecting(false);
                          panelRef.current?.focus();
                        }}
                      />
                    </label>
                    <button type="submit" disabled={busy}>
                      {t('review.confirmReject')}
                    </button>
                  </form>
                )}
                <ReviewEntryDetails
                  template={template}
                  entry={entry}
                  checks={checks}
                  nameOf={nameOf}
                  onShowRegion={showRegion}
                />
                <ReviewFields
                  template={template}
                  checks={checks}
                  nameOf={nameOf}
                  fields={entry.fields}
                  comments={comments}
                  commenting={commenting}
                  onComment={(field, text) => {
                    const others = comments.filter((comment) => comment.field !== field);
                    setComments(text.trim() ? [...others, { field, text: text.trim() }] : others);
                    setCommenting(null);
                  }}
                  onCancelComment={() => setCommenting(null)}
                />
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * Brings the entry's region into view once its page is drawn (a page turn renders it a few
 * frames later); gives up quietly if the page shows no region.
 */
function revealRegion(framesLeft = 60): void {
  const box = document.querySelector<HTMLElement>('.viewer-region:not(.viewer-region-draft)');
  if (box) box.scrollIntoView({ block: 'center', inline: 'center' });
  else if (framesLeft > 0) requestAnimationFrame(() => revealRegion(framesLeft - 1));
}

function firstField(templateVersion: string): string | null {
  return getTemplate(templateVersion).fields.find((field) => !field.generated)?.key ?? null;
}
