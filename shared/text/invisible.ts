// Characters no one can see and no register holds, which arrive by pasting: control codes
// (Excel drops them, so the workbook would differ from what was stored) and the marks that
// change the direction text is shown in (a name could read reversed, or hide letters).
// Whitespace among them counts as a space; the rest are removed, and the officer is told.

const INVISIBLE = /[\p{Cc}\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const SPACE = /\s/u;

/** The text with every invisible character removed (a line break or tab becomes a space). */
export function removeInvisibleChars(text: string): string {
  return text.replace(INVISIBLE, (ch) => (SPACE.test(ch) ? ' ' : ''));
}

/** The invisible characters `removeInvisibleChars` drops, once each, as "U+202E". */
export function findInvisibleChars(text: string): string[] {
  const found = new Set<string>();
  for (const [ch] of text.matchAll(INVISIBLE)) {
    if (SPACE.test(ch)) continue;
    const code = ch.codePointAt(0) ?? 0;
    found.add(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}
