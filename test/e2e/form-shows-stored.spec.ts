// The form always shows what is stored: a session of fifty entries made with Ctrl+Enter, each
// then opened from the list by its number in a shuffled order, shows field for field what the
// database holds for it, and opening it changes nothing there.
import { expect, test, type Page } from '@playwright/test';
import { readSavedState } from './backup-model';
import { BooksScreen, Workspace } from './models';
import { seededRandom } from '../../shared/seeded-random';

const ENTRIES = 50;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lực', 'Minh', 'Nga'];
const PLACES = ['Trạm y tế xã An Nhơn', 'Bệnh viện huyện Tuy Phước', 'Nhà hộ sinh Quy Nhơn'];

/** What the officer types into entry n: a few fields, different from entry to entry. */
function valuesFor(n: number, random: () => number): Record<string, string> {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const values: Record<string, string> = {
    'Họ tên người được khai sinh': `${pick(FAMILY)} Văn ${pick(GIVEN)} ${n}`,
    'Ngày sinh': `${String(1 + (n % 28)).padStart(2, '0')}.${String(1 + (n % 12)).padStart(2, '0')}.${1980 + (n % 25)}`,
    'Nơi sinh': pick(PLACES),
  };
  if (n % 3 === 0) values['Họ tên mẹ'] = `${pick(FAMILY)} Thị ${pick(GIVEN)}`;
  if (n % 5 === 0) values['Ghi chú'] = `Ghi chú của trường hợp ${n}`;
  return values;
}

/** Every field of the open form, by the Ministry's field name, as the officer sees it. */
const formValues = (page: Page) =>
  page
    .getByRole('form')
    .evaluate((form) =>
      Object.fromEntries(
        [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-field]')].map(
          (input) => [input.dataset.field!, input.value],
        ),
      ),
    );

const openEntryId = (page: Page) => {
  const match = /\/entries\/([^/]+)$/.exec(new URL(page.url()).hash);
  return match ? decodeURIComponent(match[1]!) : null;
};

test('fifty entries made with Ctrl+Enter each open, in any order, with what is stored', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const random = seededRandom(20261202);
  await new BooksScreen(page).createBookFresh();
  const workspace = new Workspace(page);
  await workspace.importPdf(2);
  await workspace.pressButton('Thêm trường hợp');
  const heading = page.getByRole('heading', { name: /^Trường hợp số/ });

  for (let n = 1; n <= ENTRIES; n++) {
    await expect(heading).toHaveText(`Trường hợp số ${n}`);
    // Typed the moment the entry shows, while the one left behind may still be being written
    // and this one created: no wait for "Đã lưu" in between.
    await workspace.fillFields(valuesFor(n, random));
    // Straight on to the next entry, without waiting for this one's save.
    if (n < ENTRIES) await workspace.field('Nơi sinh').press('Control+Enter');
  }
  await workspace.field('Nơi sinh').press('Tab');
  await workspace.expectSaved();

  const stored = await readSavedState(page);
  const fieldsById = new Map(
    stored.records.map((record) => [record.id as string, record.fields as Record<string, string>]),
  );
  expect(fieldsById.size).toBe(ENTRIES);

  const order = Array.from({ length: ENTRIES }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  const seen = new Set<string>();
  for (const n of order) {
    await page.getByRole('link', { name: '← Danh sách trường hợp' }).press('Enter');
    const jump = page.getByLabel('Đi tới số');
    await jump.fill(String(n));
    await jump.press('Enter');
    await expect(heading).toHaveText(`Trường hợp số ${n}`);
    // The address may reach the test a moment after the heading is drawn: wait for it.
    await expect
      .poll(() => openEntryId(page), { message: `entry ${n} opens by its id` })
      .not.toBeNull();
    const id = openEntryId(page);
    const fields = fieldsById.get(id!);
    expect(fields, `entry ${n} is one of the stored entries`).toBeDefined();
    seen.add(id!);
    // Every field the form has shows the stored value; a field not stored shows empty.
    await expect
      .poll(
        async () => {
          const shown = await formValues(page);
          return Object.entries(shown).filter(([key, value]) => value !== (fields![key] ?? ''));
        },
        { message: `entry ${n}: fields that differ from the database` },
      )
      .toEqual([]);
    // And it is the entry typed as number n.
    await expect(workspace.field('Họ tên người được khai sinh')).toHaveValue(new RegExp(` ${n}$`));
  }
  expect(seen.size).toBe(ENTRIES);

  // Opening fifty entries wrote nothing over what was typed.
  const after = await readSavedState(page);
  expect(after.records.map((record) => record.fields)).toEqual(
    stored.records.map((record) => record.fields),
  );
});
