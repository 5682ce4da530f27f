// The life of an entry as one table: its statuses, what each means to the export and the
// statistics, and the transitions between them with who may take them and what else must hold.
// The data layer, the entry list's status filter, the review queue, the export rule, the
// statistics, the audit check and the history all read this table, so a new state (blind
// double keying, arbitration) is new rows here rather than a string added to a dozen files.
//
// Readers take a workflow as an argument, defaulting to `entryWorkflow`; a test builds one with
// an extra row to see a state travel through them.
import type { Permission } from './roles';

/** What a status means outside the workflow itself. */
export interface StatusRule<S extends string = string> {
  status: S;
  /**
   * 'work': the entry counts as entered in progress and statistics. 'setAside': kept in the book
   * and the log, but counted apart, out of the numbering checks, never exported, and no reason to
   * stop a whole-book export.
   */
  tally: 'work' | 'setAside';
  /**
   * Whether the export takes it: 'always'; 'whenBookAllows' only where the book lets entries
   * still waiting for review go (teams without a reviewer); 'never'.
   */
  export: 'always' | 'whenBookAllows' | 'never';
}

/** Why a transition's guard refuses, as the data layer's error codes name it. */
export type GuardRefusal = 'own-entry' | 'same-keyer' | 'keying-in-progress' | 'wrong-status';

/** What a guard may look at: the entry as stored and the acting officer. */
export interface GuardedEntry {
  createdBy?: string;
  submittedBy?: string;
  voided?: unknown;
  /** Blind double keying: the first (a) and the second (b) keyer. */
  keying?: { a?: string; b?: string };
}

export interface Transition<S extends string = string, E extends string = string> {
  event: E;
  from: readonly S[];
  to: S;
  /** What the acting officer's role must allow. */
  permission: Permission;
  /** A further refusal, checked against the entry and the acting officer. */
  guard?: (entry: GuardedEntry, officerId: string) => GuardRefusal | null;
  /** The officer must give a reason; it goes into the audit event. */
  needsReason?: boolean;
  /** The entry must be ready: no errors, every warning confirmed. */
  needsReady?: boolean;
  /** The entry's book must not be archived. */
  needsOpenBook?: boolean;
}

export interface Workflow<S extends string = string, E extends string = string> {
  /** In the order the status menu offers them: the life of an entry. */
  statuses: readonly S[];
  rules: readonly StatusRule<S>[];
  transitions: readonly Transition<S, E>[];
}

export function defineWorkflow<S extends string, E extends string>(
  rules: readonly StatusRule<S>[],
  transitions: readonly Transition<S, E>[],
): Workflow<S, E> {
  return { statuses: rules.map((rule) => rule.status), rules, transitions };
}

/** The same workflow with more rows: how a new state is added. */
export function extendWorkflow<S extends string, E extends string>(
  base: Workflow<string, string>,
  rules: readonly StatusRule<S>[],
  transitions: readonly Transition<S, E>[],
): Workflow {
  return defineWorkflow<string, string>(
    [...base.rules, ...rules],
    [...base.transitions, ...transitions],
  );
}

const statusRules = [
  /** Lưu nháp: being typed. */
  { status: 'draft', tally: 'work', export: 'never' },
  /** Chờ nhập lần hai: keyed once in a double-keyed book (or drawn in a sample), blind. */
  { status: 'keyedOnce', tally: 'work', export: 'never' },
  /** Chờ đối chiếu: keyed twice, waiting for a third officer to settle the differences. */
  { status: 'keyedTwice', tally: 'work', export: 'never' },
  /** Đã đối chiếu: settled, waiting for a reviewer where the book asks for one. */
  { status: 'arbitrated', tally: 'work', export: 'never' },
  /** Chờ rà soát: waiting for a reviewer. */
  { status: 'submitted', tally: 'work', export: 'whenBookAllows' },
  /** Đã phê duyệt. */
  { status: 'approved', tally: 'work', export: 'always' },
  /** Từ chối: back with its officer, the reason in view. */
  { status: 'rejected', tally: 'work', export: 'never' },
  /**
   * Đã hủy: voided with a reason. A status of its own rather than a flag beside one, so every
   * check that lets an entry out refuses it without having to know about voiding.
   */
  { status: 'voided', tally: 'setAside', export: 'never' },
] as const satisfies readonly StatusRule[];

/** Lưu nháp → Chờ rà soát → Đã phê duyệt / Từ chối, as in the Ministry's tool; and Đã hủy. */
export type EntryStatus = (typeof statusRules)[number]['status'];

/** Reviewers decide only on entries someone else typed, keyed a second time or submitted. */
const notOwnEntry = (entry: GuardedEntry, officerId: string): GuardRefusal | null =>
  entry.createdBy === officerId ||
  entry.submittedBy === officerId ||
  entry.keying?.a === officerId ||
  entry.keying?.b === officerId
    ? 'own-entry'
    : null;

/** The second keying is never the first keyer's. */
const notFirstKeyer = (entry: GuardedEntry, officerId: string): GuardRefusal | null =>
  (entry.keying?.a ?? entry.createdBy) === officerId ? 'same-keyer' : null;

/** The arbitrator is a third officer: neither keyer. */
const neitherKeyer = (entry: GuardedEntry, officerId: string): GuardRefusal | null =>
  notFirstKeyer(entry, officerId) ?? (entry.keying?.b === officerId ? 'same-keyer' : null);

/**
 * An entry on its way through double keying is not its keyers' to take back: reopening it would
 * change the first keying before it is compared, or show it to the second keyer.
 */
const notItsKeyer = (entry: GuardedEntry, officerId: string): GuardRefusal | null =>
  (entry.keying?.a ?? entry.createdBy) === officerId || entry.keying?.b === officerId
    ? 'keying-in-progress'
    : null;

const live = [
  'draft',
  'keyedOnce',
  'keyedTwice',
  'arbitrated',
  'submitted',
  'approved',
  'rejected',
] as const;

const transitions = [
  /** Only entries still being typed, or sent back, can be submitted. */
  {
    event: 'submit',
    from: ['draft', 'rejected'],
    to: 'submitted',
    permission: 'enter',
    needsReady: true,
    needsOpenBook: true,
  },
  /** In a double-keyed book, the first keying done: the entry waits for a second, blind one. */
  {
    event: 'key-first',
    from: ['draft', 'rejected'],
    to: 'keyedOnce',
    permission: 'enter',
    needsOpenBook: true,
  },
  /** A supervisor's random sample sends a trusted keyer's entry to a second keying. */
  {
    event: 'sample',
    from: ['submitted', 'approved'],
    to: 'keyedOnce',
    permission: 'review',
    needsOpenBook: true,
  },
  /** The second keying done, by another officer than the first. */
  {
    event: 'key-second',
    from: ['keyedOnce'],
    to: 'keyedTwice',
    permission: 'enter',
    guard: notFirstKeyer,
    needsOpenBook: true,
  },
  /** A third officer settles every difference; the settled values become the entry's. */
  {
    event: 'arbitrate',
    from: ['keyedTwice'],
    to: 'arbitrated',
    permission: 'review',
    guard: neitherKeyer,
    needsOpenBook: true,
  },
  {
    event: 'approve',
    from: ['submitted', 'arbitrated'],
    to: 'approved',
    permission: 'review',
    guard: notOwnEntry,
    // An entry changed by another since submission (a số now repeated) is not approved into
    // an export that would refuse it.
    needsReady: true,
    needsOpenBook: true,
  },
  {
    event: 'reject',
    from: ['submitted', 'arbitrated'],
    to: 'rejected',
    permission: 'review',
    guard: notOwnEntry,
    needsReason: true,
    needsOpenBook: true,
  },
  /**
   * A change to a submitted or approved entry's content that the officer did not type (a
   * template move dropping a field) withdraws it: what the reviewer saw is no longer what would
   * be exported. A rejected entry stays rejected, with its reason in view. Taken as part of the
   * change that causes it, under that change's permission.
   */
  { event: 'withdraw', from: ['submitted', 'approved'], to: 'draft', permission: 'enter' },
  /** Submitted and approved entries change only after the officer reopens them, with a reason. */
  {
    event: 'reopen',
    from: ['arbitrated', 'submitted', 'approved'],
    to: 'draft',
    permission: 'enter',
    needsReason: true,
    needsOpenBook: true,
  },
  /**
   * So do entries on their way through double keying, whose keyings must stay as compared; but
   * only a supervisor who keyed neither side takes them back.
   */
  {
    event: 'reopen',
    from: ['keyedOnce', 'keyedTwice'],
    to: 'draft',
    permission: 'review',
    guard: notItsKeyer,
    needsReason: true,
    needsOpenBook: true,
  },
  /** Any officer who types may void any entry not already voided, with a reason. */
  {
    event: 'void',
    from: live,
    to: 'voided',
    permission: 'enter',
    needsReason: true,
    needsOpenBook: true,
  },
  /** A supervisor brings a voided entry back as a draft, to be checked and submitted again. */
  {
    event: 'restore',
    from: ['voided'],
    to: 'draft',
    permission: 'review',
    // A voided entry keeps how it was voided; one without that record is not ours to restore.
    guard: (entry) => (entry.voided === undefined ? 'wrong-status' : null),
    needsReason: true,
    needsOpenBook: true,
  },
] as const satisfies readonly Transition<EntryStatus>[];

/** The events that move an entry from one status to another. */
export type EntryEvent = (typeof transitions)[number]['event'];

export const entryWorkflow: Workflow<EntryStatus, EntryEvent> = defineWorkflow<
  EntryStatus,
  EntryEvent
>(statusRules, transitions);

/** Every status, in the order of an entry's life. */
export const entryStatuses = entryWorkflow.statuses as readonly [EntryStatus, ...EntryStatus[]];

/** The events that set an entry's status, which the audit log records under their own name. */
export const entryEvents: readonly EntryEvent[] = [
  ...new Set(transitions.map((row): EntryEvent => row.event)),
];

// ── Reading the table ──────────────────────────────────────────────────────────────────────

export function ruleOf<S extends string>(status: S, workflow: Workflow<S, string>): StatusRule<S> {
  const rule = workflow.rules.find((row) => row.status === status);
  if (!rule) throw new Error(`Unknown entry status ${status}`);
  return rule;
}

/** The transition an event takes from this status, if the table has one. */
export function transitionFrom<S extends string, E extends string>(
  event: E,
  status: S,
  workflow: Workflow<S, E>,
): Transition<S, E> | undefined {
  return workflow.transitions.find((row) => row.event === event && row.from.includes(status));
}

/** The statuses an event starts from. */
export function statusesFrom<S extends string, E extends string>(
  event: E,
  workflow: Workflow<S, E>,
): S[] {
  return workflow.statuses.filter((status) => transitionFrom(event, status, workflow));
}

/** Whether an entry in this status is kept apart from the work (voided). */
export function isSetAside(status: string, workflow: Workflow = entryWorkflow): boolean {
  return ruleOf(status, workflow).tally === 'setAside';
}

/** Whether the export takes an entry in this status, given the book's setting. */
export function exportsStatus(
  status: string,
  bookAllowsSubmitted: boolean,
  workflow: Workflow = entryWorkflow,
): boolean {
  const rule = ruleOf(status, workflow).export;
  return rule === 'always' || (rule === 'whenBookAllows' && bookAllowsSubmitted);
}

/** The statuses that wait for a reviewer's decision: the review queue. */
export function awaitingReview(workflow: Workflow = entryWorkflow): string[] {
  return statusesFrom('approve', workflow);
}

/** The statuses a rejection sends an entry back to its officer in. */
export function returnedStatuses(workflow: Workflow = entryWorkflow): string[] {
  return [
    ...new Set(workflow.transitions.filter((row) => row.event === 'reject').map((row) => row.to)),
  ];
}

/** The statuses kept apart from the work (voided). */
export function setAsideStatuses(workflow: Workflow = entryWorkflow): string[] {
  return workflow.rules.filter((rule) => rule.tally === 'setAside').map((rule) => rule.status);
}

/**
 * Whether this officer may decide on this entry, as the review transitions' guard says (nobody
 * approves an entry they typed or submitted). The queue shows only these; the data layer
 * checks the same guard when the decision is written.
 */
export function mayDecide(
  entry: GuardedEntry & { status: string },
  officerId: string,
  workflow: Workflow = entryWorkflow,
): boolean {
  const transition = transitionFrom('approve', entry.status, workflow);
  return transition !== undefined && (transition.guard?.(entry, officerId) ?? null) === null;
}

/** Any entry not already voided can be voided, whatever its review status. */
export function canVoid(status: EntryStatus): status is Exclude<EntryStatus, 'voided'> {
  return transitionFrom('void', status, entryWorkflow) !== undefined;
}

/** Only entries still being typed, or sent back, can be submitted. */
export function canSubmit(status: EntryStatus): boolean {
  return transitionFrom('submit', status, entryWorkflow) !== undefined;
}

/** Only submitted entries wait for a decision. */
export function canReview(status: EntryStatus): boolean {
  return transitionFrom('approve', status, entryWorkflow) !== undefined;
}

/**
 * Status after someone changes an entry's content: a submitted or approved entry is withdrawn,
 * any other keeps its status.
 */
export function statusAfterEdit(status: EntryStatus): EntryStatus {
  return transitionFrom('withdraw', status, entryWorkflow)?.to ?? status;
}

/**
 * Submitted and approved entries hold what a reviewer is looking at or has passed: their fields
 * change only after the officer reopens them, with a reason, as a step of its own.
 */
export function needsReopen(status: EntryStatus): boolean {
  return transitionFrom('reopen', status, entryWorkflow) !== undefined;
}

type TransitionOf<E extends EntryEvent> = Extract<(typeof transitions)[number], { event: E }>;

/** The statuses an event of the standard workflow starts from, as a type. */
export type StatusFrom<E extends EntryEvent> = TransitionOf<E>['from'][number];

/** The status an event of the standard workflow leads to, as a type. */
export type StatusAfter<E extends EntryEvent> = TransitionOf<E>['to'];

/** The status of an entry just created or imported. */
export const newEntryStatus = 'draft' satisfies EntryStatus;
