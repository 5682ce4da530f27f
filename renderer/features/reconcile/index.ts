// The reconciliation screen, as the app shell and other features reach it.
export { ReconcileScreen } from './ReconcileScreen';
