// The viewer's toolbar stays one row at the larger text sizes an officer sets with A+, on the
// 1366×768 screens of the commune PCs: a second row would push the page down and move the
// buttons under the officer's hand.
import { expect, test, type Page } from '@playwright/test';
import { BooksScreen, Workspace } from './models';

/** How many rows the toolbar's groups of buttons take. */
const toolbarRows = (page: Page) =>
  page
    .locator('.viewer-toolbar')
    .evaluate(
      (toolbar) =>
        new Set(
          [...toolbar.querySelectorAll<HTMLElement>(':scope > .viewer-group')].map(
            (group) => group.getBoundingClientRect().top,
          ),
        ).size,
    );

test('the viewer toolbar keeps to one row at every text size A+ reaches', async ({ page }) => {
  await new BooksScreen(page).createBookFresh();
  await new Workspace(page).importPdf(2);
  expect(await toolbarRows(page)).toBe(1);
  const larger = page.getByRole('button', { name: 'Tăng cỡ chữ', exact: true });
  const size = () => page.evaluate(() => document.documentElement.style.fontSize);
  // From the usual 14 px to the largest, 20 px.
  for (let px = 15; px <= 20; px++) {
    await larger.focus();
    await page.keyboard.press('Enter');
    await expect.poll(size).toBe(`${px}px`);
    expect(await toolbarRows(page), `toolbar rows at ${px} px`).toBe(1);
  }
});
