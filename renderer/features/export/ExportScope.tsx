import { useTranslation } from 'react-i18next';
import type { BundleProblem } from '../../../shared/bundle/plan';
import { fieldByKey } from '../../../shared/registers';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { navigate } from '../../store/router';
import { exportScopes, type ExportScope, type HeldBack, type HoldReason } from './export-rule';
import { fieldLabel as labelIn } from '../../locales/field-label';

/** One bundle problem in words: the field it is about, then what is wrong. */
export function useProblemText(template: RegisterTemplate): (problem: BundleProblem) => string {
  const { t } = useTranslation();
  const fieldLabel = (key: string) => labelIn(t, fieldByKey(template, key) ?? { key, label: key });
  return (problem) =>
    `${problem.field ? `${fieldLabel(problem.field)}: ` : ''}${t(
      `validation.${problem.rule}`,
      problem.params ?? {},
    )}${problem.severity === 'warning' ? ` ${t('export.unconfirmedWarning')}` : ''}`;
}

/** Whole book, entries ready now, or (once the book went out) entries not yet exported. */
export function ScopeChoice({
  scope,
  hasEarlierExports,
  isFocused,
  onChoose,
}: {
  scope: ExportScope;
  hasEarlierExports: boolean;
  isFocused: boolean;
  onChoose: (scope: ExportScope) => void;
}) {
  const { t } = useTranslation();
  const offered = exportScopes.filter((s) => s !== 'notExported' || hasEarlierExports);
  return (
    <fieldset className="export-scope">
      <legend>{t('exportScope.legend')}</legend>
      {offered.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="export-scope"
            value={option}
            checked={option === scope}
            // Back from re-checking after the officer changed scope: keep the keyboard here.
            autoFocus={isFocused && option === scope}
            onChange={() => onChoose(option)}
          />{' '}
          {t(`exportScope.options.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The entries left out of the bundle, each with why and a button that opens it. */
export function HeldBackList({
  bookId,
  held,
  template,
  exportSubmitted,
  isFirstFocused = false,
  label,
}: {
  bookId: string;
  held: readonly HeldBack[];
  template: RegisterTemplate;
  exportSubmitted: boolean;
  isFirstFocused?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText(template);
  const reasonText = (reason: HoldReason) => {
    switch (reason.kind) {
      case 'status':
        return t(exportSubmitted ? 'exportScope.notSubmitted' : 'exportScope.notApproved', {
          status: t(`entry.status.${reason.status}`),
        });
      case 'approvalNotInLog':
        return t('exportScope.approvalNotInLog');
      case 'reopened':
        return t('exportScope.reopened', {
          from: t(`entry.status.${reason.from}`),
          reason: reason.reason,
        });
      case 'problem':
        return problemText(reason.problem);
      case 'voided':
        return t('exportScope.voided', { reason: reason.reason });
    }
  };
  if (held.length === 0) return null;
  return (
    <ul className="export-held" aria-label={label}>
      {held.map((entry, index) => (
        <li key={entry.entryId}>
          <button
            type="button"
            className="link"
            autoFocus={isFirstFocused && index === 0}
            onClick={() => navigate({ name: 'entry', bookId, entryId: entry.entryId })}
          >
            {t('export.problemEntry', { so: entry.so || '?' })}
          </button>{' '}
          {entry.reasons.map(reasonText).join(' ')}
        </li>
      ))}
    </ul>
  );
}
