// Why an extract was refused, in the officer's words: what happened and what to do.
import type { TFunction } from 'i18next';
import type { ExtractProblem } from '../../workers/reconcile-extract';

type Translate = TFunction;

export function problemText(problem: ExtractProblem, t: Translate): string {
  switch (problem.code) {
    case 'tooManyRows':
      return t('reconcile.problems.tooManyRows', {
        rows: problem.rows.toLocaleString('vi-VN'),
        limit: problem.limit.toLocaleString('vi-VN'),
      });
    case 'formulas':
      return t('reconcile.problems.formulas', {
        count: problem.count,
        cells: problem.cells.map((cell) => `${cell.column} (${cell.row})`).join(', '),
      });
    case 'wrongTemplate':
      return t('reconcile.problems.wrongTemplate', {
        found: problem.found,
        expected: problem.expected,
      });
    default:
      return t(`reconcile.problems.${problem.code}`);
  }
}
