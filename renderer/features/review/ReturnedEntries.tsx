import { useTranslation } from 'react-i18next';
import { navigate } from '../../store/router';
import { useOfficer } from '../officers';
import { reviewReads, useLiveQuery } from '../../db/reads';

/** Above the entry list: the signed-in officer's entries that came back, each with its reason. */
export function ReturnedEntries({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const officerId = officer?.id;
  const returned = useLiveQuery(
    () => reviewReads.returnedTo(bookId, officerId),
    [bookId, officerId],
  );
  if (!returned || returned.length === 0) return null;
  return (
    <section className="entry-returned" aria-label={t('review.returnedListLabel')}>
      <p>{t('review.returnedList', { n: returned.length })}</p>
      <ul>
        {returned.map((record) => (
          <li key={record.id}>
            <button
              type="button"
              className="link"
              onClick={() => navigate({ name: 'entry', bookId, entryId: record.id })}
            >
              {t('review.entryHeading', { so: record.fields.so ?? '' })}
            </button>
            : <span className="entry-returned-reason">{record.review?.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
