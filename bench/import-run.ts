// Child process of `npm run bench`: reads a generated 5,000-row khai sinh workbook with the
// code the import worker runs (open, cells, template, legacy fonts, validation) and prints
// its time and peak memory as JSON.
import { entryToRow, headerRow } from '../shared/bundle/rows';
import { getTemplate } from '../shared/registers';
import { buildWorkbook } from '../renderer/workers/export-core';
import { analyzeWorkbook } from '../renderer/workers/import-core';
import { importBenchEntries } from './import-fixture';

const MiB = 2 ** 20;

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? '5000');
  const template = getTemplate('ks-70');
  const entries = importBenchEntries(rows);
  const xlsx = await buildWorkbook(template, [
    headerRow(template),
    ...entries.map((fields, i) => entryToRow(template, fields, i + 1)),
  ]);
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let readAt = start;
  const analysis = await analyzeWorkbook(
    xlsx,
    { template, bookYear: 2008, existing: [] },
    (phase) => {
      if (phase === 'check' && readAt === start) readAt = performance.now();
    },
  );
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!analysis.ok) throw new Error(`import refused: ${analysis.problem.code}`);
  if (analysis.preview.rows.length !== rows) {
    throw new Error(`read ${analysis.preview.rows.length} rows of ${rows}`);
  }
  process.stdout.write(
    JSON.stringify({
      seconds: (end - start) / 1000,
      // Wall time counts waiting for a busy CPU; this is the work itself.
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      readSeconds: (readAt - start) / 1000,
      checkSeconds: (end - readAt) / 1000,
      peakRssMiB: peak / MiB,
      baselineRssMiB: baseline / MiB,
      xlsxBytes: xlsx.byteLength,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
