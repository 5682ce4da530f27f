/// <reference lib="webworker" />
// The export worker: gate on 'gate', then on 'write' builds and streams the bundle to the
// screen one chunk at a time (each acknowledged before the next). The re-read ('verify') runs
// in a fresh worker, so the memory the writing left behind is gone before it starts.
import { gateBundle, verifyBundle, writeBundle, type GatedPlan } from './export-core';
import type {
  ExportRequest,
  FromWorker,
  ToWorker,
  VerifyPlan,
  WrittenBundle,
} from './export-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

let gated: { request: ExportRequest; plan: GatedPlan } | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }
>();

function ask(
  build: (id: number) => FromWorker,
  transfer: Transferable[] = [],
): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post(build(id), transfer);
  });
}

async function write(request: ExportRequest, plan: GatedPlan): Promise<void> {
  const written = await writeBundle(
    request,
    plan,
    {
      write: async (kind, chunk) => {
        await ask(
          (id) => ({ type: 'chunk', id, kind, bytes: chunk }),
          [chunk.buffer as ArrayBuffer],
        );
      },
    },
    { onProgress: (done, total) => post({ type: 'progress', phase: 'write', done, total }) },
  );
  post({ type: 'written', bundle: written, plan: { rows: plan.rows } });
}

async function verify(plan: VerifyPlan, written: WrittenBundle): Promise<void> {
  const verification = await verifyBundle(
    { read: (kind, offset, length) => ask((id) => ({ type: 'read', id, kind, offset, length })) },
    plan,
    written,
    (done, total) => post({ type: 'progress', phase: 'verify', done, total }),
  );
  post({ type: 'verified', verification });
}

const failed = (error: unknown) =>
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

function settle(id: number, outcome: { bytes: Uint8Array } | { error: string }): void {
  const entry = waiting.get(id);
  waiting.delete(id);
  if (!entry) return;
  if ('bytes' in outcome) entry.resolve(outcome.bytes);
  else entry.reject(new Error(outcome.error));
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'gate': {
      const { gate, plan } = gateBundle(message.request);
      gated = plan ? { request: message.request, plan } : null;
      post({ type: 'gated', result: gate });
      return;
    }
    case 'write':
      if (!gated) {
        post({ type: 'failed', message: 'write before a passed gate' });
        return;
      }
      write(gated.request, gated.plan).catch(failed);
      return;
    case 'verify':
      verify(message.plan, message.written).catch(failed);
      return;
    case 'ack':
      settle(message.id, { bytes: new Uint8Array(0) });
      return;
    case 'read-result':
      settle(message.id, { bytes: message.bytes });
      return;
    case 'io-failed':
      settle(message.id, { error: message.message });
      return;
  }
};
