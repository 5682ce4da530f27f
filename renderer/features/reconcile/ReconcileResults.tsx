// The result of a reconciliation: the counts per book and overall in the communes' shape, the
// pairs to confirm, the lists behind the counts, the export of what is left to move and the report.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { fieldLabel } from '../../locales/field-label';
import { platform } from '../../platform/platform';
import { bridgeErrorText } from '../../locales/bridge-error';
import { useUiStore } from '../../store/ui-store';
import { COUNT_ORDER, summarize } from '../../workers/reconcile-summary';
import { ExportButton } from '../export';
import { applyDecision } from './apply-decision';
import { PairReview } from './PairReview';
import { reportSheets } from './report-sheets';
import { runInWorker } from './run-worker';
import { entryLookup, mainNameOf, rowLookup, type ReconcileSession } from './session';

/** Items a list shows on screen; the report holds them all. */
const SHOWN = 200;

export function ReconcileResults({
  session,
  onChange,
  again,
}: {
  session: ReconcileSession;
  onChange: (session: ReconcileSession) => void;
  again: ReactNode;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [isSaving, setIsSaving] = useState(false);
  const { result, extract, books } = session;
  // Built once per extract and books, not again at each decision on a pair.
  const entries = useMemo(() => entryLookup(books), [books]);
  const rows = useMemo(() => rowLookup(extract), [extract]);
  const nameKey = mainNameOf(extract);
  const template = getTemplate(extract.templateVersion);
  const allEntries = useMemo(() => books.flatMap((item) => item.entries), [books]);
  const summary = useMemo(
    () => summarize(result, allEntries, extract.rows.length),
    [result, allEntries, extract],
  );
  const bookName = new Map(books.map(({ book }) => [book.id, book.quyenSo]));
  const fieldName = (key: string) =>
    fieldLabel(t, template.fields.find((field) => field.key === key) ?? { key, label: key });
  const entryText = (id: string) => {
    const entry = entries.get(id);
    return t('reconcile.results.entry', {
      so: entry?.so ?? '',
      name: entry?.name ?? '',
      book: entry?.book ?? '',
    });
  };
  const rowText = (key: string) => {
    const row = rows.get(key);
    return t('reconcile.results.extractRow', {
      row: row?.row ?? '',
      so: row?.fields.so ?? '',
      date: row?.fields.ngayDangKy ?? '',
      name: row?.fields[nameKey] ?? '',
    });
  };
  const confirmedDifferent = new Set(result.confirmedDifferent);
  const pair = result.uncertain[0];

  const saveReport = async () => {
    setIsSaving(true);
    try {
      const sheets = reportSheets(session, summary, t, fieldName);
      const { data } = await runInWorker({ kind: 'report', sheets }, 'report').result;
      const name = `doi-chieu-${extract.type}-${new Date().toISOString().slice(0, 10)}`;
      const saved = await platform.saveBundle({
        folderName: name,
        files: [{ name: `${name}.xlsx`, data }],
      });
      if (saved.ok) notify('info', t('reconcile.results.reportSaved', { name: `${name}.xlsx` }));
      else if (saved.error.code !== 'cancelled') notify('error', bridgeErrorText(saved.error));
    } catch (error) {
      notify('error', t('reconcile.results.reportFailed', { detail: String(error) }));
    } finally {
      setIsSaving(false);
    }
  };

  const list = <T,>(
    items: readonly T[],
    render: (item: T) => ReactNode,
    keyOf: (item: T) => string,
  ) =>
    items.length === 0 ? (
      <p>{t('reconcile.results.none')}</p>
    ) : (
      <>
        <ul>
          {items.slice(0, SHOWN).map((item) => (
            <li key={keyOf(item)}>{render(item)}</li>
          ))}
        </ul>
        {items.length > SHOWN && <p>{t('reconcile.results.more', { n: items.length - SHOWN })}</p>}
      </>
    );

  return (
    <section aria-labelledby="reconcile-results-title">
      <h2 id="reconcile-results-title">{t('reconcile.results.title')}</h2>
      <table className="reconcile-table" aria-labelledby="reconcile-results-title">
        <thead>
          <tr>
            <th scope="col">{t('reconcile.results.book')}</th>
            {COUNT_ORDER.map((key) => (
              <th scope="col" key={key}>
                {t(`reconcile.results.columns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[
            ...summary.books.map((b) => ({ ...b, name: bookName.get(b.bookId) ?? '' })),
            {
              ...summary.overall,
              bookId: '',
              name: t('reconcile.results.overall'),
            },
          ].map((line) => (
            <tr key={line.bookId}>
              <th scope="row">{line.name}</th>
              {COUNT_ORDER.map((key) => (
                <td key={key} className="number">
                  {line[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" disabled={isSaving} onClick={() => void saveReport()}>
          {t('reconcile.results.report')}
        </button>
        {again}
      </div>

      <h2>{t('reconcile.results.uncertain', { n: result.uncertain.length })}</h2>
      {pair ? (
        <PairReview
          key={`${pair.sohoaId}|${pair.extractKey}`}
          pair={pair}
          index={0}
          total={result.uncertain.length}
          entry={entries.get(pair.sohoaId)}
          row={rows.get(pair.extractKey)}
          templateVersion={extract.templateVersion}
          onDecided={(verdict) => {
            notify('info', t('reconcile.review.saved'));
            onChange({ ...session, result: applyDecision(result, pair, verdict) });
          }}
        />
      ) : (
        <p>{t('reconcile.results.none')}</p>
      )}

      <h2>{t('reconcile.results.onlySohoa', { n: result.onlySohoa.length })}</h2>
      {books
        .filter(({ book }) => result.onlySohoa.some((id) => entries.get(id)?.bookId === book.id))
        .map(({ book }) => {
          const ids = new Set(result.onlySohoa.filter((id) => entries.get(id)?.bookId === book.id));
          return (
            <ExportButton
              key={book.id}
              book={book}
              only={{ ids, label: t('reconcile.results.exportLeft', { n: ids.size }) }}
            />
          );
        })}
      {list(
        result.onlySohoa,
        (id) =>
          confirmedDifferent.has(id)
            ? `${entryText(id)} — ${t('reconcile.results.confirmedDifferent')}`
            : entryText(id),
        (id) => id,
      )}

      <h2>{t('reconcile.results.onlyExtract', { n: result.onlyExtract.length })}</h2>
      {list(result.onlyExtract, rowText, (key) => key)}

      <h2>{t('reconcile.results.both', { n: result.both.length })}</h2>
      {list(
        result.both,
        (p) =>
          p.differing.length > 0
            ? `${entryText(p.sohoaId)} — ${t('reconcile.results.differs', {
                fields: p.differing.map(fieldName).join(', '),
              })}`
            : entryText(p.sohoaId),
        (p) => p.sohoaId,
      )}

      <h2>{t('reconcile.results.duplicates', { n: result.duplicates.length })}</h2>
      {list(
        result.duplicates,
        (d) => `${entryText(d.firstId)} ↔ ${entryText(d.secondId)}`,
        (d) => `${d.firstId}|${d.secondId}`,
      )}
    </section>
  );
}
