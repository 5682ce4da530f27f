// Types the scripted book into the real app in Chromium and counts keys: with the app's
// features (suggestions, ditto, autocomplete, shorthand dates) against typing every field
// in full. Every finished entry is read back and compared with the script.
import type { Page } from '@playwright/test';
import { fieldByKey, getTemplate } from '../shared/registers';
import { addBookValues, optionsFor, type BookValues } from '../renderer/features/entry/suggestions';
import { typingFixture, type Entry } from './typing-fixture';
import { setUpAdministrator } from './first-run';

const template = getTemplate('ks-70');

export interface TypingResult {
  withFeatures: number;
  inFull: number;
  entries: number;
  mismatches: string[];
}

interface FieldState {
  key: string;
  value: string;
  suggestion: string;
  placeholder: string;
  suggested: boolean;
  combobox: boolean;
  kind: 'date' | 'words' | 'other';
}

// Runs in the page: what the focused field holds and offers (the suggestion as shown in it).
const READ_FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || !el.dataset || !el.dataset.field) return null;
  const key = el.dataset.field;
  const shown = el.parentElement && el.parentElement.querySelector('.field-suggestion');
  return {
    key,
    value: el.value,
    suggestion: shown ? shown.textContent : '',
    placeholder: el.placeholder || '',
    suggested: Boolean(shown),
    combobox: el.getAttribute('role') === 'combobox',
    kind: key.endsWith('BangChu') ? 'words' : el.placeholder === 'dd.mm.yyyy' || /NgaySinh$|ngayDangKy$/.test(key) ? 'date' : 'other',
  };
})()`;

const READ_ALL = `Object.fromEntries([...document.querySelectorAll('[data-field]')]
  .filter((el) => el.getClientRects().length > 0)
  .map((el) => [el.dataset.field, el.value]))`;

/** The shortest way to type a date the app understands: digits only. */
function shorthandDate(value: string): string {
  return value.replace(/\./g, '');
}

/**
 * The shortest prefix after which the app's first option is the wanted value. Planned with
 * the app's own option logic and a copy of the book's values, to spare a round trip per
 * character; every entry is read back afterwards, so a wrong plan shows as a mismatch.
 */
function shortestPrefix(key: string, expected: string, values: BookValues): string | null {
  const field = fieldByKey(template, key);
  if (!field) return null;
  const chars = [...expected];
  for (let n = 1; n <= chars.length; n++) {
    const prefix = chars.slice(0, n).join('');
    if (optionsFor(field, prefix, values)[0]?.value === expected) return prefix;
  }
  return null;
}

async function typeField(
  page: Page,
  field: FieldState,
  expected: string,
  previous: Entry | undefined,
  values: BookValues,
): Promise<number> {
  const press = async (key: string) => page.keyboard.press(key);
  if (field.kind === 'words' || field.value === expected) {
    await press('Enter');
    return 1;
  }
  if (expected === '') {
    if (!field.suggested) {
      await press('Enter');
      return 1;
    }
    await press('Escape');
    await press('Enter');
    return 2;
  }
  if (field.suggested && field.suggestion === expected) {
    await press('Enter');
    return 1;
  }
  if (previous?.[field.key] === expected) {
    await press('Control+d');
    await press('Enter');
    return 2;
  }
  if (field.combobox) {
    const prefix = shortestPrefix(field.key, expected, values);
    if (prefix !== null) {
      await page.keyboard.type(prefix);
      await press('Enter');
      return [...prefix].length + 1;
    }
    // No option leads there: type it all, close whatever is offered, move on.
    await page.keyboard.type(expected);
    await press('Escape');
    await press('Enter');
    return [...expected].length + 2;
  }
  const text = field.kind === 'date' ? shorthandDate(expected) : expected;
  await page.keyboard.type(text);
  await press('Enter');
  return [...text].length + 1;
}

/** Polls rather than waitForFunction: the app's CSP rightly forbids evaluating strings. */
async function waitForSo(page: Page, so: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const value = await page.evaluate<string | null>(
      `document.getElementById('f-so') && document.getElementById('f-so').value`,
    );
    if (value === so) return;
    await page.waitForTimeout(25);
  }
  throw new Error(`entry ${so} did not open`);
}

async function expectSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Đã lưu$/ })
    .waitFor();
}

export async function benchTyping(page: Page, baseUrl: string, count = 50): Promise<TypingResult> {
  const entries = typingFixture(count);
  await page.goto(`${baseUrl}/`);
  await setUpAdministrator(page);
  await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo sổ mới' });
  await dialog.getByLabel('Quyển số').fill('01/2008');
  await dialog.getByLabel('Nơi đăng ký').fill('UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng');
  await dialog.getByLabel('Người ký', { exact: true }).fill('Lê Đức Tuấn');
  await dialog.getByLabel('Chức vụ người ký').fill('Chủ tịch UBND xã');
  await dialog.getByLabel('Người thực hiện').fill('Nguyễn Văn Sơn');
  await dialog.getByRole('button', { name: 'Tạo sổ' }).click();
  await page.getByRole('button', { name: 'Thêm trường hợp' }).click();

  let withFeatures = 1;
  let inFull = 1;
  const values: BookValues = new Map();
  const mismatches: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const expected = entries[i] ?? {};
    const previous = entries[i - 1];
    await waitForSo(page, String(i + 1));
    // A person's first keystroke comes well after the form has its suggestions; wait for them
    // rather than type into a form still loading the previous entry.
    if (i > 0) await page.locator('.has-suggestion > #f-trangSo').waitFor();
    const defaults = await page.evaluate<Record<string, string>>(READ_ALL);
    const lastKey = 'nycQuanHe';
    for (;;) {
      const field = await page.evaluate<FieldState | null>(READ_FOCUSED);
      if (!field) throw new Error(`entry ${i + 1}: focus left the form`);
      const want = expected[field.key] ?? defaults[field.key] ?? '';
      withFeatures += await typeField(page, field, want, previous, values);
      addBookValues(template, values, { [field.key]: want });
      if (field.key === lastKey) break;
    }
    // Typing every field in full: each value and a key to move on (the words field only moves on).
    for (const [key, value] of Object.entries(defaults)) {
      const want = expected[key] ?? value;
      inFull += key.endsWith('BangChu') ? 1 : [...want].length + 1;
    }
    await expectSaved(page);
    const typed = await page.evaluate<Record<string, string>>(READ_ALL);
    for (const [key, want] of Object.entries(expected)) {
      if (key.endsWith('BangChu')) continue;
      if ((typed[key] ?? '') !== want)
        mismatches.push(`${i + 1}.${key}: "${typed[key]}" ≠ "${want}"`);
    }
    if ((i + 1) % 10 === 0) console.log(`typing: ${i + 1}/${entries.length} entries`);
    if (i < entries.length - 1) {
      await page.keyboard.press('Control+Enter');
      withFeatures += 1;
      inFull += 1;
    }
  }
  return { withFeatures, inFull, entries: entries.length, mismatches };
}

/** Copies the book's entries up to `total` straight into IndexedDB, as a long book would be. */
export const seedEntries = (total: number) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('sohoa');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    const all = store.getAll();
    all.onsuccess = () => {
      const model = all.result[0];
      for (let n = all.result.length; n < ${total}; n++) {
        store.put({ ...model, id: 'seed-' + n, fields: { ...model.fields, so: String(100000 + n) },
          nameKey: 'nguoi ' + n, createdAt: n, updatedAt: n });
      }
    };
    tx.oncomplete = () => { db.close(); resolve(null); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/**
 * Ctrl+Enter to the next entry's form, timed inside the page from the keydown to the first
 * frame showing the new entry with a field focused. Installed before the key is sent.
 */
const ARM_NEXT_TIMER = `(() => {
  const timer = { before: document.getElementById('f-so').value, start: 0, end: 0 };
  window.__nextTimer = timer;
  const onKey = (event) => {
    if (event.ctrlKey && event.key === 'Enter') timer.start = performance.now();
  };
  window.addEventListener('keydown', onKey, true);
  const check = () => {
    const so = document.getElementById('f-so');
    const focused = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.field;
    if (timer.start > 0 && so && so.value !== timer.before && focused) {
      timer.end = performance.now();
      window.removeEventListener('keydown', onKey, true);
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  return true;
})()`;

const READ_NEXT_TIMER = `new Promise((resolve) => {
  const poll = () => {
    const timer = window.__nextTimer;
    if (timer && timer.end > 0) resolve(timer.end - timer.start);
    else setTimeout(poll, 5);
  };
  poll();
})`;

export async function benchSaveAndNext(
  page: Page,
  total = 10_000,
  samples = 30,
  onSeeded: () => Promise<void> = async () => {},
): Promise<number[]> {
  await page.evaluate(seedEntries(total));
  await page.reload();
  await page.locator('#f-so').waitFor();
  const timings: number[] = [];
  console.log(`save-and-open-next: ${total} entries seeded`);
  await onSeeded();
  for (let i = 0; i < samples; i++) {
    await page.locator('#f-nksHoTen').fill(`Người thử ${i}`);
    await page.evaluate(ARM_NEXT_TIMER);
    await page.keyboard.press('Control+Enter');
    timings.push(await page.evaluate<number>(READ_NEXT_TIMER));
  }
  return timings;
}
