// The progress screen's charts, drawn from the very figures its tables show: entries per day
// by status, each officer's keying speed and error rate over the days, each book against its
// expected count. Loaded lazily with Chart.js (StatsScreen).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './ChartFigure';
import { palette, type AnyChartConfig } from './chart-kit';
import type { OperatorLine } from './operators';
import type { BookProgress, DayStats } from './progress';

const dayColumns = [
  'created',
  'submitted',
  'sentToSecondKeying',
  'secondKeyed',
  'arbitrated',
  'approved',
  'rejected',
  'blank',
  'voided',
] as const;

export interface StatsChartsProps {
  /** The day table's lines, newest first. */
  days: readonly DayStats[];
  officerDays: readonly OperatorLine[];
  officerName: (id: string) => string;
  books: readonly { name: string; progress: BookProgress }[];
}

/** One line per officer over the days, from one figure of their daily lines. */
function perOfficerOverDays(
  lines: readonly OperatorLine[],
  figure: 'perHour' | 'errorsPerThousand',
  officerName: (id: string) => string,
): AnyChartConfig {
  const days = [...new Set(lines.map((line) => line.day ?? ''))].sort();
  const officers = [...new Set(lines.map((line) => line.officerId ?? ''))];
  return {
    type: 'line',
    data: {
      labels: days,
      datasets: officers.map((officerId, index) => ({
        label: officerName(officerId),
        data: days.map((day) => {
          const line = lines.find((l) => l.officerId === officerId && l.day === day);
          return line?.[figure] ?? null;
        }),
        borderColor: palette[index % palette.length],
        backgroundColor: palette[index % palette.length],
        spanGaps: true,
      })),
    },
    options: { scales: { y: { beginAtZero: true } } },
  };
}

export default function StatsCharts(props: StatsChartsProps) {
  const { t } = useTranslation();
  const { days, officerDays, officerName, books } = props;

  const perDay = useMemo<AnyChartConfig>(() => {
    const ascending = [...days].reverse();
    return {
      type: 'bar',
      data: {
        labels: ascending.map((day) => day.day),
        datasets: dayColumns.map((column, index) => ({
          label: t(`stats.columns.${column}`),
          data: ascending.map((day) => day[column]),
          backgroundColor: palette[index % palette.length],
        })),
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      },
    };
  }, [days, t]);

  const throughput = useMemo(
    () => perOfficerOverDays(officerDays, 'perHour', officerName),
    [officerDays, officerName],
  );
  const errorRate = useMemo(
    () => perOfficerOverDays(officerDays, 'errorsPerThousand', officerName),
    [officerDays, officerName],
  );

  const targeted = useMemo(
    () => books.filter(({ progress }) => progress.expected !== null),
    [books],
  );
  const bookChart = useMemo<AnyChartConfig>(() => {
    const series = [
      ['approved', (p: BookProgress) => p.approved],
      ['entered', (p: BookProgress) => p.entered],
      ['expected', (p: BookProgress) => p.expected ?? 0],
    ] as const;
    return {
      type: 'bar',
      data: {
        labels: targeted.map(({ name }) => name),
        datasets: series.map(([column, value], index) => ({
          label: t(`stats.columns.${column}`),
          data: targeted.map(({ progress }) => value(progress)),
          backgroundColor: palette[index % palette.length],
        })),
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } },
    };
  }, [targeted, t]);

  return (
    <section aria-labelledby="stats-charts" className="stats-charts">
      <h2 id="stats-charts">{t('keyingStats.charts.title')}</h2>
      <div className="stats-chart-grid">
        <ChartFigure
          id="entries-per-day"
          title={t('keyingStats.charts.entriesPerDay')}
          fileStem="TruongHopMoiNgay"
          config={perDay}
        />
        <ChartFigure
          id="book-progress"
          title={t('keyingStats.charts.bookProgress')}
          fileStem="TienDoSo"
          config={bookChart}
        />
        <ChartFigure
          id="throughput"
          title={t('keyingStats.charts.throughput')}
          fileStem="PhimMoiGio"
          config={throughput}
        />
        <ChartFigure
          id="error-rate"
          title={t('keyingStats.charts.errorRate')}
          fileStem="LoiMoiNghinPhim"
          config={errorRate}
        />
      </div>
      {targeted.length === 0 && <p className="stats-note">{t('keyingStats.charts.noTargets')}</p>}
    </section>
  );
}
