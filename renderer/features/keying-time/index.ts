// Keying time for the operator statistics: a hook for every screen where entries are typed,
// and the flush the lock and the window's closing call.
export { flushKeyingTime } from './capture';
export { useKeyingCapture } from './use-keying-capture';
export { IdlePauseSetting } from './IdlePauseSetting';
