import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { validateWithRelated } from '../../db/entry-context';
import { nameKeyOf } from '../../db/name-key';
import type { Book, EntryRecord } from '../../db/types';
import { issueText } from '../../locales/issue-text';
import { changesSinceRejection } from './review-diff';
import { reviewChecks, type ReviewCheck } from './review-checks';
import { fieldLabel } from '../../locales/field-label';
import { auditReads, entryReads, useLiveQuery } from '../../db/reads';

/**
 * The entry's checks as the keyer saw them, live: the rules across entries included, so a
 * duplicate typed since submission shows here too. Undefined while reading.
 */
export function useReviewChecks(
  book: Book | null | undefined,
  template: RegisterTemplate | undefined,
  entry: EntryRecord | undefined,
): ReviewCheck[] | undefined {
  const so = entry?.fields.so ?? '';
  const nameKey = entry && template ? nameKeyOf(template, entry.fields) : '';
  const related = useLiveQuery(
    async () =>
      book && entry
        ? {
            entryId: entry.id,
            related: await entryReads.loadRelatedEntries(book, { so, nameKey, selfId: entry.id }),
          }
        : undefined,
    [book?.id, book?.type, entry?.id, so, nameKey],
  );
  if (!book || !template || !entry || related?.entryId !== entry.id) return undefined;
  const result = validateWithRelated(template, entry.fields, {
    book,
    selfId: entry.id,
    related: related.related,
  });
  return reviewChecks(
    result,
    entry.acknowledgements,
    template.fields.map((field) => field.key),
  );
}

/** How one check reads: the issue in the keyer's words, and what the keyer did with it. */
export function useCheckText() {
  const { t } = useTranslation();
  return (check: ReviewCheck, nameOf: (id: string | undefined) => string): string => {
    const { issue } = check;
    const text =
      issue.rule === 'possibleDuplicate' && issue.params?.otherBook !== undefined
        ? t('duplicates.inOtherBook', issue.params)
        : issueText(t, issue);
    switch (check.state) {
      case 'error':
        return t('reviewSees.error', { text });
      case 'unconfirmed':
        return t('reviewSees.unconfirmed', { text });
      case 'confirmed':
        return t('reviewSees.confirmed', {
          text,
          reason: check.acknowledgement?.reason ?? '',
          name: nameOf(check.acknowledgement?.by),
        });
    }
  };
}

interface Props {
  template: RegisterTemplate;
  entry: EntryRecord;
  checks: readonly ReviewCheck[] | undefined;
  nameOf: (id: string | undefined) => string;
  /** Shows the page region drawn around the entry; absent when none was drawn. */
  onShowRegion: (() => void) | undefined;
}

/**
 * Beside the fields on the review screen: every error and warning with the keyer's reasons,
 * the reviewer's notes from the last rejection, and what changed since it.
 */
export function ReviewEntryDetails({ template, entry, checks, nameOf, onShowRegion }: Props) {
  const { t } = useTranslation();
  const checkText = useCheckText();
  const events = useLiveQuery(() => auditReads.eventsOf(entry.id), [entry.id]);
  const labelOf = (key: string) =>
    fieldLabel(t, template.fields.find((field) => field.key === key) ?? { key, label: key });
  const since = events ? changesSinceRejection(events) : undefined;
  const lastReview = entry.review?.decision === 'rejected' ? entry.review : undefined;

  return (
    <div className="review-details">
      {onShowRegion && (
        <button type="button" aria-keyshortcuts="V" onClick={onShowRegion}>
          {t('reviewSees.showRegion')}
        </button>
      )}
      <section className="review-checks" aria-label={t('reviewSees.checksLabel')}>
        <h3>{t('reviewSees.checksLabel')}</h3>
        {checks === undefined ? null : checks.length === 0 ? (
          <p>{t('reviewSees.noChecks')}</p>
        ) : (
          <ul>
            {checks.map((check, index) => (
              <li
                key={`${check.issue.field}-${check.issue.rule}-${check.issue.subject ?? ''}-${index}`}
                className={`review-check-${check.state}`}
              >
                <strong>{labelOf(check.issue.field)}</strong>: {checkText(check, nameOf)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {lastReview && lastReview.comments.length > 0 && (
        <section className="review-last-comments" aria-label={t('reviewSees.lastCommentsLabel')}>
          <h3>{t('reviewSees.lastCommentsLabel')}</h3>
          <ul>
            {lastReview.comments.map((comment) => (
              <li key={comment.field}>
                <strong>{labelOf(comment.field)}</strong>: {comment.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {since && since.rejectedAt !== null && (
        <section className="review-diff" aria-label={t('reviewSees.diffLabel')}>
          <h3>
            {t('reviewSees.diffTitle', { at: new Date(since.rejectedAt).toLocaleString('vi-VN') })}
          </h3>
          {since.changes.length === 0 ? (
            <p>{t('reviewSees.noChanges')}</p>
          ) : (
            <table aria-label={t('reviewSees.diffLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('reviewSees.columns.field')}</th>
                  <th scope="col">{t('reviewSees.columns.then')}</th>
                  <th scope="col">{t('reviewSees.columns.now')}</th>
                </tr>
              </thead>
              <tbody>
                {since.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{labelOf(change.field)}</th>
                    <td>{change.then || t('review.emptyValue')}</td>
                    <td>{change.now || t('review.emptyValue')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
