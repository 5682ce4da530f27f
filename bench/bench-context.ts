// What every bench section shares: the results table, ports, fixture paths and the export book's size.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Metric {
  value: number;
  unit: string;
  note: string;
}
export const results: Record<string, Metric> = {};
/** Two decimals, four for ratios: a recall of 0.9991 is not 1. */
export const record = (name: string, value: number, unit: string, note: string) => {
  const scale = unit === 'ratio' ? 10_000 : 100;
  results[name] = { value: Math.round(value * scale) / scale, unit, note };
};

export const root = join(__dirname, '..');
/** The bench page's dev server; the built app is served one port below. BENCH_PORT moves both. */
export const benchPort = Number(process.env.BENCH_PORT ?? 5199);
export const appPort = benchPort - 1;
export const fixtures = join(__dirname, '.fixtures');
/** The export bench: a book of 1,000 entries over a 500-page scan, two entries a page. */
export const EXPORT_PAGES = 500;
export const EXPORT_ENTRIES = 1000;
export const scanPath = join(fixtures, `scan-${EXPORT_PAGES}-300dpi-shared.pdf`);
/**
 * Distinct 300-dpi pages drawn for the export scan, repeated to fill its 500 pages: drawing one
 * takes seconds, and the export works on each page of the PDF separately all the same.
 */
export const DISTINCT_SCAN_PAGES = 25;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Writes bench/results.json and prints the table. A partial run (`--backup-only` and the like)
 * keeps the other numbers as the last full run left them.
 */
export async function saveResults(options: { keepEarlier: boolean; withNotes?: boolean }) {
  const resultsPath = join(__dirname, 'results.json');
  const earlier =
    options.keepEarlier && existsSync(resultsPath)
      ? (JSON.parse(await readFile(resultsPath, 'utf8')) as Record<string, Metric>)
      : {};
  await writeFile(resultsPath, `${JSON.stringify({ ...earlier, ...results }, null, 2)}\n`);
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([key, m]) => [
        key,
        options.withNotes
          ? { value: m.value, unit: m.unit, note: m.note.slice(0, 60) }
          : { value: m.value, unit: m.unit },
      ]),
    ),
  );
}
