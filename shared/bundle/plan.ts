// Plans one book's bundle: the workbook rows and each entry's PDF name. It is all or nothing:
// any error, or any warning nobody confirmed with a reason, is returned instead of a plan,
// since a partial bundle would be imported as if complete.
import type { RegisterTemplate, RegisterTypeCode } from '../registers/types';
import { collapseSpaces, foldAccents } from '../text/vietnamese';
import { pendingWarnings, type Acknowledgement } from '../validation/acknowledgements';
import type { EntryRef, RuleId, Severity } from '../validation/types';
import { soKey, validateEntry } from '../validation/validate-entry';
import { bookNumbers } from '../validation/book-context';
import {
  bundleStem,
  defaultPdfNaming,
  pdfFileName,
  sameQuyenSo,
  soNumberOf,
  type PdfNaming,
} from './names';
import { entryToRow, headerRow } from './rows';

export interface PlanEntry {
  id: string;
  fields: Record<string, string>;
  /** Scanned pages linked to the entry. */
  pageCount: number;
  /** Warnings the officer kept, with reasons; any other warning blocks the bundle. */
  acknowledgements?: readonly Acknowledgement[];
}

export interface PlanInput {
  template: RegisterTemplate;
  book: { type: RegisterTypeCode; year: number; quyenSo: string };
  entries: PlanEntry[];
  /**
   * The book's entries left out of this bundle (not yet approved): not written, but seen by
   * the rules across entries, as the form sees them.
   */
  leftOut?: readonly EntryRef[];
  /** Bundle stem pattern and the place names it may use (see bundleStem). */
  naming?: { pattern?: string; commune?: string; district?: string; province?: string };
  /** How PDFs are named and số written (book setting); absent: the defaults. */
  pdfNaming?: PdfNaming;
  now?: Date;
}

export interface BundleProblem {
  /** '' for a problem of the whole book. */
  entryId: string;
  so: string;
  field?: string;
  rule: RuleId;
  params?: Record<string, string | number>;
  /** 'warning': a warning not yet confirmed with a reason. Absent means an error. */
  severity?: Severity;
}

export type BundlePlan =
  | {
      ok: true;
      /** Header row, then one row per entry in số order. */
      rows: string[][];
      pdfs: { entryId: string; fileName: string }[];
      /** Entries named by the book's convention (no số, partial date), for the report. */
      byConvention: { entryId: string; so: string; fileName: string; rule: RuleId }[];
      stem: string;
    }
  | { ok: false; problems: BundleProblem[] };

// Which field each PDF-name problem is about, so it is not reported twice when validation
// already flagged that field.
const problemField: Record<string, string> = {
  soNotNumeric: 'so',
  missingQuyenSo: 'quyenSo',
  badQuyenSo: 'quyenSo',
  missingDate: 'ngayDangKy',
  badDate: 'ngayDangKy',
};

/** Order of số's number part; entries without one after, in input order (sort is stable). */
function bySo(a: PlanEntry, b: PlanEntry): number {
  const na = soNumberOf(a.fields.so ?? '')?.value;
  const nb = soNumberOf(b.fields.so ?? '')?.value;
  if (na !== undefined && nb !== undefined) return na - nb;
  return Number(nb !== undefined) - Number(na !== undefined);
}

export function planBundle(input: PlanInput): BundlePlan {
  const { template, book, entries } = input;
  const problems: BundleProblem[] = [];
  if (entries.length === 0) {
    return { ok: false, problems: [{ entryId: '', so: '', rule: 'noEntries' }] };
  }
  const sorted = [...entries].sort(bySo);
  const pdfNaming = input.pdfNaming ?? defaultPdfNaming;
  const wholeBook: EntryRef[] = [...entries, ...(input.leftOut ?? [])];
  const numbers = bookNumbers(wholeBook);
  const pdfs: { entryId: string; fileName: string }[] = [];
  const byConvention: { entryId: string; so: string; fileName: string; rule: RuleId }[] = [];
  const byName = new Map<string, PlanEntry[]>();
  // Only entries sharing a number or a main name can clash or be duplicates: grouping keeps
  // a 5,000-entry book linear.
  const groupBy = (keyOf: (entry: EntryRef) => string): Map<string, EntryRef[]> => {
    const groups = new Map<string, EntryRef[]>();
    for (const entry of wholeBook) {
      const key = keyOf(entry);
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    return groups;
  };
  const nameOf = (entry: EntryRef) =>
    foldAccents(collapseSpaces(entry.fields[template.mainNameField] ?? ''));
  const sameSo = groupBy((entry) => soKey(entry.fields.so ?? ''));
  const sameName = groupBy(nameOf);

  for (const entry of sorted) {
    const so = (entry.fields.so ?? '').trim();
    const add = (problem: Omit<BundleProblem, 'entryId' | 'so'>): void => {
      problems.push({ entryId: entry.id, so, ...problem });
    };
    const related = new Set([
      ...(sameSo.get(soKey(entry.fields.so ?? '')) ?? []),
      ...(nameOf(entry) === '' ? [] : (sameName.get(nameOf(entry)) ?? [])),
    ]);
    const result = validateEntry(template, entry.fields, {
      bookYear: book.year,
      otherEntries: [...related],
      selfId: entry.id,
      bookNumbers: numbers,
      naming: pdfNaming,
      ...(input.now ? { now: input.now } : {}),
    });
    const { errors } = result;
    for (const { field, rule, params } of errors) {
      add(params ? { field, rule, params } : { field, rule });
    }
    for (const { field, rule, params } of pendingWarnings(result, entry.acknowledgements ?? [])) {
      add({ field, rule, severity: 'warning', ...(params ? { params } : {}) });
    }
    const flagged = new Set(errors.map((issue) => issue.field));

    const quyenSo = (entry.fields.quyenSo ?? '').trim();
    if (quyenSo !== '' && !flagged.has('quyenSo') && !sameQuyenSo(quyenSo, book.quyenSo)) {
      add({ field: 'quyenSo', rule: 'quyenSoMismatch', params: { book: book.quyenSo } });
    }
    if (entry.pageCount < 1) add({ rule: 'noPages' });

    // The book's own number names the PDF, so it matches the rows the importer reads.
    const name = pdfFileName({
      type: book.type,
      bookYear: book.year,
      quyenSo: book.quyenSo,
      ngayDangKy: entry.fields.ngayDangKy ?? '',
      so: entry.fields.so ?? '',
      naming: pdfNaming,
    });
    if (!name.ok) {
      const field = problemField[name.problem];
      if (field === undefined || !flagged.has(field)) {
        add(field === undefined ? { rule: name.problem } : { field, rule: name.problem });
      }
      continue;
    }
    pdfs.push({ entryId: entry.id, fileName: name.name });
    for (const warning of result.warnings) {
      if (warning.rule === 'missingSo' || warning.rule === 'partialDate') {
        byConvention.push({ entryId: entry.id, so, fileName: name.name, rule: warning.rule });
      }
    }
    const named = byName.get(name.name);
    if (named) named.push(entry);
    else byName.set(name.name, [entry]);
  }

  for (const [fileName, clash] of byName) {
    if (clash.length < 2) continue;
    for (const entry of clash) {
      const other = clash.find((e) => e !== entry);
      problems.push({
        entryId: entry.id,
        so: (entry.fields.so ?? '').trim(),
        field: 'so',
        rule: 'pdfNameClash',
        params: { other: (other?.fields.so ?? '').trim(), fileName },
      });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  const rows = [
    headerRow(template),
    ...sorted.map((entry, index) => entryToRow(template, entry.fields, index + 1, pdfNaming)),
  ];
  const stem = bundleStem({
    ...input.naming,
    type: book.type,
    bookYear: book.year,
    quyenSo: book.quyenSo,
  });
  return { ok: true, rows, pdfs, byConvention, stem };
}
