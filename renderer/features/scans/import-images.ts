// Runs image normalisation in a small pool of long-lived workers, so decoding phone photos
// never stalls the window and a batch uses the cores the PC has.
import { normaliseImage, type NormaliseResult } from './import-normalise';

export interface ImageJob {
  id: number;
  blob: Blob;
}

export type ImageJobResult =
  { id: number; result: NormaliseResult } | { id: number; error: string };

type Pending = { resolve: (result: NormaliseResult) => void; reject: (error: Error) => void };

interface Slot {
  worker: Worker;
  jobs: Map<number, Pending>;
}

// Two photos decode at once where there are cores for it; each holds a full bitmap
// (~50 MB for 12 megapixels), so more would cost memory on 4 GB office PCs.
const POOL_SIZE = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 1));
const slots: Slot[] = [];
let workersUnavailable = false;
let nextId = 0;

function createSlot(): Slot | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import-image.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workersUnavailable = true;
    return null;
  }
  const slot: Slot = { worker, jobs: new Map() };
  worker.onmessage = (event: MessageEvent<ImageJobResult>) => {
    const message = event.data;
    const job = slot.jobs.get(message.id);
    if (!job) return;
    slot.jobs.delete(message.id);
    if ('error' in message) job.reject(new Error(message.error));
    else job.resolve(message.result);
  };
  worker.onerror = (event) => {
    // A crashed worker is replaced on the next photo; the jobs it held fail visibly.
    worker.terminate();
    slots.splice(slots.indexOf(slot), 1);
    for (const job of slot.jobs.values())
      job.reject(new Error(event.message || 'image worker failed'));
    slot.jobs.clear();
  };
  slots.push(slot);
  return slot;
}

/** The least busy worker, starting another while the pool is not full. */
function pickSlot(): Slot | null {
  if (workersUnavailable) return null;
  const idle = slots.find((slot) => slot.jobs.size === 0);
  if (idle) return idle;
  if (slots.length < POOL_SIZE) return createSlot();
  return slots.reduce<Slot | null>(
    (best, slot) => (!best || slot.jobs.size < best.jobs.size ? slot : best),
    null,
  );
}

/** Normalises one photo off the main thread (in the window only if workers are unavailable). */
export function normaliseImageOffThread(blob: Blob): Promise<NormaliseResult> {
  const slot = pickSlot();
  if (!slot) return normaliseImage(blob);
  const id = ++nextId;
  return new Promise<NormaliseResult>((resolve, reject) => {
    slot.jobs.set(id, { resolve, reject });
    slot.worker.postMessage({ id, blob } satisfies ImageJob);
  });
}
