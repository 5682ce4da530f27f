// The disk: its health in the header, how write failures are explained and retried, and where
// the officer was (screen, field) kept across restarts.
export { explainWriteError, withExplainedError } from './explain-write-error';
export { noteSaveFailed, noteSaveSucceeded, SAVE_RETRY_MS } from './save-failure';
export { StorageAlerts, StorageStatus } from './StorageHealth';
export { useFieldMemory, useRouteMemory } from './use-session-memory';
