// Who may do what. The data layer asks these questions before every write, so a hidden button
// is never the only thing standing between an officer and an action.
import {
  entryWorkflow,
  transitionFrom,
  type EntryEvent,
  type EntryStatus,
  type GuardedEntry,
} from './workflow';

export const officerRoles = ['entry', 'review', 'admin'] as const;
/** Nhập liệu, Rà soát, Quản trị. */
export type OfficerRole = (typeof officerRoles)[number];

export type Permission =
  /** Create books, import scans, type and submit entries. */
  | 'enter'
  /** Approve or reject entries submitted by others. */
  | 'review'
  /** Add officers, change roles, reset PINs, check the audit log. */
  | 'administer';

const grants: Record<OfficerRole, readonly Permission[]> = {
  entry: ['enter'],
  review: ['enter', 'review'],
  admin: ['enter', 'review', 'administer'],
};

export function can(role: OfficerRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/**
 * Whether this officer may take this step on this entry now: the table has it from the entry's
 * status, the officer's role holds its permission and its guard lets them. The screens offer
 * only these; the data layer asks the same before it writes.
 */
export function mayTake(
  event: EntryEvent,
  entry: GuardedEntry & { status: EntryStatus },
  officer: { id: string; role: OfficerRole },
): boolean {
  const transition = transitionFrom(event, entry.status, entryWorkflow);
  return (
    transition !== undefined &&
    can(officer.role, transition.permission) &&
    (transition.guard?.(entry, officer.id) ?? null) === null
  );
}

// The entry statuses and the questions about them live in the workflow table (workflow.ts).
export {
  canReview,
  canSubmit,
  canVoid,
  needsReopen,
  statusAfterEdit,
  type EntryStatus,
} from './workflow';

/** PINs are 4 to 8 digits: quick at a shift change, still not guessable at a glance. */
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;

/** Only digits, 4 to 8 of them: what sign-in accepts, including PINs set before the rules below. */
export function isPinShaped(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin);
}

/**
 * A PIN anyone would try first: one digit repeated (1111) or a straight run up or down (1234,
 * 9876, 0123). The officers' hint forbids them; a new PIN is refused when it is one.
 */
export function isEasyPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => digit - (digits[index] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? NaN);
}

/** Why a new PIN is refused, or null when it may be set. */
export function pinProblem(pin: string): 'invalid-pin' | 'easy-pin' | null {
  if (!isPinShaped(pin)) return 'invalid-pin';
  return isEasyPin(pin) ? 'easy-pin' : null;
}

/** Whether a PIN may be set now: shaped right and not one anyone would try first. */
export function isValidPin(pin: string): boolean {
  return pinProblem(pin) === null;
}
