// A field's stored value is exactly what the officer's keys produced, changed on leaving the
// field only by the documented tidying: spaces collapsed, names capitalised, dates written
// dd.mm.yyyy from the same numbers, codes written as the list writes them. Random key
// sequences are played on a model of a text box (the field entered with its old value
// selected, as the form does) and what a commit makes of the result is checked against those
// rules, independently of how normalizeOnCommit is written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import { getCodeList } from '../../../shared/registers/code-lists';
import { normalizeOnCommit } from './normalize';

const ks = getTemplate('ks-70');
const field = (key: string) => {
  const found = fieldByKey(ks, key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};
const textField = field('nksNoiSinh');
const nameField = field('nksHoTen');
const dateField = field('ngayDangKy');
const codeField = field('nksGioiTinh');

type Key =
  | { type: 'char'; ch: string }
  | { type: 'Backspace' | 'Delete' | 'Home' | 'End' | 'ArrowLeft' | 'ArrowRight' };

/** A text box: its text, the caret, and a selection that the next key replaces or collapses. */
interface Box {
  text: string;
  caret: number;
  selected: boolean;
}

function press(box: Box, key: Key): Box {
  const chars = [...box.text];
  if (box.selected) {
    // The whole old value is selected on entering the field.
    switch (key.type) {
      case 'char':
        return { text: key.ch, caret: 1, selected: false };
      case 'Backspace':
      case 'Delete':
        return { text: '', caret: 0, selected: false };
      case 'Home':
      case 'ArrowLeft':
        return { ...box, caret: 0, selected: false };
      default:
        return { ...box, caret: chars.length, selected: false };
    }
  }
  const at = box.caret;
  switch (key.type) {
    case 'char':
      chars.splice(at, 0, key.ch);
      return { text: chars.join(''), caret: at + 1, selected: false };
    case 'Backspace':
      if (at === 0) return box;
      chars.splice(at - 1, 1);
      return { text: chars.join(''), caret: at - 1, selected: false };
    case 'Delete':
      chars.splice(at, 1);
      return { text: chars.join(''), caret: at, selected: false };
    case 'Home':
      return { ...box, caret: 0 };
    case 'End':
      return { ...box, caret: chars.length };
    case 'ArrowLeft':
      return { ...box, caret: Math.max(0, at - 1) };
    case 'ArrowRight':
      return { ...box, caret: Math.min(chars.length, at + 1) };
  }
}

const play = (old: string, keys: Key[]) =>
  keys.reduce(press, { text: old, caret: [...old].length, selected: old !== '' }).text;

const keysOf = (alphabet: string[]) =>
  fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(...alphabet).map((ch): Key => ({ type: 'char', ch })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('Backspace', 'Delete', 'Home', 'End', 'ArrowLeft', 'ArrowRight' as const)
          .map((type) => ({ type })),
      },
    ),
    { maxLength: 30 },
  );

const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƠNHỳễạọứ'];
const textKeys = keysOf([...letters, ' ', ' ', ',', '-', '0', '7']);
const randomDateKeys = keysOf([...'0123456789', '0', '1', '2', '.', '.', '/', '-', ' ', 'a']);
// Dates as officers type them (27082008, 27/8/08, 2008-08-27, 8.2008), then sometimes edited.
const typedDate = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1950, max: 2025 }),
    fc.constantFrom('ddmmyyyy', 'd/m/yyyy', 'dd-mm-yy', 'yyyy-mm-dd', 'm.yyyy', 'yyyy'),
  )
  .map(([d, m, y, form]) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    const written = {
      ddmmyyyy: `${p2(d)}${p2(m)}${y}`,
      'd/m/yyyy': `${d}/${m}/${y}`,
      'dd-mm-yy': `${p2(d)}-${p2(m)}-${p2(y % 100)}`,
      'yyyy-mm-dd': `${y}-${p2(m)}-${p2(d)}`,
      'm.yyyy': `${m}.${y}`,
      yyyy: `${y}`,
    }[form];
    return [...written].map((ch): Key => ({ type: 'char', ch }));
  });
const dateKeys = fc.oneof(
  randomDateKeys,
  typedDate,
  fc.tuple(typedDate, randomDateKeys).map(([a, b]) => [...a, ...b]),
);
const oldValue = fc.constantFrom('', 'Nguyễn Văn Lực', '12.03.1990', 'Trạm y tế xã');

const spaces = (text: string) => text.replace(/\s+/gu, ' ').trim();
const numbersIn = (text: string) => (text.match(/\d+/gu) ?? []).map(Number);
const runs = { numRuns: 300, seed: 1402 };

describe('a field holds what the keys produced', () => {
  it('the old value is gone once a key is typed over it: entering a field selects it', () => {
    expect(play('Nguyễn Văn Lực', [{ type: 'char', ch: 'p' }])).toBe('p');
    expect(
      play(
        '12.03.1990',
        [...'04101981'].map((ch): Key => ({ type: 'char', ch })),
      ),
    ).toBe('04101981');
  });

  it('a text field keeps every character typed; only runs of spaces are collapsed', () => {
    fc.assert(
      fc.property(oldValue, textKeys, (old, keys) => {
        const typed = play(old, keys);
        expect(normalizeOnCommit(textField, typed)).toBe(spaces(typed));
      }),
      runs,
    );
  });

  it('a name keeps every letter typed; only the case of letters and spaces change', () => {
    fc.assert(
      fc.property(oldValue, textKeys, (old, keys) => {
        const typed = play(old, keys);
        const stored = normalizeOnCommit(nameField, typed);
        expect(stored.toLocaleLowerCase('vi')).toBe(spaces(typed).toLocaleLowerCase('vi'));
      }),
      runs,
    );
  });

  it('a date is kept as typed, or written dd.mm.yyyy from the very numbers typed', () => {
    fc.assert(
      fc.property(oldValue, dateKeys, (old, keys) => {
        const typed = play(old, keys);
        const stored = normalizeOnCommit(dateField, typed);
        if (stored === spaces(typed)) return;
        expect(stored).toMatch(/^(\d{2}\.){0,2}\d{4}$/u);
        const storedNumbers = numbersIn(stored);
        const digitsOnly = typed.replace(/[\s./-]+$/u, '').trim();
        if (/^\d+$/u.test(digitsOnly)) {
          // 27082008, 270808, 082008, 2008: the same digits, a two-digit year completed.
          const written = stored.replaceAll('.', '');
          const shortYear = written.slice(0, -4) + written.slice(-2);
          expect([written, shortYear]).toContain(digitsOnly);
        } else {
          // 27/8/2008, 27-08-08, 2008-08-27: the same numbers in day, month, year order.
          const typedNumbers = numbersIn(typed);
          const inOrder =
            String(typedNumbers[0]).length === 4 && /^\s*\d{4}\D/u.test(typed)
              ? [...typedNumbers].reverse()
              : typedNumbers;
          expect(inOrder.length).toBe(storedNumbers.length);
          inOrder.forEach((n, i) => {
            const s = storedNumbers[i]!;
            expect(i === inOrder.length - 1 ? [s, s % 100] : [s]).toContain(n);
          });
        }
      }),
      runs,
    );
  });

  it('a code field holds what was typed, or the list entry the typed text names', () => {
    const list = getCodeList(codeField.codeListId!);
    const written = new Set(list.items.map((item) => item.code));
    fc.assert(
      fc.property(oldValue, textKeys, (old, keys) => {
        const typed = play(old, keys);
        const stored = normalizeOnCommit(codeField, typed);
        if (stored !== spaces(typed)) expect(written).toContain(stored);
      }),
      runs,
    );
  });

  it('leaving a field again changes nothing: what is stored is stored', () => {
    const anyKeys = fc.oneof(textKeys, dateKeys);
    fc.assert(
      fc.property(
        fc.constantFrom(textField, nameField, dateField, codeField, field('nycQuanHe')),
        oldValue,
        anyKeys,
        (target, old, keys) => {
          const once = normalizeOnCommit(target, play(old, keys));
          expect(normalizeOnCommit(target, once)).toBe(once);
        },
      ),
      runs,
    );
  });
});
