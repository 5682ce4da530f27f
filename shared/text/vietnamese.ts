// Vietnamese text helpers shared by the form, validation and export.
// Names are tidied (NFC, spacing, capitals) but never stripped: unusual characters are only flagged.

/** Compose to NFC: some Vietnamese input methods emit decomposed tone marks. */
export function toNFC(text: string): string {
  return text.normalize('NFC');
}

/** Trim, and turn every run of whitespace (tabs, line breaks, NBSP) into one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const letter = /\p{L}/u;

function capitaliseWord(word: string): string {
  // A word typed all in capitals (caps lock, copied from a heading) is lowered first;
  // mixed case such as "H'Bia" or "McDonald" is the officer's choice and is kept. Only the
  // letters after the first decide, so that a second pass over "At" (from "aT") keeps it.
  const rest = [...word]
    .filter((ch) => letter.test(ch))
    .slice(1)
    .join('');
  const isAllCaps = rest === rest.toUpperCase() && rest !== rest.toLowerCase();
  const base = isAllCaps ? word.toLowerCase() : word;
  const chars = [...base];
  const first = chars.findIndex((ch) => letter.test(ch));
  if (first < 0) return base;
  // A letter whose capital is two letters ("ß" → "SS") keeps the second one small, or the
  // word would read as all capitals on the next pass.
  const [head = '', ...tail] = [...(chars[first] ?? '').toUpperCase()];
  chars[first] = head + tail.join('').toLowerCase();
  return chars.join('');
}

/** "  nguyễn   văn a " → "Nguyễn Văn A". Characters are never removed. */
export function normalizeName(text: string): string {
  const tidy = collapseSpaces(toNFC(text));
  if (tidy === '') return '';
  // Capitals of some letters come decomposed ("ῒ" → "Ϊ̀"): compose again.
  return toNFC(tidy.split(' ').map(capitaliseWord).join(' '));
}

/** "Nguyễn Văn Đức" → "Nguyen Van Duc": no tone or vowel marks, đ → d, case kept. */
export function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .normalize('NFC');
}

/** "Nguyễn Văn Đức" → "nguyen van duc": for comparing and searching. */
export function foldAccents(text: string): string {
  return stripMarks(text).toLowerCase();
}

// Latin letters (Vietnamese included once composed), spaces, hyphens and the apostrophes
// used in minority names ("H'Mông", "K’Ho").
const usualNameChar = /[\p{Script=Latin}\s\-'’ʼ]/u;

/** The characters of a name outside letters, space, hyphen and apostrophe, each listed once. */
export function unusualNameChars(text: string): string[] {
  const found = new Set<string>();
  for (const ch of toNFC(text)) {
    if (!usualNameChar.test(ch)) found.add(ch);
  }
  return [...found];
}

export function hasUnusualNameChars(text: string): boolean {
  return unusualNameChars(text).length > 0;
}
