import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** The text of the focused field's suggestion hint and issues, as shown beside it. */
function detailsOf(input: HTMLElement): string {
  const box = input.closest('.field');
  return [box?.querySelector('.field-hint'), box?.querySelector('.field-issues')]
    .map((element) => element?.textContent?.trim() ?? '')
    .filter((text) => text !== '')
    .join(' ');
}

/**
 * Tells screen readers, when a field is focused, what the field offers and what is wrong with it:
 * the previous entry's value and the field's errors and warnings. They are not the inputs'
 * descriptions, so that the inputs stay the same while the officer types (see FieldInput).
 */
export function FieldAnnouncer({ formRef }: { formRef: RefObject<HTMLFormElement | null> }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onFocusIn = (event: FocusEvent) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.dataset.field === undefined) return;
      const details = detailsOf(input);
      // Named, so the same words for the next field are said again.
      const label = input.labels?.[0]?.textContent?.trim() ?? '';
      setSaid(details === '' ? '' : t('entry.fieldAnnouncement', { label, details }));
    };
    form.addEventListener('focusin', onFocusIn);
    return () => form.removeEventListener('focusin', onFocusIn);
  }, [formRef, t]);
  return (
    <p className="visually-hidden" role="status">
      {said}
    </p>
  );
}
