// The browser is killed (SIGKILL) at random moments while an officer types, again and again.
// After each restart every value that was on screen with "Đã lưu" must be there, the database
// must open, and the app must be back on the same entry. The kills are spread over a few tests,
// each on its own profile and seed, so both workers share them and each test's time limit
// follows its own rounds. Replay a failed test by the seed its title names:
//   npx playwright test crash-loop -g "seed <seed>"
// or try other seeds with CRASH_SEED (the first), CRASH_KILLS (20 at least) and CRASH_RUNS.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRows, killBrowser, launchProfile, removeProfile } from './crash-browser';
import { BooksScreen, Workspace } from './models';
import { seededRandom } from '../../shared/seeded-random';

const SEED = Number(process.env.CRASH_SEED ?? 20261121);
/** At least 20 kills in every run of the suite, whatever the variables say. */
const KILLS = Math.max(20, Number(process.env.CRASH_KILLS ?? 20));
const RUNS = Math.max(1, Number(process.env.CRASH_RUNS ?? 2));
const KILLS_PER_RUN = Math.ceil(KILLS / RUNS);
/**
 * Time a test may take: the first launch, sign-up and book, then each round's launch, checks,
 * typing and kill. A round takes 5–10 s on a quiet machine; the allowance is several times
 * that, for a slow and loaded one.
 */
const SETUP_MS = 120_000;
const ROUND_MS = 60_000;

/** Free-text fields: what is typed is stored as typed, so prefixes can be compared. */
const FIELDS = ['Nơi sinh', 'Quê quán', 'Nơi cư trú mẹ', 'Nơi cư trú cha', 'Ghi chú'] as const;
type Label = (typeof FIELDS)[number];
type Values = Record<Label, string>;

const WORDS = [
  'Thôn',
  'Bản',
  'xã',
  'An',
  'Nhơn',
  'Mường',
  'Tè',
  'Đạ',
  'Tẻh',
  'Lâm',
  'Đồng',
  'Trạm',
  'y',
  'tế',
  'số',
  '3,',
  '12',
  'Hòa',
  'Bình',
  'Quảng',
  'Ngãi',
];

declare global {
  interface Window {
    sohoaTestSaved?: (values: Record<string, string>) => Promise<void>;
  }
}

/**
 * In the page: each time the indicator turns to "Đã lưu", report every field's value by its
 * label. Those are the values the officer was told are safe.
 */
function reportSavedValues(): void {
  let wasSaved = false;
  const check = () => {
    const status = document.querySelector('.save-state');
    const isSaved = status?.textContent === 'Đã lưu';
    if (isSaved && !wasSaved) {
      const values: Record<string, string> = {};
      for (const input of document.querySelectorAll<HTMLInputElement>('[data-field]')) {
        const label = document.querySelector(`label[for="${input.id}"]`)?.textContent;
        if (label) values[label] = input.value;
      }
      void window.sohoaTestSaved?.(values);
    }
    wasSaved = isSaved;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

async function readFields(workspace: Workspace): Promise<Values> {
  const values = {} as Values;
  for (const label of FIELDS) values[label] = await workspace.field(label).inputValue();
  return values;
}

/** Typing in bursts, sometimes pausing long enough for the autosave to write. */
async function typeInBursts(page: Page, text: string, random: () => number): Promise<void> {
  let at = 0;
  while (at < text.length) {
    const burst = text.slice(at, at + 2 + Math.floor(random() * 6));
    at += burst.length;
    await page.keyboard.type(burst, { delay: 15 + Math.floor(random() * 45) });
    if (random() < 0.4) await page.waitForTimeout(350 + Math.floor(random() * 400));
  }
}

let profile: string;

test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'sohoa-crash-'));
});
test.afterEach(async () => {
  await removeProfile(profile);
});

for (let run = 0; run < RUNS; run++) {
  const seed = SEED + run;
  test(`killing the browser ${KILLS_PER_RUN} times while typing loses nothing shown as saved (seed ${seed})`, async () => {
    test.setTimeout(SETUP_MS + KILLS_PER_RUN * ROUND_MS);
    await killWhileTyping(seed, KILLS_PER_RUN);
  });
}

async function killWhileTyping(seed: number, kills: number): Promise<void> {
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const random = seededRandom(seed);
  let entryUrl = '';
  /** Values as of the last "Đã lưu" seen before the kill. */
  let saved: Values | null = null;
  /** The field typed into when the browser died, and what was being typed. */
  let typing: { label: Label; text: string; settledFocus: boolean } | null = null;

  for (let round = 0; round <= kills; round++) {
    const context = await launchProfile(profile);
    const snapshots: Record<string, string>[] = [];
    await context.exposeBinding('sohoaTestSaved', (_source, values: Record<string, string>) => {
      snapshots.push(values);
    });
    await context.addInitScript(reportSavedValues);
    const page = context.pages()[0] ?? (await context.newPage());
    const workspace = new Workspace(page);

    if (round === 0) {
      await new BooksScreen(page).createBookFresh();
      await workspace.pressButton('Thêm trường hợp');
      // The entry's own address, once the app has gone there: the one it must come back to.
      await expect(page).toHaveURL(/\/entries\/[^/]+$/);
      await workspace.expectSaved();
      entryUrl = page.url();
    } else {
      const where = `round ${round} (seed ${seed})`;
      await new BooksScreen(page).reopen();
      await expect(page, `${where}: back on the entry`).toHaveURL(entryUrl);
      await expect(workspace.field('Số')).toHaveValue('1');
      const actual = await readFields(workspace);
      for (const label of FIELDS) {
        const before = saved?.[label] ?? '';
        const value = actual[label];
        if (label !== typing?.label) {
          expect(value, `${where}: ${label} untouched`).toBe(before);
        } else if (before !== '' && typing.text.startsWith(before)) {
          // "Đã lưu" was seen part-way through: at least that much, and nothing but the text.
          expect(
            typing.text.startsWith(value) && value.length >= before.length,
            `${where}: ${label} is "${value}", saved "${before}", typing "${typing.text}"`,
          ).toBe(true);
        } else {
          // The old value, or whatever part of the new text had been saved.
          expect(
            value === before || (value !== '' && typing.text.startsWith(value)),
            `${where}: ${label} is "${value}", saved "${before}", typing "${typing.text}"`,
          ).toBe(true);
        }
      }
      if (typing?.settledFocus) {
        await expect(workspace.field(typing.label), `${where}: same field`).toBeFocused();
      }
      // One book and one entry: no half-written or duplicated rows after any kill.
      expect(await countRows(page, ['books', 'records']), where).toEqual({
        books: 1,
        records: 1,
      });
    }
    if (round === kills) {
      await context.close();
      break;
    }

    const label = FIELDS[Math.floor(random() * FIELDS.length)] ?? 'Ghi chú';
    const wordCount = 2 + Math.floor(random() * 4);
    const text = Array.from(
      { length: wordCount },
      () => WORDS[Math.floor(random() * WORDS.length)],
    ).join(' ');
    await workspace.field(label).click();
    await workspace.expectSaved();
    saved = await readFields(workspace);
    snapshots.length = 0;
    const clickedAt = Date.now();
    await page.keyboard.press('Control+A');
    const typed = typeInBursts(page, text, random).catch(() => undefined);
    // Anywhere from the first keystroke to well after the last save.
    await page.waitForTimeout(Math.floor(random() * (text.length * 45 + 1500)));
    const killedAt = Date.now();
    await killBrowser(context, profile);
    await typed;
    const last = snapshots.at(-1);
    if (last) for (const field of FIELDS) saved[field] = last[field] ?? saved[field];
    typing = { label, text, settledFocus: killedAt - clickedAt > 1000 };
  }
}
