// Real books often come as one PDF per page. Turning through them must not leave a PDF reader
// (and its worker thread) open for every file seen: on a 4 GB PC that runs out within a shift.
import { expect, test } from '@playwright/test';
import { makePdf } from '../fixtures/make-pdf';
import { BooksScreen } from './models';
import { Viewer } from './viewer-model';

test('turning through a book of one-page scan files keeps a bounded number of readers open', async ({
  page,
}) => {
  await new BooksScreen(page).createBookFresh();
  const files = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => ({
      name: `trang-${String(i + 1).padStart(2, '0')}.pdf`,
      mimeType: 'application/pdf',
      buffer: await makePdf(1, `Trang ${i + 1}`),
    })),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập bản scan' }).click();
  await (await chooser).setFiles(files);
  const indicator = page.getByTestId('page-indicator');
  await expect(indicator).toHaveText('Trang 1/12');
  const viewer = new Viewer(page);
  await viewer.expectDrawn();
  for (let n = 2; n <= 12; n++) {
    await page.keyboard.press('Alt+PageDown');
    await expect(indicator).toHaveText(`Trang ${n}/12`);
    await viewer.expectDrawn();
  }
  // Each page drawn, then let go of: the reader threads stay few whatever the number of files.
  await expect.poll(() => page.workers().length).toBeLessThanOrEqual(3);
});
