// The operator statistics as tables, with CSPro's figures: speed over the time keyed, errors
// per 1,000 keystrokes, fields verified, keyer's and verifier's errors apart.
import { useTranslation } from 'react-i18next';
import type { OperatorLine } from './operators';
import type { OperatorView } from './use-operator-lines';

const columns = [
  'keystrokes',
  'totalSeconds',
  'pausedSeconds',
  'perHour',
  'fieldsKeyed',
  'fieldsVerified',
  'keyerErrors',
  'verifierErrors',
  'errorsPerThousand',
] as const;

/** Seconds and rates with one decimal, counts as they are, in the officer's number format. */
export function formatFigure(value: number | null, decimals: number): string {
  if (value === null) return '–';
  return value.toLocaleString('vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

const decimalsOf: Record<(typeof columns)[number], number> = {
  keystrokes: 0,
  totalSeconds: 1,
  pausedSeconds: 1,
  perHour: 1,
  fieldsKeyed: 0,
  fieldsVerified: 0,
  keyerErrors: 0,
  verifierErrors: 0,
  errorsPerThousand: 2,
};

function OperatorTable(props: {
  id: string;
  title: string;
  rowHeader: string;
  lines: readonly OperatorLine[];
  nameOf: (line: OperatorLine) => string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.lines.length === 0 ? (
        <p className="empty">{t('keyingStats.none')}</p>
      ) : (
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{props.rowHeader}</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`keyingStats.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">{props.nameOf(line)}</th>
                {columns.map((column) => (
                  <td key={column}>{formatFigure(line[column], decimalsOf[column])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OperatorTables(props: {
  view: OperatorView;
  officerName: (id: string) => string;
  bookName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { view } = props;
  return (
    <>
      {view.onlyOwn && <p className="stats-note">{t('keyingStats.onlyOwn')}</p>}
      <OperatorTable
        id="keying-officers"
        title={t('keyingStats.byOfficer')}
        rowHeader={t('stats.columns.officer')}
        lines={view.byOfficer}
        nameOf={(line) => props.officerName(line.officerId ?? '')}
      />
      <OperatorTable
        id="keying-books"
        title={t('keyingStats.byBook')}
        rowHeader={t('stats.columns.book')}
        lines={view.byBook}
        nameOf={(line) => props.bookName(line.bookId ?? '')}
      />
      <OperatorTable
        id="keying-days"
        title={t('keyingStats.byDay')}
        rowHeader={t('stats.columns.day')}
        lines={view.byDay}
        nameOf={(line) => line.day ?? ''}
      />
    </>
  );
}
