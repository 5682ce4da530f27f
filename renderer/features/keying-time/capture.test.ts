// The app's database module opens the browser's IndexedDB when it loads: a fake one first.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, session } from '../../db';
import { operatorSources } from '../../db/queries/stats';
import { seedOfficer } from '../../db/test-harness';
import { operatorLines } from '../stats/operators';
import { captureKeying, flushKeyingTime } from './capture';

// The little of a browser window the meter listens to: the window, the document and the
// fields it counts keystrokes in.
vi.hoisted(() => {
  const scope = globalThis as Record<string, unknown>;
  const target = new EventTarget();
  scope.window ??= Object.assign(globalThis, {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  });
  scope.document ??= Object.assign(new EventTarget(), { visibilityState: 'visible' });
  class FakeInput extends EventTarget {
    id = '';
    dataset: Record<string, string> = {};
  }
  scope.HTMLInputElement ??= FakeInput;
  scope.HTMLTextAreaElement ??= class FakeTextArea extends FakeInput {};
});

/** A field of a keying screen: input events whose target is the field itself. */
function field(key: string): HTMLInputElement {
  const input = new (
    globalThis as unknown as { HTMLInputElement: new () => HTMLInputElement }
  ).HTMLInputElement();
  input.dataset.field = key;
  return input;
}

function press(input: HTMLInputElement, inputType: string): void {
  input.dispatchEvent(Object.assign(new Event('input'), { inputType }));
}

describe('the keying meter on the second keying', () => {
  beforeAll(() => db.open());

  it("counts the verifier's keystrokes as the second keying of the verifier, not the first keyer", async () => {
    const keyerB = await seedOfficer(db, 'entry', 'Lê Văn Bình');
    session.signIn(keyerB);
    const name = field('nksHoTen');
    const stop = captureKeying(name, { bookId: 'b1', entryId: 'e1', pass: 'second' });
    const typed = 'Nguyễn Văn Ân';
    for (let i = 0; i < [...typed].length; i += 1) press(name, 'insertText');
    press(name, 'deleteContentBackward');
    // Pasted text and a suggestion taken are no keystrokes.
    press(name, 'insertFromPaste');
    press(name, 'insertReplacementText');
    stop();
    expect(await flushKeyingTime()).toBe(true);

    const rows = await db.keyingTime.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      officerId: keyerB.id,
      bookId: 'b1',
      pass: 'second',
      keystrokes: 14,
      fieldsKeyed: 1,
    });
    const { times, arbitrations, onlyOfficerId } = await operatorSources(db, keyerB.id);
    const [line] = operatorLines(times, arbitrations, 'officer', onlyOfficerId);
    expect(line).toMatchObject({ officerId: keyerB.id, keystrokes: 14 });
  });
});
