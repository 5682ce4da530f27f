// Links SoHoa's entries to an extract's rows: blocking (register type, registration year, and
// the unaccented family name, given name or whole name with the birth year), scoring, then
// one row per entry, best pairs first. A person's earlier decisions override the score.
import { prepare, type LinkRecord, type Prepared } from './prepare';
import { scorePair, type Band } from './score';

export type Verdict = 'same' | 'different';

export interface Link {
  sohoaId: string;
  extractId: string;
  score: number;
  band: Band;
  isTwin: boolean;
  /** A person's decision on this pair, when one was recorded. */
  decided?: Verdict;
}

export interface LinkResult {
  /** Pairs "same" or "probably same", one extract row per entry at most. */
  links: Link[];
  onlySohoa: string[];
  onlyExtract: string[];
}

export interface LinkOptions {
  /** Recorded decisions by `pairKey(sohoaId, extractId)`. */
  decisions?: ReadonlyMap<string, Verdict>;
  onProgress?: (done: number, total: number) => void;
  /** The records already prepared (prepareAll), in the same order: preparing takes seconds. */
  prepared?: { sohoa: Prepared[]; extract: Prepared[] };
}

export const pairKey = (sohoaId: string, extractId: string): string =>
  `${sohoaId}\u0000${extractId}`;

function blockKeys(p: Prepared): string[] {
  const head = `${p.record.type}|${p.regYear ?? '?'}`;
  const born = p.birth?.year ?? '?';
  const keys = [`${head}|f:${p.name.family}|${born}`, `${head}|n:${p.name.full}`];
  if (p.name.given !== p.name.family) keys.push(`${head}|g:${p.name.given}|${born}`);
  return keys;
}

function indexByBlock(items: Prepared[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of blockKeys(item)) {
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return index;
}

/** Each pair of `left` × `right` that shares a block, once. */
function* candidatePairs(
  left: Prepared[],
  right: Prepared[],
  onProgress?: (done: number, total: number) => void,
): Generator<[number, number]> {
  const index = indexByBlock(right);
  const seenFor = new Int32Array(right.length).fill(-1);
  for (let i = 0; i < left.length; i += 1) {
    if (onProgress && i % 500 === 0) onProgress(i, left.length);
    const item = left[i] as Prepared;
    for (const key of blockKeys(item)) {
      for (const j of index.get(key) ?? []) {
        if (seenFor[j] === i) continue;
        seenFor[j] = i;
        yield [i, j];
      }
    }
  }
  onProgress?.(left.length, left.length);
}

export function linkRecords(
  sohoa: readonly LinkRecord[],
  extract: readonly LinkRecord[],
  options: LinkOptions = {},
): LinkResult {
  const left = options.prepared?.sohoa ?? sohoa.map(prepare);
  const right = options.prepared?.extract ?? extract.map(prepare);
  const candidates: Link[] = [];
  for (const [i, j] of candidatePairs(left, right, options.onProgress)) {
    const a = left[i] as Prepared;
    const b = right[j] as Prepared;
    const decided = options.decisions?.get(pairKey(a.record.id, b.record.id));
    if (decided === 'different') continue;
    const pair = scorePair(a, b);
    if (!decided && pair.band === 'different') continue;
    candidates.push({
      sohoaId: a.record.id,
      extractId: b.record.id,
      ...pair,
      ...(decided ? { decided, band: 'same' as const } : {}),
    });
  }
  candidates.sort((x, y) => Number(!!y.decided) - Number(!!x.decided) || y.score - x.score);
  const usedLeft = new Set<string>();
  const usedRight = new Set<string>();
  const links: Link[] = [];
  for (const link of candidates) {
    if (usedLeft.has(link.sohoaId) || usedRight.has(link.extractId)) continue;
    usedLeft.add(link.sohoaId);
    usedRight.add(link.extractId);
    links.push(link);
  }
  return {
    links,
    onlySohoa: sohoa.filter((r) => !usedLeft.has(r.id)).map((r) => r.id),
    onlyExtract: extract.filter((r) => !usedRight.has(r.id)).map((r) => r.id),
  };
}

export interface Duplicate {
  firstId: string;
  secondId: string;
  score: number;
  band: Band;
}

export interface DuplicateOptions {
  onProgress?: (done: number, total: number) => void;
  /** The entries already prepared, in the same order. */
  prepared?: Prepared[];
}

/** Entries of different SoHoa books that look like the same event typed twice. */
export function findDuplicates(
  sohoa: readonly LinkRecord[],
  options: DuplicateOptions = {},
): Duplicate[] {
  const items = options.prepared ?? sohoa.map(prepare);
  const found: Duplicate[] = [];
  for (const [i, j] of candidatePairs(items, items, options.onProgress)) {
    if (j <= i) continue;
    const a = items[i] as Prepared;
    const b = items[j] as Prepared;
    if (a.record.bookId === b.record.bookId) continue;
    const pair = scorePair(a, b);
    if (pair.band === 'different') continue;
    found.push({ firstId: a.record.id, secondId: b.record.id, score: pair.score, band: pair.band });
  }
  return found;
}
