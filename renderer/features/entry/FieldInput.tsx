import { useTranslation } from 'react-i18next';
import { getCodeList } from '../../../shared/registers';
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

/** One form control; its kind decides between a list, a type-ahead box and a text box. */
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
  const common = {
    id,
    'data-field': field.key,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': field.required || undefined,
  };
  const list = field.codeListId ? getCodeList(field.codeListId) : undefined;

  if (list && list.writes === 'code') {
    return (
      <select {...common} value={value} onChange={(event) => onCommit(event.target.value)}>
        <option value="">{t('entry.choose')}</option>
        {list.items.map((item) => (
          <option key={item.code} value={item.code}>
            {item.code} – {item.label}
          </option>
        ))}
        {value !== '' && !list.items.some((item) => item.code === value) && (
          <option value={value}>{value}</option>
        )}
      </select>
    );
  }

  return (
    <input
      {...common}
      type="text"
      autoComplete="off"
      spellCheck={false}
      list={list ? `list-${list.id}` : undefined}
      placeholder={placeholders[field.kind]}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => onCommit(event.target.value)}
    />
  );
}
