/// <reference lib="webworker" />
// Reconciliation off the main thread: exceljs parses a 20,000-row extract for seconds and the
// linker compares tens of thousands of pairs; the window keeps answering and shows progress.
// exceljs is loaded only by the requests that read or write a workbook, so a worker started to
// link begins at once.
import { reconcile } from './reconcile-core';
import type { ReconcileRequest, ReconcileWorkerMessage } from './reconcile-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: ReconcileWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function handle(request: ReconcileRequest): Promise<void> {
  switch (request.kind) {
    case 'read': {
      const { readAnyExtract } = await import('./reconcile-mapped');
      const result = await readAnyExtract(
        new Uint8Array(request.bytes),
        (phase, done, total) => post({ type: 'progress', phase, done, total }),
        request.saved,
      );
      post({ type: 'extract', result });
      return;
    }
    case 'link': {
      const result = reconcile(request.input, (phase, done, total) =>
        post({ type: 'progress', phase, done, total }),
      );
      post({ type: 'linked', result });
      return;
    }
    case 'report': {
      const { buildReconcileReport } = await import('./reconcile-report');
      const data = await buildReconcileReport(request.sheets);
      post({ type: 'report', data }, [data.buffer]);
      return;
    }
  }
}

scope.onmessage = (event: MessageEvent<ReconcileRequest>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
};
