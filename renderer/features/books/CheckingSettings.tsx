import { useTranslation } from 'react-i18next';
import type { Book } from '../../db/types';

export type CheckingMode = NonNullable<Book['checking']>;

export interface CheckingChoice {
  checking: CheckingMode;
  reviewAfterArbitration: boolean;
}

export function checkingOf(
  book: Pick<Book, 'checking' | 'reviewAfterArbitration'>,
): CheckingChoice {
  return {
    checking: book.checking ?? 'single',
    reviewAfterArbitration: book.reviewAfterArbitration === true,
  };
}

const modes = ['single', 'double'] as const satisfies readonly CheckingMode[];

/**
 * How the book's entries are checked: one keying and a reviewer's look (as always), or blind
 * double keying settled by a third officer, optionally still reviewed after that.
 */
export function CheckingSettings({
  value,
  onChange,
}: {
  value: CheckingChoice;
  onChange: (next: CheckingChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="checking-mode">
      <legend>{t('keying.settings.title')}</legend>
      {modes.map((mode) => (
        <label key={mode}>
          <input
            type="radio"
            name="checking-mode"
            value={mode}
            checked={value.checking === mode}
            onChange={() => onChange({ ...value, checking: mode })}
          />{' '}
          {t(`keying.settings.${mode}`)}
        </label>
      ))}
      {value.checking === 'double' && (
        <label>
          <input
            type="checkbox"
            checked={value.reviewAfterArbitration}
            onChange={(event) =>
              onChange({ ...value, reviewAfterArbitration: event.target.checked })
            }
          />{' '}
          {t('keying.settings.reviewAfterArbitration')}
        </label>
      )}
    </fieldset>
  );
}
