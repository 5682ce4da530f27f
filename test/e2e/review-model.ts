// The review screen and the submit controls, as an officer and a supervisor use them.
import { expect, type Page } from '@playwright/test';

export class ReviewScreen {
  constructor(private readonly page: Page) {}

  /** From the book workspace, with the keyboard on the link. */
  async open(waiting: number): Promise<void> {
    await this.page.getByRole('link', { name: `Rà soát (${waiting})` }).click();
    await expect(this.page.getByRole('heading', { name: /^Rà soát:/ })).toBeVisible();
  }

  async expectEntry(so: string, position: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Trường hợp số ${so}` })).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: position })).toBeVisible();
  }

  field(label: string) {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  /** Presses A on entry `so`, once the screen shows it (the queue moves on after a decision). */
  async approve(so: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Trường hợp số ${so}` })).toBeVisible();
    await this.page.keyboard.press('a');
    await expect(
      this.page.getByRole('status').filter({ hasText: `Đã phê duyệt trường hợp số ${so}.` }),
    ).toBeVisible();
  }

  async comment(label: string, text: string): Promise<void> {
    await this.field(label).focus();
    await this.page.keyboard.press('c');
    const box = this.page.getByLabel(`Ghi chú cho ô ${label}`);
    await expect(box).toBeFocused();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect(this.field(label)).toContainText(`Ghi chú: ${text}`);
  }

  async reject(so: string, reason: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Trường hợp số ${so}` })).toBeVisible();
    await this.page.keyboard.press('r');
    await expect(this.page.getByLabel('Lý do trả lại')).toBeFocused();
    await this.page.keyboard.type(reason);
    await this.page.keyboard.press('Enter');
    await expect(
      this.page.getByRole('status').filter({ hasText: `Đã trả lại trường hợp số ${so}.` }),
    ).toBeVisible();
  }
}

/**
 * For a book exported without a reviewer: the book setting lets entries waiting for review go
 * too, and every complete entry is sent.
 */
export async function submitAllForExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Thiết lập sổ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thiết lập sổ' });
  await dialog.getByRole('checkbox', { name: /Xuất cả trường hợp đang chờ rà soát/ }).check();
  await dialog.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Gửi rà soát các trường hợp đủ' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Đã gửi [1-9]\d*, còn 0/ }),
  ).toBeVisible();
}
