// The shape of one Vietnamese syllable: initial consonant, vowel cluster, final consonant and
// at most one tone. Used to tell a right decoding of legacy-font text from a wrong one.

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const TONE_MARK_ONE = /^[\u0300\u0301\u0303\u0309\u0323]$/u;
const ACUTE = '\u0301';
const DOT_BELOW = '\u0323';

// Longest first, so "ngh" is tried before "ng" and "n"; '' is a syllable with no initial.
const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];
// "k" is not Vietnamese spelling but ends minority place names ("Đắk Lắk") written in it.
const FINALS = ['ch', 'ng', 'nh', 'c', 'k', 'm', 'n', 'p', 't', ''];
const STOP_FINALS = new Set(['c', 'ch', 'k', 'p', 't']);

/** Clusters that end in a glide and so take no final consonant ("ai", "ươi"). */
const OPEN_CLUSTERS = new Set([
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iu',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'ui',
  'ưa',
  'ưi',
  'ưu',
  'uơ',
  'uôi',
  'ươi',
  'ươu',
  'iêu',
  'yêu',
  'oai',
  'oay',
  'oao',
  'oeo',
  'uây',
  'uya',
  'uyu',
]);
/** Clusters that need a final consonant ("ăn", "tiên"). */
// "oo" (xoong, moóc) is left out on purpose: it is rare in names and places, and with it a VNI
// "Loäc" (Lộc) reads as well in TCVN3 ("Loọc").
const CLOSED_CLUSTERS = new Set(['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'uyê', 'oă', 'uâ']);
/** Clusters with or without a final. */
const FREE_CLUSTERS = new Set([
  'a',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'oa',
  'oe',
  'uê',
  'uy',
]);

const FRONT_VOWELS = 'eêiy';
const MODIFIED_VOWELS = 'ăâêôơư';

/**
 * Where a cluster may carry its tone, by either the old or the new placement ("hóa" and
 * "hoá"): on its last modified vowel (ươ → ơ), else on the last vowel before a final
 * consonant, else on the first of two vowels, both for oa/oe/uy, and the middle of three.
 */
function tonePositions(cluster: string, hasFinal: boolean): number[] {
  const chars = [...cluster];
  const modified = chars.findLastIndex((ch) => MODIFIED_VOWELS.includes(ch));
  if (modified >= 0) return [modified];
  if (hasFinal || chars.length === 1) return [chars.length - 1];
  if (chars.length === 2) return ['oa', 'oe', 'uy'].includes(cluster) ? [0, 1] : [0];
  return [1];
}

function fitsSpelling(initial: string, cluster: string): boolean {
  const first = cluster.charAt(0);
  // k, gh, ngh are written before front vowels only; c, g, ng everywhere else.
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return FRONT_VOWELS.includes(first);
  if (initial === 'c') return !FRONT_VOWELS.includes(first);
  if (initial === 'g') return !'eê'.includes(first);
  if (initial === 'ng') return !'eêi'.includes(first);
  return true;
}

function fitsFinal(cluster: string, final: string, tone: string | undefined): boolean {
  if (final === '') return OPEN_CLUSTERS.has(cluster) || FREE_CLUSTERS.has(cluster);
  if (!CLOSED_CLUSTERS.has(cluster) && !FREE_CLUSTERS.has(cluster)) return false;
  // Syllables closed by a stop take only the rising or the heavy tone.
  return !STOP_FINALS.has(final) || tone === ACUTE || tone === DOT_BELOW;
}

/** The index, among the word's letters, of the letter carrying the tone mark; -1 for none. */
function toneIndex(decomposed: string): number {
  let letters = 0;
  for (const ch of decomposed) {
    if (TONE_MARK_ONE.test(ch)) return letters - 1;
    if (!/\p{M}/u.test(ch)) letters += 1;
  }
  return -1;
}

/** Whether a word (any case, NFC or not) can be written as one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD').toLowerCase();
  const tones = decomposed.match(TONE_MARK) ?? [];
  if (tones.length > 1) return false;
  const toneAt = toneIndex(decomposed);
  const base = decomposed.replace(TONE_MARK, '').normalize('NFC');
  return INITIALS.some((initial) => {
    if (!base.startsWith(initial)) return false;
    const rest = base.slice(initial.length);
    return FINALS.some((final) => {
      if (!rest.endsWith(final) || rest.length <= final.length) return false;
      const cluster = rest.slice(0, rest.length - final.length);
      const toneInCluster = toneAt - [...initial].length;
      return (
        fitsSpelling(initial, cluster) &&
        fitsFinal(cluster, final, tones[0]) &&
        (toneAt < 0 || tonePositions(cluster, final !== '').includes(toneInCluster))
      );
    });
  });
}
