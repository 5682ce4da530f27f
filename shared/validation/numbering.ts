// Entry numbers in a book run 1, 2, 3…: a missing number may be an entry skipped while typing.
// Only a hint for the entry list (rule 'numberingGap'); books do skip numbers for real.

export interface NumberRange {
  from: number;
  to: number;
}

/**
 * The numbers missing between the smallest and largest entry number, collapsed into ranges
 * ([1, 2, 4, 8] → 3, 5–7). Values that are not plain digits are ignored; "007" counts as 7.
 */
export function findNumberingGaps(soValues: readonly string[]): NumberRange[] {
  const numbers = [
    ...new Set(
      soValues
        .map((value) => value.trim())
        .filter((value) => /^\d+$/u.test(value))
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  const gaps: NumberRange[] = [];
  for (let i = 1; i < numbers.length; i += 1) {
    const previous = numbers[i - 1] ?? 0;
    const current = numbers[i] ?? 0;
    if (current - previous > 1) gaps.push({ from: previous + 1, to: current - 1 });
  }
  return gaps;
}
