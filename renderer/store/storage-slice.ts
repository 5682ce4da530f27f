// What the officer must know about the disk right now: whether the last write failed, and
// why. Cleared by the next write that succeeds.
import type { StateCreator } from 'zustand';

/** A full disk, or any other write failure (features/storage tells them apart). */
export type StorageFailure = 'quota' | 'other';

export interface StorageSlice {
  /** The latest autosave failure still unresolved, or null once a save went through. */
  writeFailure: StorageFailure | null;
  /** Bumped when the space figures are worth reading again (after a failed write). */
  storageCheckSeq: number;
  reportWriteFailure: (kind: StorageFailure) => void;
  clearWriteFailure: () => void;
}

export const createStorageSlice: StateCreator<StorageSlice, [], [], StorageSlice> = (set) => ({
  writeFailure: null,
  storageCheckSeq: 0,
  reportWriteFailure: (kind) =>
    set((state) => ({ writeFailure: kind, storageCheckSeq: state.storageCheckSeq + 1 })),
  clearWriteFailure: () =>
    set((state) => (state.writeFailure === null ? {} : { writeFailure: null })),
});
