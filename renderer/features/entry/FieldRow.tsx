import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../shared/registers/types';
import type { Acknowledgement } from '../../../shared/validation/acknowledgements';
import type { Issue } from '../../../shared/validation/types';
import { FieldInput } from './FieldInput';
import { FieldIssues } from './FieldIssues';
import type { BookValues } from './suggestions';
import { fieldLabel } from '../../locales/field-label';

interface Props {
  field: FieldDef;
  entryId: string;
  value: string;
  issues: readonly Issue[];
  acknowledgements: readonly Acknowledgement[];
  suggestion: string | undefined;
  bookValues: BookValues | undefined;
  codePlaceholder: string;
  onChange: (key: string, value: string) => void;
  onCommit: (field: FieldDef, value: string) => void;
  onAcknowledge: (issue: Issue, reason: string) => void;
}

/**
 * One labelled field with its issues. Memoised: typing in one field or moving to the next entry
 * renders only the rows whose value, suggestion or issues changed, not all seventy.
 */
export const FieldRow = memo(function FieldRow({
  field,
  entryId,
  value,
  issues,
  acknowledgements,
  suggestion,
  bookValues,
  codePlaceholder,
  onChange,
  onCommit,
  onAcknowledge,
}: Props) {
  const id = `f-${field.key}`;
  return (
    <div className="field">
      <FieldLabel field={field} id={id} />
      <FieldInput
        field={field}
        id={id}
        entryId={entryId}
        value={value}
        invalid={issues.some((issue) => issue.severity === 'error')}
        suggestion={suggestion}
        bookValues={bookValues}
        codePlaceholder={codePlaceholder}
        onChange={(next) => onChange(field.key, next)}
        onCommit={(next) => onCommit(field, next)}
      />
      {issues.length > 0 && (
        <FieldIssues
          id={`${id}-issues`}
          fieldId={id}
          entryId={entryId}
          issues={issues}
          acknowledgements={acknowledgements}
          onAcknowledge={onAcknowledge}
        />
      )}
    </div>
  );
});

/** The field's name: the same from one entry to the next, so it is not rendered again. */
const FieldLabel = memo(function FieldLabel({ field, id }: { field: FieldDef; id: string }) {
  const { t } = useTranslation();
  return (
    <div className="field-label">
      <label htmlFor={id}>{fieldLabel(t, field)}</label>
      {/* Outside the label so the field's name is exactly its label; aria-required says it. */}
      {field.required && (
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      )}
    </div>
  );
});
