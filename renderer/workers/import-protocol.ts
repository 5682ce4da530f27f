import type { ImportAnalysis } from '../../shared/import/types';
import type { EntryRef } from '../../shared/validation/types';

export interface ImportRequest {
  /** The .xlsx file's bytes; transferred to the worker. */
  bytes: ArrayBuffer;
  /** Template version of the book the rows go into. */
  templateVersion: string;
  bookYear: number;
  /** Entries already in the book, for numbers and dates already used and duplicates. */
  existing: EntryRef[];
}

export type ImportPhase = 'open' | 'rows' | 'check';

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'result'; analysis: ImportAnalysis }
  | { type: 'failed'; message: string };
