// Entry numbers in a book run 1, 2, 3…: a missing number may be an entry skipped while typing.
// The entry list shows the gaps; the entry after one carries the warning 'numberingGap'.
import { numbersOf } from './book-context';

export interface NumberRange {
  from: number;
  to: number;
}

/**
 * The numbers missing between the smallest and largest entry number, collapsed into ranges
 * ([1, 2, 4, 8] → 3, 5–7). Số count by their number part ("007" and "7/2018" are 7); values
 * without one are ignored.
 */
export function findNumberingGaps(soValues: readonly string[]): NumberRange[] {
  const numbers = numbersOf(soValues).sort((a, b) => a - b);
  const gaps: NumberRange[] = [];
  for (let i = 1; i < numbers.length; i += 1) {
    const previous = numbers[i - 1] ?? 0;
    const current = numbers[i] ?? 0;
    if (current - previous > 1) gaps.push({ from: previous + 1, to: current - 1 });
  }
  return gaps;
}
