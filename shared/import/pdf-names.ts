// Matches the PDFs of a bundle's zip to imported rows by their names: the export names each
// entry's PDF `<LOAI>.<năm>.<quyển>.<yyyy-mm-dd>.<số>.pdf` (rules in shared/bundle/names.ts), so
// the name says which row it is. Partial dates (2018-00-00) and a missing số (000, null) too.
import { pdfFileName, pdfNamingOf, type PdfNaming } from '../bundle/names';
import type { RegisterTypeCode } from '../registers/types';

const PDF_NAME =
  /^([A-Za-z]+)\.(\d{4})\.(\d{1,3})\.(\d{4}-\d{2}-\d{2})\.(?:(\d+)(\p{L}*)|null)\.pdf$/iu;

/**
 * The entry a PDF name stands for, the same however the numbers are padded and whichever way
 * a missing số was written (000 or null); null if the name is not one of ours.
 */
export function pdfNameKey(fileName: string): string | null {
  const base = fileName.split(/[/\\]/u).pop() ?? '';
  const match = PDF_NAME.exec(base.trim());
  if (!match) return null;
  const [, type = '', year, book, date, digits, suffix = ''] = match;
  const number = digits === undefined || Number(digits) === 0 ? 'none' : String(Number(digits));
  return `${type.toUpperCase()}|${year}|${Number(book)}|${date}|${number}${suffix.toLowerCase()}`;
}

export interface PdfMatch {
  /** Index of the row in the list given, and the PDF that belongs to it. */
  matched: { rowIndex: number; fileName: string }[];
  /** PDFs no row names. */
  unmatched: string[];
}

export function matchPdfNames(
  fileNames: readonly string[],
  rows: readonly { fields: Record<string, string> }[],
  /** The book imported into; its naming settings name the rows as its export would. */
  book: { type: RegisterTypeCode; year: number; quyenSo: string; pdfNaming?: Partial<PdfNaming> },
): PdfMatch {
  const rowByKey = new Map<string, number>();
  rows.forEach((row, rowIndex) => {
    const name = pdfFileName({
      type: book.type,
      bookYear: book.year,
      quyenSo: book.quyenSo,
      ngayDangKy: row.fields.ngayDangKy ?? '',
      so: row.fields.so ?? '',
      naming: pdfNamingOf(book.pdfNaming),
    });
    const key = name.ok ? pdfNameKey(name.name) : null;
    if (key !== null && !rowByKey.has(key)) rowByKey.set(key, rowIndex);
  });
  const matched: PdfMatch['matched'] = [];
  const unmatched: string[] = [];
  for (const fileName of fileNames) {
    const key = pdfNameKey(fileName);
    const rowIndex = key === null ? undefined : rowByKey.get(key);
    if (key === null || rowIndex === undefined) {
      unmatched.push(fileName);
      continue;
    }
    // A second PDF for the same entry is not guessed at.
    rowByKey.delete(key);
    matched.push({ rowIndex, fileName });
  }
  return { matched, unmatched };
}
