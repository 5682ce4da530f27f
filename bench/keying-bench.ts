// Accuracy of the checking modes: a 1,000-entry khai sinh book keyed from its truth with slips
// on ~0.4 % of fields per keyer, through single keying + the app's validation and through
// blind double keying + arbitration (an arbitrator who slips as often). Ten books with
// different seeds, so the rare double-keying residual is counted over ~190,000 fields.
// Part of `npm run bench`; alone: `npm run bench -- --keying-only`.
import { simulateKeying } from '../shared/keying/simulate';
import { record } from './bench-context';

const BOOKS = 10;
const ENTRIES = 1000;
const FIELD_ERROR_RATE = 0.004;

export function benchKeyingSection(): void {
  const started = performance.now();
  const runs = Array.from({ length: BOOKS }, (_, i) =>
    simulateKeying({ entries: ENTRIES, seed: 101 + i, fieldErrorRate: FIELD_ERROR_RATE }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sum = (pick: (run: (typeof runs)[number]) => number) =>
    runs.reduce((total, run) => total + pick(run), 0);
  const fields = sum((run) => run.fields);
  const note = `${BOOKS} books of ${ENTRIES} khai sinh entries (${fields} fields), slips on ${FIELD_ERROR_RATE * 100} % of fields per keyer`;
  record(
    'keying.keyed.perThousandFields',
    (sum((run) => run.keyedErrors) * 1000) / fields,
    'per 1,000 fields',
    `${note}; one keyer's errors before any check`,
  );
  record(
    'keying.single.perThousandFields',
    (sum((run) => run.single.residual) * 1000) / fields,
    'per 1,000 fields',
    `${note}; single keying, every field the validation flags looked at again (${sum((run) => run.single.flaggedByValidation)} wrong fields flagged)`,
  );
  record(
    'keying.double.perThousandFields',
    (sum((run) => run.double.residual) * 1000) / fields,
    'per 1,000 fields',
    `${note}; blind double keying + arbitration, the arbitrator slipping as often (${sum((run) => run.double.differences)} differences arbitrated, ${sum((run) => run.double.sameErrorBoth)} same slip by both); goal ≤ 0.05`,
  );
  console.log(`keying bench: ${seconds.toFixed(1)} s`);
}
