// One export, from the screen's side: starts the worker, runs the gate, then serves the
// worker's write requests, then a fresh worker's read requests, against the chosen
// destination, one at a time. Cancel stops the worker at once and deletes whatever the
// destination holds; only a bundle that was re-read and found whole is committed under its
// final names.
import type { BridgeResult, SaveBundleResult } from '../../../shared/bridge';
import type { BundleTarget } from '../../platform/bundle-targets';
import type {
  BundleOutline,
  ExportRequest,
  FromWorker,
  GateResult,
  ToWorker,
  Verification,
  WrittenBundle,
} from '../../workers/export-protocol';

export type ProgressListener = (phase: 'write' | 'verify', done: number, total: number) => void;

export type JobOutcome =
  | { kind: 'saved'; written: WrittenBundle; verification: Verification; saved: SaveBundleResult }
  | { kind: 'mismatch'; written: WrittenBundle; verification: Verification }
  | { kind: 'refused'; error: Extract<BridgeResult<never>, { ok: false }>['error'] };

/** Makes the worker; injected so the job can be tested with a fake one. */
export type WorkerFactory = () => Pick<
  Worker,
  'postMessage' | 'terminate' | 'onmessage' | 'onerror'
>;

export const createExportWorker: WorkerFactory = () =>
  new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' });

export class ExportJob {
  private worker: ReturnType<WorkerFactory>;
  private handler: (message: FromWorker) => void = () => undefined;
  private target: BundleTarget | null = null;
  private isCancelled = false;

  constructor(private readonly makeWorker: WorkerFactory = createExportWorker) {
    this.worker = this.startWorker();
  }

  private startWorker(): ReturnType<WorkerFactory> {
    const worker = this.makeWorker();
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.handler(event.data);
    return worker;
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** Validates the whole book in the worker: what will be written, or what blocks it. */
  gate(request: ExportRequest): Promise<GateResult> {
    return new Promise((resolve, reject) => {
      this.worker.onerror = (event) => reject(new Error(event.message));
      this.handler = (message) => {
        if (message.type === 'gated') resolve(message.result);
        else if (message.type === 'failed') reject(new Error(message.message));
      };
      this.send({ type: 'gate', request });
    });
  }

  /** Writes into the target, re-reads it, and commits only when the re-read matches. */
  run(
    target: BundleTarget,
    outline: BundleOutline,
    onProgress: ProgressListener,
  ): Promise<JobOutcome> {
    this.target = target;
    let finished: Promise<void> | null = null;
    let written: WrittenBundle | null = null;
    return new Promise<JobOutcome>((resolve, reject) => {
      const fail = (error: unknown) => {
        void target
          .abort()
          .finally(() => reject(error instanceof Error ? error : new Error(String(error))));
      };
      const onError = (event: ErrorEvent) => fail(new Error(event.message));
      this.worker.onerror = onError;
      const serve = async (message: FromWorker): Promise<void> => {
        switch (message.type) {
          case 'progress':
            onProgress(message.phase, message.done, message.total);
            return;
          case 'chunk':
            try {
              await target.write(outline.files[message.kind], message.bytes);
              this.send({ type: 'ack', id: message.id });
            } catch (error) {
              this.send({ type: 'io-failed', id: message.id, message: String(error) });
            }
            return;
          case 'written':
            written = message.bundle;
            finished = target.finish();
            // The re-read gets a fresh worker: ending the one that wrote gives back all the
            // memory building a thousand PDFs left behind, before the re-read adds its own.
            this.worker.terminate();
            this.worker = this.startWorker();
            this.worker.onerror = onError;
            this.send({ type: 'verify', plan: message.plan, written: message.bundle });
            return;
          case 'read':
            try {
              await finished;
              const bytes = await target.read(
                outline.files[message.kind],
                message.offset,
                message.length,
              );
              this.send({ type: 'read-result', id: message.id, bytes }, [
                bytes.buffer as ArrayBuffer,
              ]);
            } catch (error) {
              this.send({ type: 'io-failed', id: message.id, message: String(error) });
            }
            return;
          case 'verified': {
            this.worker.terminate();
            if (this.isCancelled || !written) return;
            if (!message.verification.ok) {
              await target.abort();
              resolve({ kind: 'mismatch', written, verification: message.verification });
              return;
            }
            const saved = await target.commit();
            resolve(
              saved.ok
                ? { kind: 'saved', written, verification: message.verification, saved: saved.value }
                : { kind: 'refused', error: saved.error },
            );
            return;
          }
          case 'failed':
            this.worker.terminate();
            fail(new Error(message.message));
            return;
          case 'gated':
            return;
        }
      };
      this.handler = (message) => {
        if (this.isCancelled) return;
        serve(message).catch(fail);
      };
      this.send({ type: 'write' });
    });
  }

  /** Stops at once: the worker ends mid-entry and the destination's temp files are deleted. */
  async cancel(): Promise<void> {
    this.isCancelled = true;
    this.worker.terminate();
    await this.target?.abort();
  }
}
