/// <reference lib="webworker" />
// Reads an import workbook, or a zip of entry PDFs, off the main thread: exceljs parses a
// 5,000-row sheet for seconds.
import { getTemplate } from '../../shared/registers';
import { analyzeWorkbook, readPdfZip } from './import-core';
import type { ImportRequest, ImportWorkerMessage, WorkbookRequest } from './import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: ImportWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function readWorkbookRequest(request: WorkbookRequest): Promise<void> {
  const analysis = await analyzeWorkbook(
    new Uint8Array(request.bytes),
    {
      template: getTemplate(request.templateVersion),
      bookYear: request.bookYear,
      existing: request.existing,
    },
    (phase, done, total) => post({ type: 'progress', phase, done, total }),
  );
  post({ type: 'result', analysis });
}

async function handle(request: ImportRequest): Promise<void> {
  if (request.kind === 'workbook') return readWorkbookRequest(request);
  post({ type: 'progress', phase: 'open', done: 0, total: 1 });
  const result = await readPdfZip(new Uint8Array(request.bytes));
  post({ type: 'zip', result }, result.ok ? result.pdfs.map((pdf) => pdf.bytes.buffer) : []);
}

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
};
