// Old books were often typed with 8-bit Vietnamese fonts (TCVN3 ".Vn…", VNI-Windows "VNI-…"):
// their cells hold Windows-1252 letters ("NguyÔn", "Nguyeãn") that we find and turn into NFC.

import { isVietnameseSyllable } from './vietnamese-syllable';

export type LegacyEncoding = 'tcvn3' | 'vni';

// Every table below lists a vowel's six forms in this tone order: none, sắc, huyền, hỏi, ngã, nặng.
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

function toned(vowel: string, tone: number): string {
  return `${vowel}${TONES[tone] ?? ''}`.normalize('NFC');
}

// TCVN 5712:1993 VN3, the set of the ABC ".Vn…" fonts: one byte per lowercase letter, seen in a
// cell as the Windows-1252 character of that byte. Plain a e i o u y keep their ASCII codes.
const TCVN3_VOWELS: Readonly<Record<string, readonly number[]>> = {
  a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
const TCVN3_D = 0xae; // đ
// The only capitals VN3 has: the letters without tone that plain ASCII lacks.
const TCVN3_CAPITALS: Readonly<Record<string, number>> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};

// The full TCVN 5712 (VN1) also codes toned capitals, in places VN3 leaves empty or in
// 0x80–0x9F. The ABC fonts do not draw them, but converters write them, so they are read (never
// written). Ú Ụ Ừ Ử Ữ Ứ Ự and the toned Y sit on control codes and are left out.
const TCVN3_VN1_CAPITALS: Readonly<Record<string, readonly (number | null)[]>> = {
  A: [null, 0x83, 0x80, 0x81, 0x82, 0x84],
  Ă: [null, 0xc0, 0xaf, 0xba, 0xbf, 0x85],
  Â: [null, 0xc4, 0xc1, 0xc2, 0xc3, 0x86],
  E: [null, 0x8a, 0x87, 0x88, 0x89, 0x8b],
  Ê: [null, 0xda, 0xc5, 0xcd, 0xd9, 0x8c],
  I: [null, 0x90, 0x8d, 0x8e, 0x8f, 0x91],
  O: [null, 0x95, 0x92, 0x93, 0x94, 0x96],
  Ô: [null, 0xff, 0xdb, 0xe0, 0xf0, 0x97],
  Ơ: [null, 0x9b, 0x98, 0x99, 0x9a, 0x9c],
  U: [null, null, 0x9d, 0x9e, 0x9f, null],
};

// VNI-Windows: a base letter then one mark character (a circumflex or breve mark carries the
// tone with it); ơ ư đ and the toned i, and ỵ, are single characters. Capitals use capital marks.
const VNI_TONE_MARKS = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const vniTones = (base: string) => VNI_TONE_MARKS.map((mark) => `${base}${mark}`);
const VNI_VOWELS: Readonly<Record<string, readonly string[]>> = {
  a: vniTones('a'),
  ă: VNI_BREVE.map((mark) => `a${mark}`),
  â: VNI_CIRCUMFLEX.map((mark) => `a${mark}`),
  e: vniTones('e'),
  ê: VNI_CIRCUMFLEX.map((mark) => `e${mark}`),
  i: ['i', 'í', 'ì', 'æ', 'ó', 'ò'],
  o: vniTones('o'),
  ô: VNI_CIRCUMFLEX.map((mark) => `o${mark}`),
  ơ: vniTones('ô'),
  u: vniTones('u'),
  ư: vniTones('ö'),
  y: ['y', 'yù', 'yø', 'yû', 'yõ', 'î'],
};
const VNI_D = 'ñ';

/**
 * What a decoded TCVN3 character says about case: 'toned' letters have only a lowercase code, so
 * they say nothing and follow their word; null marks a character between words.
 */
type Case = 'upper' | 'lower' | 'toned' | 'letter' | null;

interface Piece {
  text: string;
  case: Case;
}

interface Tables {
  tcvn3Decode: Map<string, Piece>;
  tcvn3Encode: Map<string, string>;
  vniDecode: Map<string, string>;
  vniEncode: Map<string, string>;
}

function buildTables(): Tables {
  const tcvn3Decode = new Map<string, Piece>();
  const tcvn3Encode = new Map<string, string>();
  const vniDecode = new Map<string, string>();
  const vniEncode = new Map<string, string>();

  const addTcvn3 = (letter: string, code: number, letterCase: Case) => {
    const char = String.fromCharCode(code);
    if (code < 0x80) return;
    tcvn3Decode.set(char, { text: letter, case: letterCase });
    tcvn3Encode.set(letter, char);
  };
  const addVni = (letter: string, sequence: string) => {
    if (sequence === letter) return;
    vniEncode.set(letter, sequence);
    vniEncode.set(letter.toUpperCase(), sequence.toUpperCase());
    // Decoding follows the base letter's case, whatever the case of the mark typed after it.
    const [base = '', mark = ''] = [...sequence];
    for (const m of new Set([mark, mark.toUpperCase(), mark.toLowerCase()])) {
      vniDecode.set(`${base}${m}`, letter);
      vniDecode.set(`${base.toUpperCase()}${m}`, letter.toUpperCase());
    }
  };

  for (const [vowel, codes] of Object.entries(TCVN3_VOWELS)) {
    codes.forEach((code, tone) => {
      // The plain modified vowels (ă â ê ô ơ ư) have capitals of their own; toned ones do not.
      addTcvn3(toned(vowel, tone), code, tone === 0 ? 'lower' : 'toned');
    });
  }
  addTcvn3('đ', TCVN3_D, 'lower');
  for (const [letter, code] of Object.entries(TCVN3_CAPITALS)) addTcvn3(letter, code, 'upper');
  for (const [vowel, codes] of Object.entries(TCVN3_VN1_CAPITALS)) {
    codes.forEach((code, tone) => {
      if (code !== null) {
        tcvn3Decode.set(String.fromCharCode(code), { text: toned(vowel, tone), case: 'upper' });
      }
    });
  }

  for (const [vowel, sequences] of Object.entries(VNI_VOWELS)) {
    sequences.forEach((sequence, tone) => addVni(toned(vowel, tone), sequence));
  }
  addVni('đ', VNI_D);
  // Typed by hand rather than by a keyboard driver: a tone mark after i, and ỵ as y + dot.
  VNI_TONE_MARKS.forEach((mark, tone) => {
    if (tone === 0) return;
    for (const m of [mark, mark.toUpperCase()]) {
      vniDecode.set(`i${m}`, toned('i', tone));
      vniDecode.set(`I${m}`, toned('I', tone));
    }
  });
  vniDecode.set('yï', 'ỵ');
  vniDecode.set('YÏ', 'Ỵ');

  return { tcvn3Decode, tcvn3Encode, vniDecode, vniEncode };
}

const tables = buildTables();

/**
 * TCVN3 has no capital toned letters: ".VnTimeH"-style fonts draw the lowercase codes as
 * capitals, and the cell text does not say which font was used. A word whose other letters are
 * all capitals ("NGUYÔN") is taken as written in capitals; with too few letters to tell ("Hå"),
 * the whole cell decides.
 */
function decodeTcvn3(text: string): string {
  const pieces = [...text].map((char): Piece => {
    const hit = tables.tcvn3Decode.get(char);
    if (hit) return hit;
    if (/[A-Z]/u.test(char)) return { text: char, case: 'upper' };
    if (/[a-z]/u.test(char)) return { text: char, case: 'lower' };
    return { text: char, case: /\p{L}/u.test(char) ? 'letter' : null };
  });
  const words: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.case === null) words.push([piece], []);
    else words.at(-1)?.push(piece);
  }

  const count = (list: Piece[], letterCase: Case) =>
    list.filter((piece) => piece.case === letterCase).length;
  const cellInCapitals = count(pieces, 'lower') === 0 && count(pieces, 'upper') >= 2;

  return words
    .map((word) => {
      const capitals = count(word, 'lower') === 0 && (count(word, 'upper') >= 2 || cellInCapitals);
      return word
        .map((piece) =>
          capitals && piece.case === 'toned' ? piece.text.toUpperCase() : piece.text,
        )
        .join('');
    })
    .join('');
}

function decodeVni(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const pair = tables.vniDecode.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
    } else {
      const char = text.charAt(i);
      out += tables.vniDecode.get(char) ?? char;
      i += 1;
    }
  }
  return out;
}

export interface LegacyOptions {
  /**
   * The cell's font draws every letter as a capital (TCVN3 fonts whose name ends in "H", such as
   * ".VnTimeH"): the result is put in capitals.
   */
  uppercase?: boolean;
}

/** Text typed in a legacy font, as Unicode NFC. Characters outside the table are kept. */
export function legacyToUnicode(
  text: string,
  encoding: LegacyEncoding,
  options: LegacyOptions = {},
): string {
  const decoded = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
  const cased = options.uppercase ? decoded.toUpperCase() : decoded;
  return cased.normalize('NFC');
}

/**
 * Unicode text as a legacy font would hold it. TCVN3 has no capital toned letters: they are
 * written with the lowercase code, as typists did in capital fonts, so they come back as
 * capitals only inside a word in capitals. Characters neither encoding knows are kept.
 */
export function unicodeToLegacy(text: string, encoding: LegacyEncoding): string {
  const chars = [...text.normalize('NFC')];
  if (encoding === 'vni') return chars.map((char) => tables.vniEncode.get(char) ?? char).join('');
  return chars
    .map(
      (char) => tables.tcvn3Encode.get(char) ?? tables.tcvn3Encode.get(char.toLowerCase()) ?? char,
    )
    .join('');
}

// Vietnamese beyond Latin-1 (ă đ ơ ư, ạ…ỹ, combining marks): text holding any is Unicode already.
const UNICODE_VIETNAMESE = /[\u0100-\u024f\u1e00-\u1eff]|\p{M}/u;
const LATIN1_HIGH = /[\u00a1-\u00ff]/u;
// The Latin-1 letters Unicode Vietnamese itself uses; any other Latin-1 letter or sign
// (§ ¸ µ ñ ö ø …) in Vietnamese text hints at a legacy font.
const VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

interface Plausibility {
  /** Syllables minus non-syllables among words with non-ASCII letters, minus stray signs. */
  score: number;
  valid: number;
  invalid: number;
  /** Valid words of two letters or more: one-letter "words" are too easy to hit by chance. */
  longValid: number;
}

function plausibility(text: string): Plausibility {
  let valid = 0;
  let invalid = 0;
  let longValid = 0;
  for (const word of text.normalize('NFC').split(/[^\p{L}]+/u)) {
    if (!/\P{ASCII}/u.test(word)) continue;
    if (isVietnameseSyllable(word)) {
      valid += 1;
      if ([...word].length >= 2) longValid += 1;
    } else {
      invalid += 1;
    }
  }
  const stray = [...text].filter((ch) => LATIN1_HIGH.test(ch) && !VIETNAMESE_LATIN1.has(ch)).length;
  return { score: valid - invalid - stray, valid, invalid, longValid };
}

/**
 * Which legacy font the text was typed in, or null for Unicode, plain ASCII or anything it
 * cannot tell. Heuristic: the decoding must turn the words into Vietnamese syllables clearly
 * better than reading the text as it is; ties (VNI "Hoàng" is Unicode "Hoàng" and VNI "Hồng")
 * are read as Unicode.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (UNICODE_VIETNAMESE.test(text) || !LATIN1_HIGH.test(text)) return null;
  let best: LegacyEncoding | null = null;
  let bestScore = plausibility(text).score;
  let tied = false;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const decoded = legacyToUnicode(text, encoding);
    if (decoded === text) continue;
    const result = plausibility(decoded);
    if (result.longValid === 0 || result.valid <= result.invalid) continue;
    if (result.score > bestScore) {
      best = encoding;
      bestScore = result.score;
      tied = false;
    } else if (result.score === bestScore && best !== null) {
      tied = true;
    }
  }
  return tied ? null : best;
}

/** The text as Unicode NFC if it was typed in a legacy font; otherwise unchanged. */
export function toUnicodeVietnamese(text: string): string {
  const encoding = detectLegacyEncoding(text);
  return encoding === null ? text : legacyToUnicode(text, encoding);
}

/**
 * The encoding a cell's font implies, when the workbook says which font it used: ".VnTime" is
 * TCVN3, ".VnTimeH" the same in capitals, "VNI-Times" VNI.
 */
export function legacyFontEncoding(
  fontName: string,
): { encoding: LegacyEncoding; uppercase: boolean } | null {
  const name = fontName.trim();
  if (/^\.vn/iu.test(name)) return { encoding: 'tcvn3', uppercase: name.endsWith('H') };
  if (/^vni[-\s]/iu.test(name)) return { encoding: 'vni', uppercase: false };
  return null;
}
