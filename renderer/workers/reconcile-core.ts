// What reconciling SoHoa's entries against an extract finds: pairs in both (and which fields
// differ), pairs a person must confirm, entries left to move, extract rows to check against the
// register, and entries typed twice across SoHoa's books. Pure: runs in the worker and in tests.
import { diffKeys } from './reconcile-fields';
import { differingFields } from '../../shared/reconcile/diff';
import { findDuplicates, linkRecords, pairKey, type Verdict } from '../../shared/reconcile/link';
import { prepareAll, type LinkRecord } from '../../shared/reconcile/prepare';
import type { Band } from '../../shared/reconcile/score';
import type { RegisterTypeCode } from '../../shared/registers/types';

export interface SohoaEntry {
  id: string;
  bookId: string;
  fields: Record<string, string>;
}

export interface ReconcileInput {
  type: RegisterTypeCode;
  templateVersion: string;
  /** Entries of every book of this register type on this PC. */
  sohoa: SohoaEntry[];
  /** The extract's rows, by their stable keys. */
  extract: { key: string; fields: Record<string, string> }[];
  /** Decisions recorded earlier, as [sohoaId, extractKey, verdict]. */
  decisions: [string, string, Verdict][];
}

export interface ReconcilePair {
  sohoaId: string;
  extractKey: string;
  score: number;
  band: Band;
  isTwin: boolean;
  decided?: Verdict;
  /** Fields filled on both sides that say different things. */
  differing: string[];
}

export interface ReconcileDuplicate {
  firstId: string;
  secondId: string;
  score: number;
}

export interface ReconcileResult {
  /** Same, or confirmed the same by a person. */
  both: ReconcilePair[];
  /** Probably the same: waiting for a person. */
  uncertain: ReconcilePair[];
  /** Entries no extract row matches: left to move. */
  onlySohoa: string[];
  /** Of those, entries a person confirmed differ from the row the linker proposed. */
  confirmedDifferent: string[];
  /** Extract rows no entry matches: to check against the paper register. */
  onlyExtract: string[];
  /** Entries of different SoHoa books that look like one event typed twice. */
  duplicates: ReconcileDuplicate[];
}

export type ReconcileProgress = (
  phase: 'prepare' | 'link' | 'duplicates',
  done: number,
  total: number,
) => void;

export function reconcile(
  input: ReconcileInput,
  onProgress: ReconcileProgress = () => undefined,
): ReconcileResult {
  const sohoa: LinkRecord[] = input.sohoa.map((entry) => ({
    id: entry.id,
    type: input.type,
    fields: entry.fields,
    bookId: entry.bookId,
  }));
  const extract: LinkRecord[] = input.extract.map((row) => ({
    id: row.key,
    type: input.type,
    fields: row.fields,
  }));
  const decisions = new Map(input.decisions.map(([s, e, verdict]) => [pairKey(s, e), verdict]));
  // Each side prepared once: the duplicates inside SoHoa compare the same prepared entries.
  const total = sohoa.length + extract.length;
  const prepared = {
    sohoa: prepareAll(sohoa, (done) => onProgress('prepare', done, total)),
    extract: prepareAll(extract, (done) => onProgress('prepare', sohoa.length + done, total)),
  };
  const linked = linkRecords(sohoa, extract, {
    decisions,
    prepared,
    onProgress: (done, total) => onProgress('link', done, total),
  });
  const fieldsOf = new Map(input.sohoa.map((entry) => [entry.id, entry.fields]));
  const rowOf = new Map(input.extract.map((row) => [row.key, row.fields]));
  const keys = diffKeys(input.templateVersion);
  const both: ReconcilePair[] = [];
  const uncertain: ReconcilePair[] = [];
  for (const link of linked.links) {
    const pair: ReconcilePair = {
      sohoaId: link.sohoaId,
      extractKey: link.extractId,
      score: link.score,
      band: link.band,
      isTwin: link.isTwin,
      ...(link.decided ? { decided: link.decided } : {}),
      differing: differingFields(
        keys,
        fieldsOf.get(link.sohoaId) ?? {},
        rowOf.get(link.extractId) ?? {},
      ),
    };
    if (link.band === 'same' || link.decided === 'same') both.push(pair);
    else uncertain.push(pair);
  }
  const rejected = new Set(
    input.decisions.filter(([, , verdict]) => verdict === 'different').map(([s]) => s),
  );
  const duplicates = findDuplicates(sohoa, {
    prepared: prepared.sohoa,
    onProgress: (done, total) => onProgress('duplicates', done, total),
  }).map(({ firstId, secondId, score }) => ({ firstId, secondId, score }));
  return {
    both,
    uncertain,
    onlySohoa: linked.onlySohoa,
    confirmedDifferent: linked.onlySohoa.filter((id) => rejected.has(id)),
    onlyExtract: linked.onlyExtract,
    duplicates,
  };
}
