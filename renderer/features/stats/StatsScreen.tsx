import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate, registerTypes } from '../../../shared/registers';
import { platform } from '../../platform/platform';
import { useUiStore } from '../../store/ui-store';
import {
  blankEntryIds,
  bookProgress,
  dailyStats,
  localDay,
  officerStats,
  progressByType,
} from './progress';
import { buildReportInWorker } from './run-report';
import { OperatorTables } from './OperatorTables';
import { useOperatorLines } from './use-operator-lines';
import './stats.css';
import { bridgeErrorText } from '../../locales/bridge-error';
import { statsReads, useLiveQuery } from '../../db/reads';

const MAX_DAYS = 14;

// Chart.js comes with the charts, after the tables are on screen.
const StatsCharts = lazy(() => import('./StatsCharts'));

/** File and folder name of today's report, e.g. BaoCaoTienDo_2026-11-21. */
const reportName = () => `BaoCaoTienDo_${localDay(Date.now())}`;

/** Progress of every book, each officer's pace and the last days' work. */
export function StatsScreen() {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [isExporting, setIsExporting] = useState(false);
  const data = useLiveQuery(() => statsReads.progressSources(), []);
  const operators = useOperatorLines();
  if (!data || !operators) {
    return (
      <p className="empty" role="status">
        {t('stats.loading')}
      </p>
    );
  }
  const blankIds = blankEntryIds(data.records);
  const books = data.books.map((book) => ({
    book,
    progress: bookProgress(book, data.records, blankIds),
  }));
  const byType = progressByType(books.map(({ progress }) => progress));
  // A keyer sees their own line; reviewers and administrators everyone's.
  const officers = officerStats(data.people, data.records, data.events, blankIds).filter(
    (line) => operators.ownerId === null || line.officerId === operators.ownerId,
  );
  const voidedIds = new Set(
    data.records.filter((record) => record.status === 'voided').map((record) => record.id),
  );
  const days = dailyStats(data.events, blankIds, voidedIds).slice(0, MAX_DAYS);
  // Double keying's columns only where it is used: a book keyed twice, or a sample under way.
  const showsKeying = books.some(
    ({ book, progress }) =>
      book.checking === 'double' ||
      progress.keyedOnce + progress.keyedTwice + progress.arbitrated > 0,
  );
  const untargeted = (line: (typeof byType)[number]) =>
    line.untargeted.books === 0 ? '–' : t('stats.untargetedBooks', { ...line.untargeted });
  const typeName = (type: string) => registerTypes.find((info) => info.type === type)?.name ?? type;
  const bookTitle = (book: (typeof data.books)[number]) =>
    t('books.title', {
      name: getTemplate(book.templateVersion).name,
      quyenSo: book.quyenSo,
      year: book.year,
    });
  const officerName = (id: string) => data.people.find((person) => person.id === id)?.name ?? id;
  const bookName = (id: string) => {
    const book = data.books.find((candidate) => candidate.id === id);
    return book ? bookTitle(book) : id;
  };
  const pct = (value: number | null) =>
    value === null ? '–' : `${value.toLocaleString('vi-VN')} %`;

  const exportReport = async () => {
    setIsExporting(true);
    try {
      const bytes = await buildReportInWorker({
        title: t('stats.reportTitle', { day: new Date().toLocaleDateString('vi-VN') }),
        // The provinces measure against what is to be digitised: only books with a count.
        lines: byType
          .filter((line) => line.targeted.books > 0)
          .map((line) => ({
            typeName: typeName(line.type),
            expected: line.targeted.expected,
            entered: line.targeted.entered,
            approved: line.targeted.approved,
          })),
        notes: byType
          .filter((line) => line.untargeted.books > 0)
          .map((line) =>
            t('stats.reportUntargeted', { type: typeName(line.type), ...line.untargeted }),
          ),
      });
      const name = reportName();
      const saved = await platform.saveBundle({
        folderName: name,
        files: [{ name: `${name}.xlsx`, data: bytes }],
      });
      if (saved.ok) notify('info', t('stats.reportSaved', { name: `${name}.xlsx` }));
      else if (saved.error.code !== 'cancelled') notify('error', bridgeErrorText(saved.error));
    } catch (error) {
      notify('error', t('stats.reportFailed', { detail: String(error) }));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <div className="stats">
      <div className="workspace-toolbar">
        <a href="#/">{t('books.backToList')}</a>
        <h1>{t('stats.title')}</h1>
        <button
          type="button"
          className="primary"
          disabled={isExporting}
          onClick={() => void exportReport()}
        >
          {t('stats.exportReport')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('keyingStats.charts.print')}
        </button>
      </div>
      <Suspense fallback={<p role="status">{t('keyingStats.charts.loading')}</p>}>
        <StatsCharts
          days={days}
          officerDays={operators.byOfficerDay}
          officerName={officerName}
          books={books.map(({ book, progress }) => ({ name: bookTitle(book), progress }))}
        />
      </Suspense>
      <section aria-labelledby="stats-books">
        <h2 id="stats-books">{t('stats.byBook')}</h2>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.columns.book')}</th>
              <th scope="col">{t('stats.columns.expected')}</th>
              <th scope="col">{t('stats.columns.entered')}</th>
              {showsKeying && (
                <>
                  <th scope="col">{t('stats.columns.keyedOnce')}</th>
                  <th scope="col">{t('stats.columns.keyedTwice')}</th>
                  <th scope="col">{t('stats.columns.arbitratedNow')}</th>
                </>
              )}
              <th scope="col">{t('stats.columns.submitted')}</th>
              <th scope="col">{t('stats.columns.approved')}</th>
              <th scope="col">{t('stats.columns.rejected')}</th>
              <th scope="col">{t('stats.columns.blank')}</th>
              <th scope="col">{t('stats.columns.voided')}</th>
              <th scope="col">{t('stats.columns.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {books.map(({ book, progress }) => (
              <tr key={book.id}>
                <th scope="row">
                  <a href={`#/books/${book.id}`}>{bookTitle(book)}</a>
                </th>
                <td>{progress.expected ?? '–'}</td>
                <td>{progress.entered}</td>
                {showsKeying && (
                  <>
                    <td>{progress.keyedOnce}</td>
                    <td>{progress.keyedTwice}</td>
                    <td>{progress.arbitrated}</td>
                  </>
                )}
                <td>{progress.submitted}</td>
                <td>{progress.approved}</td>
                <td>{progress.rejected}</td>
                <td>{progress.blank}</td>
                <td>{progress.voided}</td>
                <td>{pct(progress.percentDone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="stats-types">
        <h2 id="stats-types">{t('stats.byType')}</h2>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.columns.type')}</th>
              <th scope="col">{t('stats.columns.expected')}</th>
              <th scope="col">{t('stats.columns.entered')}</th>
              <th scope="col">{t('stats.columns.approved')}</th>
              <th scope="col">{t('stats.columns.percent')}</th>
              <th scope="col">{t('stats.columns.untargeted')}</th>
              <th scope="col">{t('stats.columns.blank')}</th>
              <th scope="col">{t('stats.columns.voided')}</th>
            </tr>
          </thead>
          <tbody>
            {byType.map((line) => (
              <tr key={line.type}>
                <th scope="row">{typeName(line.type)}</th>
                <td>{line.targeted.books > 0 ? line.targeted.expected : '–'}</td>
                <td>{line.targeted.entered}</td>
                <td>{line.targeted.approved}</td>
                <td>{pct(line.percentDone)}</td>
                <td>{untargeted(line)}</td>
                <td>{line.blank}</td>
                <td>{line.voided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="stats-officers">
        <h2 id="stats-officers">{t('stats.byOfficer')}</h2>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.columns.officer')}</th>
              <th scope="col">{t('stats.columns.created')}</th>
              <th scope="col">{t('stats.columns.blank')}</th>
              <th scope="col">{t('stats.columns.voided')}</th>
              <th scope="col">{t('stats.columns.perHour')}</th>
              <th scope="col">{t('stats.columns.sentForReview')}</th>
              <th scope="col">{t('stats.columns.approvedBy')}</th>
              <th scope="col">{t('stats.columns.rejectedBy')}</th>
              <th scope="col">{t('stats.columns.rejectionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.officerId}>
                <th scope="row">{officer.name}</th>
                <td>{officer.created}</td>
                <td>{officer.blank}</td>
                <td>{officer.voided}</td>
                <td>{officer.entriesPerHour?.toLocaleString('vi-VN') ?? '–'}</td>
                <td>{officer.submitted}</td>
                <td>{officer.approved}</td>
                <td>{officer.rejected}</td>
                <td>{pct(officer.rejectionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <OperatorTables view={operators} officerName={officerName} bookName={bookName} />
      <section aria-labelledby="stats-days">
        <h2 id="stats-days">{t('stats.byDay')}</h2>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.columns.day')}</th>
              <th scope="col">{t('stats.columns.created')}</th>
              <th scope="col">{t('stats.columns.blank')}</th>
              <th scope="col">{t('stats.columns.voided')}</th>
              <th scope="col">{t('stats.columns.submitted')}</th>
              {showsKeying && (
                <>
                  <th scope="col">{t('stats.columns.sentToSecondKeying')}</th>
                  <th scope="col">{t('stats.columns.secondKeyed')}</th>
                  <th scope="col">{t('stats.columns.arbitrated')}</th>
                </>
              )}
              <th scope="col">{t('stats.columns.approved')}</th>
              <th scope="col">{t('stats.columns.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.created}</td>
                <td>{day.blank}</td>
                <td>{day.voided}</td>
                <td>{day.submitted}</td>
                {showsKeying && (
                  <>
                    <td>{day.sentToSecondKeying}</td>
                    <td>{day.secondKeyed}</td>
                    <td>{day.arbitrated}</td>
                  </>
                )}
                <td>{day.approved}</td>
                <td>{day.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
