// An extract in columns of its own (the population database's): the officer picks the register
// and, for each field the linking compares, the file's column that holds it, seeing the first
// rows as they will be read. Required fields left out and a column used twice hold it back.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  guessColumns,
  mappableFields,
  mappedValues,
  repeatedColumns,
  unmappedRequired,
  type SavedColumns,
} from '../../../shared/reconcile/columns';
import { defaultTemplateFor, fieldByKey, registerTypes } from '../../../shared/registers';
import type { RegisterTypeCode } from '../../../shared/registers/types';
import { fieldLabel } from '../../locales/field-label';
import type { SheetColumns } from '../../workers/reconcile-extract';

/** The registers the Ministry's system holds: the ones an extract can be of. */
const extractTypes = registerTypes.filter((info) => info.importable);

/** "A", "B" … "Z", "AA": the column as Excel names it. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function ColumnMapper({
  columns,
  saved,
  isFromSaved,
  onChange,
  onConfirm,
  chooseOther,
}: {
  columns: SheetColumns;
  saved: SavedColumns;
  /** The mapping was kept from an earlier file with the same header row. */
  isFromSaved: boolean;
  onChange: (saved: SavedColumns) => void;
  onConfirm: () => void;
  chooseOther: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const template = defaultTemplateFor(saved.type);
  const fields = mappableFields(saved.type).map((field) => ({
    ...field,
    label: fieldLabel(t, fieldByKey(template, field.key) ?? { key: field.key, label: field.key }),
  }));
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label ?? key;
  const missing = unmappedRequired(saved.type, saved.columns);
  const repeated = repeatedColumns(saved.columns);
  const mapped = fields.filter((field) => saved.columns[field.key] !== undefined);
  const columnName = (index: number) =>
    t('reconcile.mapping.column', { letter: columnLetter(index), header: columns.headers[index] });

  const setType = (type: RegisterTypeCode) =>
    onChange({ type, headers: columns.headers, columns: guessColumns(type, columns.headers) });
  const setColumn = (key: string, value: string) => {
    const next = { ...saved.columns };
    if (value === '') delete next[key];
    else next[key] = Number(value);
    onChange({ ...saved, columns: next });
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reconcile.mapping.title')}</h2>
      <p>{t('reconcile.mapping.intro')}</p>
      <p>
        {t('reconcile.mapping.sheet', {
          sheet: columns.sheetName,
          row: columns.headerRow,
          n: columns.rows,
        })}
      </p>
      {isFromSaved && <p>{t('reconcile.mapping.fromSaved')}</p>}
      <p>
        <label>
          {t('reconcile.mapping.type')}{' '}
          <select
            value={saved.type}
            onChange={(event) => setType(event.target.value as RegisterTypeCode)}
          >
            {extractTypes.map((info) => (
              <option key={info.type} value={info.type}>
                {info.name}
              </option>
            ))}
          </select>
        </label>
      </p>
      <table className="reconcile-table">
        <caption>{t('reconcile.mapping.fields')}</caption>
        <tbody>
          {fields.map((field) => (
            <tr key={field.key}>
              <th scope="row">
                <label htmlFor={`${id}-${field.key}`}>
                  {field.isRequired
                    ? t('reconcile.mapping.required', { field: field.label })
                    : field.label}
                </label>
              </th>
              <td>
                <select
                  id={`${id}-${field.key}`}
                  value={saved.columns[field.key] ?? ''}
                  onChange={(event) => setColumn(field.key, event.target.value)}
                >
                  <option value="">{t('reconcile.mapping.none')}</option>
                  {columns.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {columnName(index)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p role="alert">
          {t('reconcile.mapping.missing', { fields: missing.map(labelOf).join(', ') })}
        </p>
      )}
      {repeated.length > 0 && (
        <p role="alert">
          {t('reconcile.mapping.repeated', { columns: repeated.map(columnName).join(', ') })}
        </p>
      )}
      {mapped.length > 0 && (
        <table className="reconcile-table">
          <caption>{t('reconcile.mapping.sample')}</caption>
          <thead>
            <tr>
              {mapped.map((field) => (
                <th scope="col" key={field.key}>
                  {field.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.sample.map((cells, row) => {
              const values = mappedValues(saved, cells);
              return (
                <tr key={row}>
                  {mapped.map((field) => (
                    <td key={field.key}>{values[field.key]}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={missing.length > 0 || repeated.length > 0}
          onClick={onConfirm}
        >
          {t('reconcile.mapping.confirm')}
        </button>
        {chooseOther}
      </div>
    </section>
  );
}
