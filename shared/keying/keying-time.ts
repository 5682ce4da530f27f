// Keying time as the operator statistics count it: keystrokes that changed a field, and the
// time between them, per officer, book, day and pass. A gap longer than the idle limit is a
// pause, all of it (the officer was away, not keying), and so is the time the screen stood
// locked before the same officer came back to the same work the same day.

/** First keying, the blind second keying, and the arbitrator's settlement. */
export const keyingPasses = ['first', 'second', 'arbitration'] as const;
export type KeyingPass = (typeof keyingPasses)[number];

/** The data's setting (kept in a backup) that overrides the idle limit, in seconds. */
export const IDLE_PAUSE_KEY = 'keying.idlePauseSeconds';

/** A gap without input longer than this is counted as paused unless the setting says else. */
export const DEFAULT_IDLE_PAUSE_SECONDS = 60;
export const MIN_IDLE_PAUSE_SECONDS = 10;
export const MAX_IDLE_PAUSE_SECONDS = 600;

/** The setting's stored value as seconds; anything unreadable gives the default. */
export function idlePauseSecondsOf(stored: unknown): number {
  return typeof stored === 'number' &&
    Number.isInteger(stored) &&
    stored >= MIN_IDLE_PAUSE_SECONDS &&
    stored <= MAX_IDLE_PAUSE_SECONDS
    ? stored
    : DEFAULT_IDLE_PAUSE_SECONDS;
}

/** YYYY-MM-DD of a moment, in local time: the day a slot of keying time belongs to. */
export function localDayOf(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whose work, where, which day (YYYY-MM-DD, local) and which pass. */
export interface KeyingSlot {
  officerId: string;
  bookId: string;
  day: string;
  pass: KeyingPass;
}

/** What was keyed in one slot since the last flush. */
export interface KeyingDelta extends KeyingSlot {
  keystrokes: number;
  totalSeconds: number;
  pausedSeconds: number;
  fieldsKeyed: number;
}

export const slotId = (slot: KeyingSlot): string =>
  `${slot.officerId}|${slot.bookId}|${slot.day}|${slot.pass}`;

/** One keystroke that changed a field: `field` names the entry and field it went into. */
export interface Keystroke {
  officerId: string;
  bookId: string;
  pass: KeyingPass;
  field: string;
  at: number;
}

export interface KeyingMeter {
  key(stroke: Keystroke): void;
  /** The screen locked (or the officer signed out) at `at`: the time until they return is paused. */
  lock(at: number): void;
  /** The window went away (closed, hidden): the sitting ends without counting what follows. */
  end(): void;
  /** Everything counted since the last call, by slot, and forgets it. */
  take(): KeyingDelta[];
}

interface Sitting {
  slot: KeyingSlot;
  lastAt: number;
  lastField: string;
  lockedAt: number | null;
}

export function createKeyingMeter(options: {
  idleSeconds: () => number;
  dayOf: (at: number) => string;
}): KeyingMeter {
  let sitting: Sitting | null = null;
  let pending = new Map<string, KeyingDelta>();

  const deltaOf = (slot: KeyingSlot): KeyingDelta => {
    const id = slotId(slot);
    let delta = pending.get(id);
    if (!delta) {
      delta = { ...slot, keystrokes: 0, totalSeconds: 0, pausedSeconds: 0, fieldsKeyed: 0 };
      pending.set(id, delta);
    }
    return delta;
  };

  return {
    key(stroke) {
      const slot: KeyingSlot = {
        officerId: stroke.officerId,
        bookId: stroke.bookId,
        day: options.dayOf(stroke.at),
        pass: stroke.pass,
      };
      const delta = deltaOf(slot);
      const same = sitting !== null && slotId(sitting.slot) === slotId(slot);
      if (sitting && same && stroke.at >= sitting.lastAt) {
        const gap = (stroke.at - sitting.lastAt) / 1000;
        const lockedAt = sitting.lockedAt;
        // Before the lock: keyed unless it was already an idle gap; after it: paused.
        const beforeLock =
          lockedAt === null ? gap : Math.max(0, (lockedAt - sitting.lastAt) / 1000);
        const afterLock = gap - beforeLock;
        delta.totalSeconds += gap;
        delta.pausedSeconds += afterLock + (beforeLock > options.idleSeconds() ? beforeLock : 0);
      }
      // A field counts once for each visit that changed it.
      if (!same || sitting?.lastField !== stroke.field) delta.fieldsKeyed += 1;
      delta.keystrokes += 1;
      sitting = { slot, lastAt: stroke.at, lastField: stroke.field, lockedAt: null };
    },
    lock(at) {
      if (sitting && sitting.lockedAt === null) sitting.lockedAt = Math.max(at, sitting.lastAt);
    },
    end() {
      sitting = null;
    },
    take() {
      const all = [...pending.values()].filter(
        (delta) => delta.keystrokes > 0 || delta.totalSeconds > 0,
      );
      pending = new Map();
      return all;
    },
  };
}
