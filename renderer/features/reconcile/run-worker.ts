// Runs one request in a fresh reconciliation worker: its answer, progress as it comes, and a
// cancel that ends the worker at once (the answer then never settles).
import type {
  ReconcilePhase,
  ReconcileRequest,
  ReconcileWorkerMessage,
} from '../../workers/reconcile-protocol';

export interface Progress {
  phase: ReconcilePhase;
  done: number;
  total: number;
}

export interface Running<T> {
  result: Promise<T>;
  cancel: () => void;
}

type Answer = Exclude<ReconcileWorkerMessage, { type: 'progress' } | { type: 'failed' }>;

export function runInWorker<K extends Answer['type']>(
  request: ReconcileRequest,
  expected: K,
  onProgress: (progress: Progress) => void = () => undefined,
  transfer: Transferable[] = [],
): Running<Extract<Answer, { type: K }>> {
  const worker = new Worker(new URL('../../workers/reconcile.worker.ts', import.meta.url), {
    type: 'module',
  });
  const result = new Promise<Extract<Answer, { type: K }>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ReconcileWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') reject(new Error(message.message));
      else if (message.type === expected) resolve(message as Extract<Answer, { type: K }>);
      else reject(new Error(`Unexpected answer "${message.type}"`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request, transfer);
  });
  return { result, cancel: () => worker.terminate() };
}
