// Reconciliation: links generated SoHoa entries to an extract with known truth (20k × 20k),
// in Node as the linking worker runs it. Part of `npm run bench`; alone:
// `npx tsx bench/reconcile-bench.ts` or `npm run bench -- --reconcile-only`.
import { generatePairs } from '../shared/reconcile/generator';
import { linkRecords } from '../shared/reconcile/link';

export interface ReconcileBenchResult {
  sohoa: number;
  extract: number;
  precision: number;
  recall: number;
  /** Share of SoHoa entries whose pair goes to a person ("probably same"). */
  toPerson: number;
  seconds: number;
}

/** Children generated so that each side holds about 20,000 entries after one-sided drops. */
export const BIRTHS = 22_300;

export function benchReconcile(births = BIRTHS): ReconcileBenchResult {
  const generated = generatePairs({ births, seed: 2026 });
  const started = performance.now();
  const { links } = linkRecords(generated.sohoa, generated.extract);
  const seconds = (performance.now() - started) / 1000;
  const same = links.filter((link) => link.band === 'same');
  const right = same.filter((link) => generated.truth.get(link.sohoaId) === link.extractId).length;
  return {
    sohoa: generated.sohoa.length,
    extract: generated.extract.length,
    precision: same.length === 0 ? 0 : right / same.length,
    recall: right / generated.truth.size,
    toPerson: links.filter((link) => link.band === 'probable').length / generated.sohoa.length,
    seconds,
  };
}

if (process.argv[1]?.endsWith('reconcile-bench.ts')) {
  console.table(benchReconcile());
}
