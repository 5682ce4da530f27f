// Reading Tiến độ's operator table the way an officer does: a figure by its row's officer and
// its column's header.
import { expect, type Locator, type Page } from '@playwright/test';

export const operatorTable = (page: Page) =>
  page.getByRole('region', { name: 'Tốc độ gõ và lỗi của từng cán bộ' }).getByRole('table');

/** The cell of a table under the column header `column`, in the row headed `row`. */
export async function cell(table: Locator, row: string, column: string): Promise<Locator> {
  await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  const headers = await table.locator('thead th').allInnerTexts();
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) })
    .locator('th, td')
    .nth(index);
}
