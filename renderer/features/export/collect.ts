// Gathers one book's entries, pages and scan files into the request the export worker takes.
import { pdfNamingOf } from '../../../shared/bundle/names';
import type { Book } from '../../db/types';
import type { ExportRequest, PreparedForExport } from '../../workers/export-protocol';
import { sortBySo } from '../../../shared/registers/book-order';
import { selectForScope, type ExportScope, type HeldBack } from './export-rule';
import { exportReads, targetOf } from '../../db/reads';

export interface CollectedExport {
  /** The entries the scope takes, before the bundle check. */
  request: ExportRequest;
  /** Entries left out for their status, in số order. */
  held: HeldBack[];
  /** Entries left out because an earlier bundle holds them unchanged. */
  alreadyExported: number;
  /** Each requested entry's revision, kept with the export so a later one can skip it. */
  revisions: Record<string, number>;
  /** Entries in the book. */
  total: number;
  /** Whether the book was exported before: "not yet exported" only means something then. */
  hasEarlierExports: boolean;
}

/** `only`: the entries this export may take (e.g. those left to move after a reconciliation). */
export async function collectExport(
  book: Book,
  scope: ExportScope,
  only?: ReadonlySet<string>,
): Promise<CollectedExport> {
  const { records, pages, scans, runs, unaudited, prepared } = await exportReads.exportSources(
    book.id,
  );
  // Pages made ready at import for the book's current target: the export copies them.
  const target = targetOf(book);
  const ready = prepared.flatMap((item): PreparedForExport[] =>
    item.targetBytesPerPage === target &&
    (item.result.kind === 'reencoded' || item.result.kind === 'kept')
      ? [
          {
            scanId: item.scanId,
            indexInScan: item.indexInScan,
            targetBytesPerPage: item.targetBytesPerPage,
            result: item.result,
          },
        ]
      : [],
  );
  const pageById = new Map(pages.map((page) => [page.id, page]));
  const inScope = only ? records.filter((record) => only.has(record.id)) : records;
  const { candidates, held, alreadyExported } = selectForScope(
    book,
    sortBySo(inScope),
    scope,
    runs,
    new Set(unaudited.map((record) => record.id)),
  );
  const exported = new Set(candidates.map((record) => record.id));
  const request: ExportRequest = {
    book: {
      type: book.type,
      year: book.year,
      quyenSo: book.quyenSo,
      templateVersion: book.templateVersion,
      pdfNaming: pdfNamingOf(book.pdfNaming),
    },
    entries: candidates.map((record) => ({
      id: record.id,
      fields: record.fields,
      acknowledgements: record.acknowledgements,
      pages: record.pageIds.flatMap((pageId) => {
        const page = pageById.get(pageId);
        return page
          ? [{ scanId: page.scanId, indexInScan: page.indexInScan, rotation: page.rotation }]
          : [];
      }),
    })),
    leftOut: records
      .filter((record) => !exported.has(record.id))
      .map(({ id, fields }) => ({ id, fields })),
    scans: scans.map((scan) => ({ id: scan.id, data: scan.blob })),
    prepared: ready,
    ...(book.exportTargetBytesPerPage === undefined
      ? {}
      : { targetBytesPerPage: book.exportTargetBytesPerPage }),
  };
  return {
    request,
    held,
    alreadyExported,
    revisions: Object.fromEntries(candidates.map((record) => [record.id, record.revision])),
    total: inScope.length,
    hasEarlierExports: runs.length > 0,
  };
}
