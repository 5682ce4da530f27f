// Page-panel rules kept out of the component: where a page may move, and what numbers
// "Đánh số tự động từ…" gives. Printed numbers are text ("12a" exists); automatic ones are
// consecutive whole numbers.

export interface PageSlot {
  id: string;
  order: number;
  bookPageNumber?: string;
}

/** The order a page moves to, or null at either end of the book. */
export function moveTarget(order: number, delta: -1 | 1, pageCount: number): number | null {
  const target = order + delta;
  return target < 0 || target >= pageCount ? null : target;
}

const MAX_PRINTED_NUMBER = 99_999;

/** A start number as typed: a positive whole number, or null. */
export function parseStartNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_PRINTED_NUMBER ? value : null;
}

export interface AutoNumberPlan {
  /** 1-based positions of the first and last page numbered. */
  from: number;
  to: number;
  first: number;
  last: number;
  /** Only the pages whose number actually changes. */
  changes: { pageId: string; bookPageNumber: string }[];
}

/**
 * Numbers the page at position `from` (1-based, as shown) and every page after it
 * `start`, `start + 1`, … in book order.
 */
export function planAutoNumber(
  pages: readonly PageSlot[],
  from: number,
  start: number,
): AutoNumberPlan | null {
  const ordered = [...pages].sort((a, b) => a.order - b.order);
  if (!Number.isInteger(from) || from < 1 || from > ordered.length) return null;
  const numbered = ordered.slice(from - 1);
  const changes = numbered.flatMap((page, i) => {
    const bookPageNumber = String(start + i);
    return page.bookPageNumber === bookPageNumber ? [] : [{ pageId: page.id, bookPageNumber }];
  });
  return {
    from,
    to: ordered.length,
    first: start,
    last: start + numbered.length - 1,
    changes,
  };
}

/** What is stored for a printed number typed by hand: trimmed, short, NFC. */
export function cleanPrintedNumber(text: string): string {
  return text.normalize('NFC').trim().slice(0, 12);
}
