// Blind double keying: the second keyer's screen and the arbitrator's.
export { SecondKeyingScreen } from './SecondKeyingScreen';
export { KeyingToolbar } from './KeyingToolbar';
export { ArbitrationScreen } from './ArbitrationScreen';
export { BlindNotice } from './BlindNotice';
export { doubleKeyingShortcuts } from './arbitration-keys';
