// Who may do what. The data layer asks these questions before every write, so a hidden button
// is never the only thing standing between an officer and an action.

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
 * Lưu nháp → Chờ rà soát → Đã phê duyệt / Từ chối, as in the Ministry's tool; and Đã hủy: an
 * entry voided with a reason. Voided is a status of its own rather than a flag beside one, so
 * every check that lets an entry out (export takes approved, review takes submitted) refuses a
 * voided entry without having to know about voiding.
 */
export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'voided';

/** Any entry not already voided can be voided, whatever its review status. */
export function canVoid(status: EntryStatus): status is Exclude<EntryStatus, 'voided'> {
  return status !== 'voided';
}

/** Only entries still being typed, or sent back, can be submitted. */
export function canSubmit(status: EntryStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** Only submitted entries wait for a decision. */
export function canReview(status: EntryStatus): boolean {
  return status === 'submitted';
}

/**
 * Status after someone changes an entry's content. A change to a submitted or approved entry
 * withdraws it: what the reviewer saw is no longer what would be exported. A rejected entry
 * stays rejected, with its reason in view, until it is submitted again.
 */
export function statusAfterEdit(status: EntryStatus): EntryStatus {
  if (status === 'voided') return 'voided';
  return status === 'rejected' ? 'rejected' : 'draft';
}

/**
 * Submitted and approved entries hold what a reviewer is looking at or has passed: their fields
 * change only after the officer reopens them, with a reason, as a step of its own.
 */
export function needsReopen(status: EntryStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

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
