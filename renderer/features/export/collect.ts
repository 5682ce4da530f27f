// Gathers one book's entries, pages and scan files into the request the export worker takes.
import { pdfNamingOf } from '../../../shared/bundle/names';
import { db } from '../../db';
import type { Book } from '../../db/types';
import type { ExportRequest } from '../../workers/export-protocol';
import { sortBySo } from '../entry/entry-order';
import { selectForExport } from './export-rule';

export interface CollectedExport {
  request: ExportRequest;
  /** Entries of the book the export rule leaves out (not yet approved, or submitted). */
  leftOut: number;
}

export async function collectExport(book: Book): Promise<CollectedExport> {
  return db.transaction('r', db.records, db.pages, db.scans, async () => {
    const [records, pages, scans] = await Promise.all([
      db.records.where('bookId').equals(book.id).toArray(),
      db.pages.where('bookId').equals(book.id).toArray(),
      db.scans.where('bookId').equals(book.id).toArray(),
    ]);
    const pageById = new Map(pages.map((page) => [page.id, page]));
    const { entries, leftOut } = selectForExport(book, records);
    const exported = new Set(entries.map((record) => record.id));
    const request: ExportRequest = {
      book: {
        type: book.type,
        year: book.year,
        quyenSo: book.quyenSo,
        templateVersion: book.templateVersion,
        pdfNaming: pdfNamingOf(book.pdfNaming),
      },
      entries: sortBySo(entries).map((record) => ({
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
      ...(book.exportTargetBytesPerPage === undefined
        ? {}
        : { targetBytesPerPage: book.exportTargetBytesPerPage }),
    };
    return { request, leftOut };
  });
}
