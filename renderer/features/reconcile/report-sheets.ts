// The reconciliation report's sheets, worded in the officer's language: the counts per book and
// overall in the communes' shape, then the lists behind them.
import type { TFunction } from 'i18next';
import type { ReportSheet } from '../../workers/reconcile-report';
import {
  COUNT_ORDER,
  type ReconcileCounts,
  type ReconcileSummary,
} from '../../workers/reconcile-summary';
import { entryLookup, mainNameOf, rowLookup, type ReconcileSession } from './session';

type Translate = TFunction;

export function reportSheets(
  session: ReconcileSession,
  summary: ReconcileSummary,
  t: Translate,
  fieldName: (key: string) => string,
): ReportSheet[] {
  const { result, extract, books } = session;
  const entries = entryLookup(books);
  const rows = rowLookup(extract);
  const nameKey = mainNameOf(extract);
  const bookName = new Map(books.map(({ book }) => [book.id, book.quyenSo]));
  const counts = (c: ReconcileCounts) => COUNT_ORDER.map((key) => c[key]);
  const entryCells = (id: string) => {
    const entry = entries.get(id);
    return [entry?.book ?? '', entry?.so ?? '', entry?.date ?? '', entry?.name ?? ''];
  };
  const rowCells = (key: string) => {
    const row = rows.get(key);
    return [
      row?.row ?? '',
      row?.fields.so ?? '',
      row?.fields.ngayDangKy ?? '',
      row?.fields[nameKey] ?? '',
    ];
  };
  const entryHeader = ['book', 'so', 'date', 'name'].map((key) => t(`reconcile.report.${key}`));
  const rowHeader = ['row', 'so', 'date', 'name'].map((key) => t(`reconcile.report.${key}`));
  const differentSet = new Set(result.confirmedDifferent);
  return [
    {
      name: t('reconcile.report.summary'),
      header: [
        t('reconcile.report.book'),
        ...COUNT_ORDER.map((key) => t(`reconcile.results.columns.${key}`)),
      ],
      rows: [
        ...summary.books.map((book) => [bookName.get(book.bookId) ?? '', ...counts(book)]),
        [t('reconcile.report.overall'), ...counts(summary.overall)],
      ],
    },
    {
      name: t('reconcile.report.left'),
      header: [...entryHeader, t('reconcile.report.status')],
      rows: result.onlySohoa.map((id) => [
        ...entryCells(id),
        differentSet.has(id) ? t('reconcile.results.confirmedDifferent') : '',
      ]),
    },
    {
      name: t('reconcile.report.both'),
      header: [...entryHeader, ...rowHeader, t('reconcile.report.differs')],
      rows: result.both.map((pair) => [
        ...entryCells(pair.sohoaId),
        ...rowCells(pair.extractKey),
        pair.differing.map(fieldName).join(', '),
      ]),
    },
    {
      name: t('reconcile.report.uncertain'),
      header: [...entryHeader, ...rowHeader],
      rows: result.uncertain.map((pair) => [
        ...entryCells(pair.sohoaId),
        ...rowCells(pair.extractKey),
      ]),
    },
    {
      name: t('reconcile.report.onlyExtract'),
      header: rowHeader,
      rows: result.onlyExtract.map(rowCells),
    },
    {
      name: t('reconcile.report.duplicates'),
      header: [...entryHeader, t('reconcile.report.otherBook'), t('reconcile.report.otherSo')],
      rows: result.duplicates.map((pair) => {
        const other = entries.get(pair.secondId);
        return [...entryCells(pair.firstId), other?.book ?? '', other?.so ?? ''];
      }),
    },
  ];
}
