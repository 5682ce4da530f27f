/// <reference lib="webworker" />
// Reconciliation off the main thread: exceljs parses a 20,000-row extract for seconds and the
// linker compares tens of thousands of pairs; the window keeps answering and shows progress.
import { reconcile } from './reconcile-core';
import { readAnyExtract } from './reconcile-mapped';
import type { ReconcileRequest, ReconcileWorkerMessage } from './reconcile-protocol';
import { buildReconcileReport } from './reconcile-report';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: ReconcileWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function handle(request: ReconcileRequest): Promise<void> {
  switch (request.kind) {
    case 'read': {
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
