// Runs the import worker on one file for one book and hands back its preview.
import type { ImportAnalysis } from '../../../shared/import/types';
import { db } from '../../db';
import type { Book } from '../../db/types';
import type {
  ImportPhase,
  ImportRequest,
  ImportWorkerMessage,
} from '../../workers/import-protocol';

export interface Progress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface RunningAnalysis {
  result: Promise<ImportAnalysis>;
  /** Stops the worker; the result then never settles. */
  cancel: () => void;
}

export function analyzeFile(
  file: File,
  book: Book,
  onProgress: (progress: Progress) => void,
): RunningAnalysis {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
  });
  const result = (async () => {
    const [bytes, records] = await Promise.all([
      file.arrayBuffer(),
      db.records.where('bookId').equals(book.id).toArray(),
    ]);
    const request: ImportRequest = {
      bytes,
      templateVersion: book.templateVersion,
      bookYear: book.year,
      existing: records.map((record) => ({ id: record.id, fields: record.fields })),
    };
    return new Promise<ImportAnalysis>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
        const message = event.data;
        if (message.type === 'progress') {
          onProgress(message);
          return;
        }
        worker.terminate();
        if (message.type === 'result') resolve(message.analysis);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message));
      };
      worker.postMessage(request, [bytes]);
    });
  })();
  return { result, cancel: () => worker.terminate() };
}
