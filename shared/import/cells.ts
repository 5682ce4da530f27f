// A cell's text as the entry form would store it: legacy fonts turned into Unicode, then the
// same tidying the form applies when the officer leaves a field (NFC, spaces, dates, codes).
import { normalizeFieldValue } from '../registers/field-value';
import {
  detectLegacyEncoding,
  legacyFontEncoding,
  legacyToUnicode,
  type LegacyEncoding,
} from '../text/legacy-encodings';
import { isVietnameseSyllable } from '../text/vietnamese-syllable';
import type { RawCell } from './types';

const LATIN1_HIGH = /[\u00a1-\u00ff]/u;
const UNICODE_ONLY = /[\u0100-\u024f\u1e00-\u1eff]|\p{M}/u;

/** Every word with a non-ASCII letter is a Vietnamese syllable. */
function readsAsVietnamese(text: string): boolean {
  const words = text.split(/[^\p{L}]+/u).filter((word) => /\P{ASCII}/u.test(word));
  return words.length > 0 && words.every((word) => isVietnameseSyllable(word));
}

/** The legacy encoding most cells of a sheet read as, or null when none or as many of each. */
export function sheetEncoding(texts: Iterable<string>): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  for (const text of texts) {
    const found = detectLegacyEncoding(text);
    if (found === 'tcvn3') tcvn3 += 1;
    else if (found === 'vni') vni += 1;
  }
  if (tcvn3 === vni) return null;
  return tcvn3 > vni ? 'tcvn3' : 'vni';
}

export interface DecodedText {
  text: string;
  /** The legacy encoding the text was read in; null when it was Unicode already. */
  encoding: LegacyEncoding | null;
}

/**
 * The cell's text in Unicode. The font, when it is a legacy one, decides; otherwise the text
 * itself, and in a sheet typed in a legacy font, a short cell that reads as Vietnamese in it
 * (VNI "Hoàng" is also Unicode "Hoàng") is read in the sheet's font too.
 */
export function decodeCell(cell: RawCell, inSheet: LegacyEncoding | null): DecodedText {
  const { text } = cell;
  if (!LATIN1_HIGH.test(text)) return { text, encoding: null };
  const hint = cell.font ? legacyFontEncoding(cell.font) : null;
  if (hint) {
    return {
      text: legacyToUnicode(text, hint.encoding, { uppercase: hint.uppercase }),
      encoding: hint.encoding,
    };
  }
  const detected = detectLegacyEncoding(text);
  if (detected) return { text: legacyToUnicode(text, detected), encoding: detected };
  if (inSheet && !UNICODE_ONLY.test(text)) {
    const decoded = legacyToUnicode(text, inSheet);
    if (decoded !== text && readsAsVietnamese(decoded)) return { text: decoded, encoding: inSheet };
  }
  return { text, encoding: null };
}

/** What the form would store for this text in this field; unreadable values are kept as typed. */
export const importedValue = normalizeFieldValue;
