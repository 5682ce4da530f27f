import { useTranslation } from 'react-i18next';

/**
 * Shown instead of an entry's values to an officer who may still key it a second time: the
 * first keying stays unseen until the entry is settled.
 */
export function BlindNotice({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="hint">
      {t('keying.second.blind')}{' '}
      <a href={`#/books/${bookId}/keying`}>{t('keying.second.openQueue')}</a>
    </p>
  );
}
