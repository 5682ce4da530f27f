import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ruling } from '../../../shared/keying/arbitrate';
import type { FieldDifference } from '../../../shared/keying/compare';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { fieldLabel } from '../../locales/field-label';
import { useKeyingCapture } from '../keying-time';

interface Props {
  bookId: string;
  entryId: string;
  template: RegisterTemplate;
  differences: readonly FieldDifference[];
  rulings: Readonly<Record<string, Ruling>>;
  active: number;
  /** The field whose new value is being typed, if any. */
  typing: string | null;
  onPick: (index: number) => void;
  onTyped: (key: string, value: string) => void;
  onCancelTyping: () => void;
}

/**
 * The fields the two keyings disagree on, one row each: both values labelled A and B (never
 * the keyers' names) and the ruling so far. The active row holds the keyboard's attention.
 */
export function DifferenceList(props: Props) {
  const { t } = useTranslation();
  const { bookId, entryId, template, differences, rulings, active, typing } = props;
  const listRef = useRef<HTMLOListElement>(null);
  // A new value typed for a difference is the arbitrator's keying, counted as such.
  useKeyingCapture(listRef, { bookId, entryId, pass: 'arbitration' });
  return (
    <ol ref={listRef} className="differences" aria-label={t('keying.arbitration.listLabel')}>
      {differences.map((difference, index) => {
        const field = template.fields.find((candidate) => candidate.key === difference.key);
        const ruling = rulings[difference.key];
        return (
          <li
            key={difference.key}
            className={index === active ? 'difference active' : 'difference'}
            aria-current={index === active || undefined}
            data-difference={difference.key}
            onClick={() => props.onPick(index)}
          >
            <strong>{field ? fieldLabel(t, field) : difference.key}</strong>
            <div className="difference-values">
              <span data-keying="a">
                {t('keying.arbitration.valueA', {
                  value: difference.a || t('keying.arbitration.empty'),
                })}
              </span>
              <span data-keying="b">
                {t('keying.arbitration.valueB', {
                  value: difference.b || t('keying.arbitration.empty'),
                })}
              </span>
            </div>
            <span className="difference-ruling" role="status">
              {ruling ? rulingText(t, ruling) : t('keying.arbitration.undecided')}
            </span>
            {typing === difference.key && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const input = event.currentTarget.elements.namedItem('value');
                  if (input instanceof HTMLInputElement) props.onTyped(difference.key, input.value);
                }}
              >
                <label>
                  {t('keying.arbitration.newValue')}
                  <input
                    name="value"
                    data-field={difference.key}
                    autoComplete="off"
                    spellCheck={false}
                    ref={(input) => input?.focus()}
                    onKeyDown={(event) => {
                      event.stopPropagation();
                      if (event.key !== 'Escape') return;
                      event.preventDefault();
                      props.onCancelTyping();
                    }}
                  />
                </label>
              </form>
            )}
          </li>
        );
      })}
    </ol>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function rulingText(t: T, ruling: Ruling): string {
  switch (ruling.kind) {
    case 'takeA':
      return t('keying.arbitration.tookA');
    case 'takeB':
      return t('keying.arbitration.tookB');
    case 'typed':
      return t('keying.arbitration.typed', { value: ruling.value });
    case 'illegible':
      return t('keying.arbitration.illegible');
    case 'blankInRegister':
      return t('keying.arbitration.blankInRegister');
  }
}
