// Builds the progress workbook in its own worker and hands back the bytes.
import type { ReportMessage, ReportRequest } from '../../workers/report-core';

export function buildReportInWorker(request: ReportRequest): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/report.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<ReportMessage>) => {
      worker.terminate();
      if (event.data.type === 'result') resolve(event.data.data);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}
