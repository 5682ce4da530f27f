import { describe, expect, it, vi } from 'vitest';
import type { BundleTarget } from '../../platform/bundle-targets';
import type {
  BundleOutline,
  ExportRequest,
  FromWorker,
  ToWorker,
  Verification,
  WrittenBundle,
} from '../../workers/export-protocol';
import { ExportJob, type WorkerFactory } from './export-job';

const outline: BundleOutline = {
  stem: 'KS.2008.01',
  files: { xlsx: 'KS.2008.01.xlsx', zip: 'KS.2008.01.zip' },
  entryCount: 1,
  pageCount: 1,
};
const written: WrittenBundle = {
  stem: 'KS.2008.01',
  files: [],
  pdfs: [{ entryId: 'e1', fileName: 'KS.2008.01.2008-01-15.001.pdf', pages: 1 }],
  pageBytes: {
    targetBytesPerPage: 100_000,
    pages: 1,
    meanBytesPerPage: 1,
    maxBytesPerPage: 1,
    imagePages: 0,
    pagesRebuilt: 0,
    pagesReencoded: 0,
    pagesOverTarget: 0,
    overTarget: [],
    lowestLegibility: null,
  },
};
const whole: Verification = { ok: true, rows: 1, pdfs: 1, pages: 1, problems: [] };

/**
 * A worker that follows the protocol: a chunk, then (after the ack) written; asked to verify, a
 * read, then a verdict. Every worker the job starts is this one.
 */
function scriptedWorker(verification: Verification, onAck?: () => void) {
  const sent: ToWorker[] = [];
  const fake = {
    onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
    onerror: null,
    terminate: vi.fn(),
    postMessage(message: ToWorker) {
      sent.push(message);
      const reply = (data: FromWorker) =>
        queueMicrotask(() => fake.onmessage?.({ data } as MessageEvent<FromWorker>));
      if (message.type === 'gate') reply({ type: 'gated', result: { ok: true, outline } });
      if (message.type === 'write') {
        reply({ type: 'chunk', id: 1, kind: 'zip', bytes: new Uint8Array([80, 75]) });
      }
      if (message.type === 'ack') {
        onAck?.();
        reply({ type: 'written', bundle: written, plan: { rows: [['Số']] } });
      }
      if (message.type === 'verify') {
        reply({ type: 'read', id: 2, kind: 'zip', offset: 0, length: 2 });
      }
      if (message.type === 'read-result') reply({ type: 'verified', verification });
    },
  };
  let started = 0;
  const factory = (() => {
    started += 1;
    return fake;
  }) as unknown as WorkerFactory;
  return { fake, sent, factory, started: () => started };
}

function memoryTarget() {
  const data: number[] = [];
  return {
    data,
    target: {
      write: vi.fn((_name: string, chunk: Uint8Array) => {
        data.push(...chunk);
        return Promise.resolve();
      }),
      finish: vi.fn(() => Promise.resolve()),
      read: vi.fn(() => Promise.resolve(new Uint8Array(data))),
      commit: vi.fn(() =>
        Promise.resolve({ ok: true as const, value: { folder: 'D:/SoHoa', files: [] } }),
      ),
      abort: vi.fn(() => Promise.resolve()),
    } satisfies BundleTarget,
  };
}

const request = {} as ExportRequest;

describe('ExportJob', () => {
  it('writes what the worker sends, lets it re-read, and commits a bundle found whole', async () => {
    const { factory, sent } = scriptedWorker(whole);
    const { target, data } = memoryTarget();
    const job = new ExportJob(factory);
    expect(await job.gate(request)).toEqual({ ok: true, outline });
    const outcome = await job.run(target, outline, () => undefined);
    expect(outcome.kind).toBe('saved');
    expect(data).toEqual([80, 75]);
    expect(target.write).toHaveBeenCalledWith('KS.2008.01.zip', expect.any(Uint8Array));
    expect(target.finish).toHaveBeenCalledBefore(target.read);
    expect(target.commit).toHaveBeenCalledTimes(1);
    expect(target.abort).not.toHaveBeenCalled();
    expect(sent.map((message) => message.type)).toEqual([
      'gate',
      'write',
      'ack',
      'verify',
      'read-result',
    ]);
  });

  it('re-reads in a fresh worker, after ending the one that wrote', async () => {
    const { factory, sent, fake, started } = scriptedWorker(whole);
    const job = new ExportJob(factory);
    await job.gate(request);
    expect(started()).toBe(1);
    const terminatedAt: number[] = [];
    fake.terminate.mockImplementation(() => terminatedAt.push(sent.length));
    await job.run(memoryTarget().target, outline, () => undefined);
    expect(started()).toBe(2);
    const verify = sent.findIndex((message) => message.type === 'verify');
    // Ended before the fresh worker was asked to verify, and that one after its verdict.
    expect(terminatedAt).toEqual([verify, sent.length]);
    expect(sent[verify]).toEqual({ type: 'verify', plan: { rows: [['Số']] }, written });
  });

  it('deletes instead of committing when the re-read does not match', async () => {
    const mismatch: Verification = { ...whole, ok: false, problems: [{ check: 'rowCount' }] };
    const { target } = memoryTarget();
    const job = new ExportJob(scriptedWorker(mismatch).factory);
    await job.gate(request);
    const outcome = await job.run(target, outline, () => undefined);
    expect(outcome.kind).toBe('mismatch');
    expect(target.commit).not.toHaveBeenCalled();
    expect(target.abort).toHaveBeenCalled();
  });

  it('cancel mid-way stops the worker, deletes what was written and never commits', async () => {
    const { target } = memoryTarget();
    let job: ExportJob | null = null;
    const { fake, factory } = scriptedWorker(whole, () => void job?.cancel());
    job = new ExportJob(factory);
    await job.gate(request);
    void job.run(target, outline, () => undefined);
    await vi.waitFor(() => expect(target.abort).toHaveBeenCalled());
    await vi.waitFor(() => expect(fake.terminate).toHaveBeenCalled());
    expect(target.commit).not.toHaveBeenCalled();
  });
});
