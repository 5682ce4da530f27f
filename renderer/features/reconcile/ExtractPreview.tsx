// An extract read and not yet compared: what it is, how many rows, the first of them, and the
// button that links it against the books of its register. Nothing is written before that.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookEntries } from '../../db/queries/reconcile';
import type { Extract } from '../../workers/reconcile-extract';
import { mainNameOf } from './session';

export function ExtractPreview({
  extract,
  books,
  typeName,
  isFromSaved,
  onConfirm,
  changeMapping,
  chooseOther,
}: {
  extract: Extract;
  books: BookEntries[];
  typeName: string;
  /** The columns were mapped as kept for an earlier file with the same header row. */
  isFromSaved: boolean;
  onConfirm: () => void;
  /** For an extract read through a column mapping: back to the mapping. */
  changeMapping?: () => void;
  chooseOther: ReactNode;
}) {
  const { t } = useTranslation();
  const nameKey = mainNameOf(extract);
  const converted = extract.converted.tcvn3 + extract.converted.vni;
  const entries = books.reduce((sum, item) => sum + item.entries.length, 0);
  return (
    <section aria-labelledby="reconcile-preview-title">
      <h2 id="reconcile-preview-title">{t('reconcile.preview.title')}</h2>
      <p>
        {extract.source === 'mapped'
          ? t('reconcile.preview.mappedSummary', {
              type: typeName,
              sheet: extract.sheetName,
              n: extract.rows.length,
            })
          : t('reconcile.preview.summary', {
              type: typeName,
              version: extract.templateVersion,
              sheet: extract.sheetName,
              n: extract.rows.length,
            })}
      </p>
      {isFromSaved && <p>{t('reconcile.preview.fromSaved')}</p>}
      {converted > 0 && <p>{t('reconcile.preview.converted', { n: converted })}</p>}
      {extract.missing.length > 0 && (
        <p>{t('reconcile.preview.missing', { n: extract.missing.length })}</p>
      )}
      <table className="reconcile-table">
        <caption>{t('reconcile.preview.sample')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.preview.row')}</th>
            <th scope="col">{t('reconcile.report.so')}</th>
            <th scope="col">{t('reconcile.report.date')}</th>
            <th scope="col">{t('reconcile.report.name')}</th>
          </tr>
        </thead>
        <tbody>
          {extract.sample.map((row) => (
            <tr key={row.key}>
              <td>{row.row}</td>
              <td>{row.fields.so}</td>
              <td>{row.fields.ngayDangKy}</td>
              <td>{row.fields[nameKey]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {books.length === 0 && (
        <p role="alert">{t('reconcile.preview.noBooks', { type: typeName })}</p>
      )}
      <div className="dialog-actions">
        {books.length > 0 && (
          <button type="button" className="primary" autoFocus onClick={onConfirm}>
            {t('reconcile.preview.confirm', { type: typeName, books: books.length, entries })}
          </button>
        )}
        {changeMapping && (
          <button type="button" onClick={changeMapping}>
            {t('reconcile.preview.changeMapping')}
          </button>
        )}
        {chooseOther}
      </div>
    </section>
  );
}
