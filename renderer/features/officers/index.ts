// Signing in and who is at the keyboard, as other screens need it.
export { errorText } from './error-text';
export { OfficerBar } from './OfficerBar';
export { OfficerGate } from './OfficerGate';
export { useOfficer, useOfficerNames } from './use-officer';
