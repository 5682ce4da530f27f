import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { canSubmit, mayTake, needsReopen } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { EntryRecord } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { ReasonPrompt } from '../../ui/ReasonPrompt';
import { errorText, useOfficer } from '../officers';
import './review.css';
import { fieldLabel } from '../../locales/field-label';
import { officerReads, useLiveQuery } from '../../db/reads';

interface Props {
  entry: EntryRecord;
  /** Writes what is still being typed, so the reviewer gets exactly what is on screen. */
  flush: () => Promise<unknown>;
  /** The entry was reopened, or reopening was set aside: the keyboard goes back to the fields. */
  onReopened: () => void;
}

/**
 * Above the entry form: where the entry stands, the button (Alt+G) that sends it for review,
 * and, when it came back, the reviewer's reason and notes, with the noted fields marked.
 */
export function EntryReviewBar({ entry, flush, onReopened }: Props) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const isLocked = needsReopen(entry.status);
  const officer = useOfficer();
  // Offered only to who may take it: an entry being keyed twice is a supervisor's to reopen.
  const mayReopen = isLocked && officer !== null && mayTake('reopen', entry, officer);
  const isKeying = entry.status === 'keyedOnce' || entry.status === 'keyedTwice';
  // The reason box is open for this entry only; the next entry starts without it.
  const [reopeningIn, setReopeningIn] = useState<string | null>(null);
  const isReopening = mayReopen && reopeningIn === entry.id;
  const startReopen = () => setReopeningIn(entry.id);
  const cancelReopen = () => {
    setReopeningIn(null);
    onReopened();
  };
  const reopen = async (reason: string) => {
    try {
      await repo.reopenEntry(entry.id, reason);
      notify('info', t('reopen.done', { so: entry.fields.so ?? '' }));
      setReopeningIn(null);
      onReopened();
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };
  const isRejected = entry.status === 'rejected' && entry.review?.decision === 'rejected';
  const comments = entry.review?.comments ?? [];
  const reviewer = useLiveQuery(
    () => officerReads.officerById(entry.review?.by),
    [entry.review?.by],
  );
  const template = getTemplate(entry.templateVersion);
  const labelOf = (key: string) =>
    fieldLabel(t, template.fields.find((field) => field.key === key) ?? { key, label: key });

  const submit = async () => {
    try {
      await flush();
      const [sent] = await repo.submitEntries([entry.id]);
      // In a double-keyed book the entry goes to its second keying, not yet to a reviewer.
      const words = sent?.status === 'keyedOnce' ? 'keying.second.sent' : 'review.submitted';
      notify('info', t(words, { so: entry.fields.so ?? '' }));
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.code === 'KeyM' && mayReopen) {
      event.preventDefault();
      startReopen();
      return;
    }
    if (event.code !== 'KeyG') return;
    event.preventDefault();
    // Leaving the field by shortcut skips its blur: commit what is typed first.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    void submit();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The fields the reviewer wrote about are marked in the form itself.
  const commentKey = isRejected ? comments.map((c) => `${c.field}\u0000${c.text}`).join('\n') : '';
  useEffect(() => {
    if (!commentKey) return;
    const marked = commentKey.split('\n').flatMap((line) => {
      const [field = '', text = ''] = line.split('\u0000');
      const box = document.getElementById(`f-${field}`)?.closest<HTMLElement>('.field');
      if (!box) return [];
      box.classList.add('has-review-comment');
      box.dataset.reviewComment = text;
      return [box];
    });
    return () => {
      for (const box of marked) {
        box.classList.remove('has-review-comment');
        delete box.dataset.reviewComment;
      }
    };
  }, [commentKey]);

  return (
    <div className="entry-review-bar">
      <div className="entry-review-status">
        <span>
          {t('review.statusLabel')}: <strong>{t(`entry.status.${entry.status}`)}</strong>
        </span>
        <button
          type="button"
          aria-keyshortcuts="Alt+G"
          disabled={!canSubmit(entry.status)}
          onClick={() => void submit()}
        >
          {t('review.submit')}
        </button>
        {mayReopen && (
          <button type="button" aria-keyshortcuts="Alt+M" onClick={startReopen}>
            {t('reopen.button')}
          </button>
        )}
        <a href={`#/books/${entry.bookId}/entries/${entry.id}/history`}>{t('review.history')}</a>
      </div>
      {isLocked && !isReopening && (
        <p className="entry-locked-note" role="note">
          {isKeying
            ? t(mayReopen ? 'reopen.lockedKeying' : 'reopen.lockedKeyingNotYours')
            : t(entry.status === 'approved' ? 'reopen.lockedApproved' : 'reopen.lockedSubmitted')}
        </p>
      )}
      {isReopening && (
        <ReasonPrompt
          className="entry-reopen"
          groupLabel={t('reopen.groupLabel')}
          explain={t(
            isKeying
              ? 'reopen.explainKeying'
              : entry.status === 'approved'
                ? 'reopen.explainApproved'
                : 'reopen.explainSubmitted',
          )}
          label={t('reopen.reasonLabel')}
          confirmLabel={t('reopen.confirm')}
          cancelLabel={t('reopen.cancel')}
          reasonRequired={t('workflow.errors.reopen-reason-required')}
          onConfirm={reopen}
          onCancel={cancelReopen}
        />
      )}
      {isRejected && entry.review && (
        <section className="entry-returned" role="alert" aria-label={t('review.returnedLabel')}>
          <p>
            {t('review.returnedBy', {
              name: reviewer?.name ?? t('review.unknownOfficer'),
              at: new Date(entry.review.at).toLocaleString('vi-VN'),
            })}
          </p>
          <p className="entry-returned-reason">{entry.review.reason}</p>
          {comments.length > 0 && (
            <ul>
              {comments.map((comment) => (
                <li key={comment.field}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => document.getElementById(`f-${comment.field}`)?.focus()}
                  >
                    {labelOf(comment.field)}
                  </button>
                  : {comment.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
