import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { errorText, useOfficer } from '../officers';
import { reviewReads, useLiveQuery } from '../../db/reads';

/** The book workspace's review buttons: send every complete entry, open the review queue. */
export function ReviewToolbar({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const officer = useOfficer();
  const waiting = useLiveQuery(() => reviewReads.awaitingDecisionCount(bookId), [bookId]);

  const submitAll = async () => {
    try {
      const { submitted, withErrors } = await repo.submitComplete(bookId);
      notify(
        withErrors > 0 ? 'error' : 'info',
        t('review.submittedAll', { submitted, withErrors }),
      );
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };

  return (
    <>
      <button type="button" onClick={() => void submitAll()}>
        {t('review.submitAll')}
      </button>
      {officer && can(officer.role, 'review') && (
        <a className="button-link" href={`#/books/${bookId}/review`}>
          {t('review.open', { n: waiting ?? 0 })}
        </a>
      )}
    </>
  );
}
