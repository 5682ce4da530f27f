import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { keyingReads, useLiveQuery } from '../../db/reads';
import type { Book } from '../../db/types';
import { useOfficer } from '../officers';

/** The book workspace's ways into double keying: the second keying and the arbitration. */
export function KeyingToolbar({ book }: { book: Book }) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const counts = useLiveQuery(() => keyingReads.keyingCounts(book.id), [book.id]);
  const waiting = (counts?.keyedOnce ?? 0) + (counts?.keyedTwice ?? 0);
  // A single-keyed book shows these only while a supervisor's sample is under way.
  if (book.checking !== 'double' && waiting === 0) return null;
  return (
    <>
      <a className="button-link" href={`#/books/${book.id}/keying`}>
        {t('keying.second.open', { n: counts?.keyedOnce ?? 0 })}
      </a>
      {officer && can(officer.role, 'review') && (
        <a className="button-link" href={`#/books/${book.id}/arbitration`}>
          {t('keying.arbitration.open', { n: counts?.keyedTwice ?? 0 })}
        </a>
      )}
    </>
  );
}
