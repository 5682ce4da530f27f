// How a code list's rows are written down: code, label, then other spellings.
import type { CodeItem } from './types';

/** Rows as `[code, label, ...aliases]`; an item has `aliases` only when some are given. */
export function items(...rows: [code: string, label: string, ...aliases: string[]][]): CodeItem[] {
  return rows.map(([code, label, ...aliases]) =>
    aliases.length > 0 ? { code, label, aliases } : { code, label },
  );
}
