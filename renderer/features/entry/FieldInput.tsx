import { useTranslation } from 'react-i18next';
import { getCodeList, matchCode } from '../../../shared/registers';
import type { FieldDef } from '../../../shared/registers/types';

export interface FieldInputProps {
  field: FieldDef;
  id: string;
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: string) => void;
  onCommit: (value: string) => void;
}

const placeholders: Partial<Record<FieldDef['kind'], string>> = {
  date: 'dd.mm.yyyy',
};

/**
 * One form control. Code fields are text boxes with suggestions: the officer may type the
 * code, the name or the name without accents ("1", "nam", "kinh", "viet nam"); leaving the
 * field stores what the template wants, and a numeric code shows its meaning beside it.
 */
export function FieldInput({
  field,
  id,
  value,
  describedBy,
  invalid,
  onChange,
  onCommit,
}: FieldInputProps) {
  const { t } = useTranslation();
  const list = field.codeListId ? getCodeList(field.codeListId) : undefined;
  const meaning =
    list?.writes === 'code' && value !== '' ? matchCode(list, value)?.label : undefined;
  return (
    <div className="field-control">
      <input
        id={id}
        data-field={field.key}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={field.required || undefined}
        type="text"
        autoComplete="off"
        spellCheck={false}
        list={list ? `list-${list.id}` : undefined}
        placeholder={list ? t('entry.codePlaceholder') : placeholders[field.kind]}
        inputMode={field.kind === 'number' ? 'numeric' : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={(event) => onCommit(event.target.value)}
      />
      {meaning && <span className="code-meaning">{meaning}</span>}
    </div>
  );
}
