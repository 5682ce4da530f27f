import type { ImportAnalysis, ZipReadResult } from '../../shared/import/types';
import type { EntryRef } from '../../shared/validation/types';

export interface WorkbookRequest {
  kind: 'workbook';
  /** The .xlsx file's bytes; transferred to the worker. */
  bytes: ArrayBuffer;
  /** Template version of the book the rows go into. */
  templateVersion: string;
  bookYear: number;
  /** Entries already in the book, for numbers and dates already used and duplicates. */
  existing: EntryRef[];
}

/** A bundle's zip of entry PDFs, to link to the imported rows. */
export interface ZipRequest {
  kind: 'zip';
  bytes: ArrayBuffer;
}

export type ImportRequest = WorkbookRequest | ZipRequest;

export type ImportPhase = 'open' | 'rows' | 'check';

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'result'; analysis: ImportAnalysis }
  | { type: 'zip'; result: ZipReadResult }
  | { type: 'failed'; message: string };
