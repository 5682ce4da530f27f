/// <reference lib="webworker" />
import { buildBundle } from './export-core';
import type { ExportRequest, WorkerMessage } from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

scope.onmessage = (event: MessageEvent<ExportRequest>) => {
  buildBundle(event.data, (done, total) => post({ type: 'progress', done, total }))
    .then((result) => {
      const transfer = result.ok
        ? [result.bundle.xlsx.data.buffer, result.bundle.zip.data.buffer]
        : [];
      post({ type: 'result', result }, transfer as Transferable[]);
    })
    .catch((error: unknown) => {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
};
