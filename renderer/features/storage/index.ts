// The disk: its health in the header, how write failures are explained, and where
// the officer was (screen, field) kept across restarts.
export { explainWriteError, withExplainedError } from './explain-write-error';
export { StorageAlerts, StorageStatus } from './StorageHealth';
export { useFieldMemory, useRouteMemory } from './use-session-memory';
