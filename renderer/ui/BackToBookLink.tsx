import { useTranslation } from 'react-i18next';
import { navigate } from '../store/router';

/** The toolbar link from a screen of one book (review, second keying, arbitration) back to it. */
export function BackToBookLink({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#/books/${bookId}`}
      onClick={(event) => {
        event.preventDefault();
        navigate({ name: 'book', bookId });
      }}
    >
      {t('review.backToBook')}
    </a>
  );
}
