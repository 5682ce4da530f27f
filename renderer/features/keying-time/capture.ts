// The keying meter of this window: keystrokes that changed a field in any screen that types
// entries, the time between them, and the pauses (the screen locked, the officer away). What it
// counts is written in batches, never a write per keystroke: some seconds after typing starts,
// when the window loses focus or is hidden or closed, when the screen locks and when a form
// closes. A batch that could not be written (a full disk) is kept for the next one.
import {
  createKeyingMeter,
  DEFAULT_IDLE_PAUSE_SECONDS,
  localDayOf,
  type KeyingDelta,
  type KeyingPass,
} from '../../../shared/keying/keying-time';
import { repo, session } from '../../db';

/** How long counted keystrokes wait before they are written together. */
export const FLUSH_DELAY_MS = 10_000;

let idleSeconds = DEFAULT_IDLE_PAUSE_SECONDS;
const meter = createKeyingMeter({ idleSeconds: () => idleSeconds, dayOf: localDayOf });
let unsent: KeyingDelta[] = [];
let timer: number | undefined;
let installed = false;
let writing: Promise<boolean> = Promise.resolve(true);

export function setIdlePauseSeconds(seconds: number): void {
  idleSeconds = seconds;
}

/** Writes what was counted so far; true once it is on disk (or there was nothing). */
export function flushKeyingTime(): Promise<boolean> {
  if (timer !== undefined) {
    window.clearTimeout(timer);
    timer = undefined;
  }
  const batch = [...unsent, ...meter.take()];
  unsent = [];
  if (batch.length === 0) return writing;
  writing = writing.then(async () => {
    try {
      await repo.addKeyingTime(batch);
      return true;
    } catch (error) {
      console.warn('Keying time could not be written; kept for the next try', error);
      unsent = [...batch, ...unsent];
      return false;
    }
  });
  return writing;
}

/** Starts listening for the lock and the window going away, once per window. */
function install(): void {
  if (installed) return;
  installed = true;
  let officerId = session.officer()?.id ?? null;
  session.subscribe(() => {
    const now = session.officer()?.id ?? null;
    if (now === officerId) return;
    // Locked, signed out or switched: the time until the same officer keys again is paused.
    meter.lock(Date.now());
    officerId = now;
    void flushKeyingTime();
  });
  window.addEventListener('pagehide', () => {
    void flushKeyingTime();
    meter.end();
  });
  window.addEventListener('blur', () => void flushKeyingTime());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushKeyingTime();
  });
}

/** Input that a keystroke made: a character typed (or composed), or one taken away. */
const COUNTED_INPUT = new Set([
  'insertText',
  'insertCompositionText',
  'deleteContentBackward',
  'deleteContentForward',
  'deleteWordBackward',
  'deleteWordForward',
]);

export interface CaptureWhere {
  bookId: string;
  entryId: string;
  pass: KeyingPass;
}

/**
 * Counts the keystrokes that change a field inside `element` until the returned function is
 * called. Pasting, suggestions taken with Enter and values filled in by the form are not
 * keystrokes; a key that changes nothing (Backspace in an empty field) fires no input at all.
 */
export function captureKeying(element: HTMLElement, where: CaptureWhere): () => void {
  install();
  const onInput = (event: Event) => {
    const officer = session.officer();
    const target = event.target;
    if (
      !officer ||
      !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)
    ) {
      return;
    }
    const inputType = (event as InputEvent).inputType;
    if (!COUNTED_INPUT.has(inputType)) return;
    meter.key({
      officerId: officer.id,
      bookId: where.bookId,
      pass: where.pass,
      field: `${where.entryId}/${target.dataset.field ?? target.id}`,
      at: Date.now(),
    });
    timer ??= window.setTimeout(() => void flushKeyingTime(), FLUSH_DELAY_MS);
  };
  element.addEventListener('input', onInput, true);
  return () => {
    element.removeEventListener('input', onInput, true);
    void flushKeyingTime();
  };
}
