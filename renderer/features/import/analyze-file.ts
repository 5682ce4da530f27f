// Runs the import worker on one file for one book: a workbook's preview, or a zip's PDFs.
import type { ImportAnalysis, ZipReadResult } from '../../../shared/import/types';
import type { Book } from '../../db/types';
import type {
  ImportPhase,
  ImportRequest,
  ImportWorkerMessage,
} from '../../workers/import-protocol';
import { entryReads } from '../../db/reads';

export interface Progress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface Running<T> {
  result: Promise<T>;
  /** Stops the worker; the result then never settles. */
  cancel: () => void;
}

function run<T>(
  makeRequest: () => Promise<ImportRequest>,
  pick: (message: ImportWorkerMessage) => T | undefined,
  onProgress: (progress: Progress) => void,
): Running<T> {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
  });
  const result = makeRequest().then(
    (request) =>
      new Promise<T>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
          const message = event.data;
          if (message.type === 'progress') {
            onProgress(message);
            return;
          }
          worker.terminate();
          if (message.type === 'failed') {
            reject(new Error(message.message));
            return;
          }
          const value = pick(message);
          if (value === undefined) reject(new Error(`Unexpected answer "${message.type}"`));
          else resolve(value);
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message));
        };
        worker.postMessage(request, [request.bytes]);
      }),
  );
  return { result, cancel: () => worker.terminate() };
}

export function analyzeFile(
  file: File,
  book: Book,
  onProgress: (progress: Progress) => void,
): Running<ImportAnalysis> {
  return run(
    async () => {
      const [bytes, records] = await Promise.all([
        file.arrayBuffer(),
        entryReads.entriesOfBook(book.id),
      ]);
      return {
        kind: 'workbook',
        bytes,
        templateVersion: book.templateVersion,
        bookYear: book.year,
        existing: records.map((record) => ({ id: record.id, fields: record.fields })),
      };
    },
    (message) => (message.type === 'result' ? message.analysis : undefined),
    onProgress,
  );
}

export function readZipFile(
  file: File,
  onProgress: (progress: Progress) => void,
): Running<ZipReadResult> {
  return run(
    async () => ({ kind: 'zip', bytes: await file.arrayBuffer() }),
    (message) => (message.type === 'zip' ? message.result : undefined),
    onProgress,
  );
}
