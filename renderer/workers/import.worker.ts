/// <reference lib="webworker" />
// Reads an import workbook off the main thread: exceljs parses a 5,000-row sheet for seconds.
import { getTemplate } from '../../shared/registers';
import { analyzeWorkbook } from './import-core';
import type { ImportRequest, ImportWorkerMessage } from './import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: ImportWorkerMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  analyzeWorkbook(
    new Uint8Array(request.bytes),
    {
      template: getTemplate(request.templateVersion),
      bookYear: request.bookYear,
      existing: request.existing,
    },
    (phase, done, total) => post({ type: 'progress', phase, done, total }),
  )
    .then((analysis) => post({ type: 'result', analysis }))
    .catch((error: unknown) => {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
};
