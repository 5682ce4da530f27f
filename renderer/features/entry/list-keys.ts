// Keys the entry list answers, as in a spreadsheet: one row, one screen, or to either end.
// Returns the row to select next, or null when the key is not the list's.

export function moveSelection(
  key: string,
  current: number,
  count: number,
  pageSize: number,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + Math.max(pageSize, 1), last);
    case 'PageUp':
      return Math.max(from - Math.max(pageSize, 1), 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
