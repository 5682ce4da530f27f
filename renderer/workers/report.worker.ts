/// <reference lib="webworker" />
// Builds the progress report off the main thread: exceljs is heavy on an old PC.
import { buildProgressReport, type ReportMessage, type ReportRequest } from './report-core';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ReportRequest>) => {
  buildProgressReport(event.data)
    .then((data) => {
      const message: ReportMessage = { type: 'result', data };
      scope.postMessage(message, [data.buffer]);
    })
    .catch((error: unknown) => {
      const message: ReportMessage = {
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
      scope.postMessage(message);
    });
};
