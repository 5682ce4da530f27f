// The export's two ends: where the bundle's bytes go and where they are read back from, and
// the largest piece that crosses between threads (or into the shell) at once.
import type { BundleFileKind } from './export-protocol';

export type ProgressFn = (done: number, total: number) => void;

/** Where the bundle's bytes go, in order; the next write waits for the previous one. */
export interface BundleSink {
  write(kind: BundleFileKind, chunk: Uint8Array): Promise<void>;
}

/** Reads back what was written, by byte range. */
export interface BundleSource {
  read(kind: BundleFileKind, offset: number, length: number): Promise<Uint8Array>;
}

/** Larger pieces are split, so one message or IPC call never carries a whole scan. */
export const MAX_CHUNK_BYTES = 4 * 2 ** 20;
