// The order of a book's entries: by their number (số), then by when they were typed.

/** Where a number puts an entry: its value, or after every numbered entry. */
function soRank(so: string | undefined): number {
  const n = Number.parseInt(so ?? '', 10);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Book order for anything that knows its number and when it was typed. */
export function compareBookOrder(
  a: { so: string | undefined; createdAt: number },
  b: { so: string | undefined; createdAt: number },
): number {
  return soRank(a.so) - soRank(b.so) || a.createdAt - b.createdAt;
}

/** Entries in the order of their number in the book; unnumbered ones last. */
export function sortBySo<T extends { fields: Record<string, string>; createdAt: number }>(
  entries: readonly T[],
): T[] {
  return [...entries].sort((a, b) =>
    compareBookOrder(
      { so: a.fields.so, createdAt: a.createdAt },
      { so: b.fields.so, createdAt: b.createdAt },
    ),
  );
}
