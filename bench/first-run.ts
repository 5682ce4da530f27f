// The app asks for an administrator on a fresh profile before it shows any book: the benchmarks
// create one the way an officer would, then measure from the books screen.
import type { Page } from '@playwright/test';

export async function setUpAdministrator(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
  await page.getByLabel('Họ tên', { exact: true }).fill('Cán bộ đo');
  await page.getByLabel('Mã PIN', { exact: true }).fill('2580');
  await page.getByLabel('Nhập lại mã PIN', { exact: true }).fill('2580');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Sổ hộ tịch' }).waitFor();
}
