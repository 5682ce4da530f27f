// The entry form's fixed words (group names, hints, placeholders), translated once per template
// and language rather than at every render: the form renders at every key typed.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formLayout } from '../../../shared/registers/entry-form-rules';
import type { RegisterTemplate } from '../../../shared/registers/types';

export function useFormWords(template: RegisterTemplate) {
  const { t } = useTranslation();
  return useMemo(() => {
    const groups = formLayout(template);
    return {
      groups,
      legends: new Map(groups.shown.map(([group]) => [group, t(`groups.${group}`)])),
      moreFields: t('entry.moreFields', { n: groups.folded.length }),
      codePlaceholder: t('entry.codePlaceholder'),
      backToList: t('entry.backToList'),
      keyboardHint: t('entry.keyboardHint'),
    };
  }, [template, t]);
}
