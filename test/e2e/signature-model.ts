// Signed files as an officer meets them: this PC's fingerprint where files are sent, the
// signer named in the receiving preview, and the fingerprint comparison before trusting.
import { expect, type Locator, type Page } from '@playwright/test';

/** This PC's fingerprint, read from the open work-package dialog or "Máy này…" dialog. */
export async function ownFingerprint(page: Page): Promise<string> {
  const shown = page.getByTestId('own-fingerprint');
  await expect(shown).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
  return (await shown.textContent()) ?? '';
}

/** This PC's fingerprint from the book list's "Máy này và máy tin cậy…" dialog. */
export async function ownFingerprintFromBookList(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Máy này và máy tin cậy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Máy này và các máy được tin cậy' });
  const fingerprint = await ownFingerprint(page);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();
  return fingerprint;
}

/**
 * In a receiving preview from a PC not trusted yet: the sender's fingerprint is the one read
 * on the sending PC, and the administrator trusts it. The file can then be taken.
 */
export async function compareAndTrust(dialog: Locator, fingerprint: string): Promise<void> {
  const signer = dialog.getByTestId('file-signer');
  await expect(signer).toContainText('máy này chưa tin cậy máy đó');
  await expect(dialog.getByTestId('signer-fingerprint')).toHaveText(fingerprint);
  await signer.getByRole('button', { name: 'Tin cậy máy này' }).click();
  await expect(signer).toHaveText(
    new RegExp(`máy này đã tin cậy \\(dấu vân tay ${fingerprint}\\)\\.$`),
  );
}
