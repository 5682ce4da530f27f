import { describe, expect, it } from 'vitest';
import { heicHead, jpegHeaderOnly, makePng, tiffHead } from '../../../test/fixtures/make-images';
import { groupRefusals, importFiles, orderForImport, type ImportDeps } from './import-files';

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');

function fakeDeps(overrides: Partial<ImportDeps> = {}) {
  const added: { fileName: string; mimeType: string; blob: Blob; pageCount: number }[] = [];
  const deps: ImportDeps = {
    inspectPdf: () => Promise.resolve({ ok: true, pageCount: 3 }),
    normaliseImage: () =>
      Promise.resolve({
        ok: true,
        blob: new Blob([jpegHeaderOnly(30, 40)], { type: 'image/jpeg' }),
        width: 30,
        height: 40,
      }),
    addScan: (input) => {
      added.push(input);
      const pages = Array.from({ length: input.pageCount }, (_, i) => ({
        id: `${input.fileName}#${i}`,
      }));
      return Promise.resolve({ pages });
    },
    ...overrides,
  };
  return { deps, added };
}

describe('importFiles', () => {
  it('imports good files and names each refused one, whatever its extension says', async () => {
    const { deps, added } = fakeDeps();
    const files = [
      new File([jpegHeaderOnly(4000, 3000)], 'IMG_0002.jpg'),
      new File([heicHead()], 'IMG_0003.jpg'),
      new File([tiffHead()], 'scan.tif'),
      new File([await makePng(4, 4)], 'IMG_0001.png'),
      new File([pdfBytes], 'so-1.pdf'),
      new File(['PK\u0003\u0004'], 'danh-sach.pdf'),
      new File([], 'rong.jpg'),
    ];
    const summary = await importFiles(files, deps);
    expect(summary.outcomes).toEqual([
      { fileName: 'danh-sach.pdf', ok: false, problem: 'unknownType' },
      { fileName: 'IMG_0001.png', ok: true, pageCount: 1, firstPageId: 'IMG_0001.png#0' },
      { fileName: 'IMG_0002.jpg', ok: true, pageCount: 1, firstPageId: 'IMG_0002.jpg#0' },
      { fileName: 'IMG_0003.jpg', ok: false, problem: 'heic' },
      { fileName: 'rong.jpg', ok: false, problem: 'emptyFile' },
      { fileName: 'scan.tif', ok: false, problem: 'tiff' },
      { fileName: 'so-1.pdf', ok: true, pageCount: 3, firstPageId: 'so-1.pdf#0' },
    ]);
    expect(summary.importedFiles).toBe(3);
    expect(summary.importedPages).toBe(5);
    expect(summary.firstPageId).toBe('IMG_0001.png#0');
    // Photos are stored normalised (JPEG), PDFs exactly as picked.
    expect(added.map((scan) => [scan.fileName, scan.mimeType, scan.pageCount])).toEqual([
      ['IMG_0001.png', 'image/jpeg', 1],
      ['IMG_0002.jpg', 'image/jpeg', 1],
      ['so-1.pdf', 'application/pdf', 3],
    ]);
    expect(added[2]?.blob).toBe(files[4]);
  });

  it('keeps going after a file that fails to decode or to store', async () => {
    let stored = 0;
    const { deps } = fakeDeps({
      normaliseImage: (file) =>
        Promise.resolve(
          (file as File).name === 'hong.jpg'
            ? { ok: false, problem: 'corruptImage' }
            : { ok: true, blob: new Blob([jpegHeaderOnly(3, 4)]), width: 3, height: 4 },
        ),
      addScan: () => {
        stored += 1;
        if (stored === 1) return Promise.reject(new Error('QuotaExceededError'));
        return Promise.resolve({ pages: [{ id: 'p' }] });
      },
    });
    const summary = await importFiles(
      [
        new File([jpegHeaderOnly(3, 4)], 'a.jpg'),
        new File([jpegHeaderOnly(3, 4)], 'hong.jpg'),
        new File([jpegHeaderOnly(3, 4)], 'z.jpg'),
      ],
      deps,
    );
    expect(summary.outcomes).toEqual([
      { fileName: 'a.jpg', ok: false, problem: 'failed', detail: 'QuotaExceededError' },
      { fileName: 'hong.jpg', ok: false, problem: 'corruptImage' },
      { fileName: 'z.jpg', ok: true, pageCount: 1, firstPageId: 'p' },
    ]);
  });

  it('passes on the PDF inspector’s verdict', async () => {
    const { deps, added } = fakeDeps({
      inspectPdf: () => Promise.resolve({ ok: false, problem: 'passwordProtected' }),
    });
    const summary = await importFiles([new File([pdfBytes], 'mat-khau.pdf')], deps);
    expect(summary.outcomes).toEqual([
      { fileName: 'mat-khau.pdf', ok: false, problem: 'passwordProtected' },
    ]);
    expect(added).toEqual([]);
  });

  it('reports progress as each file starts', async () => {
    const { deps } = fakeDeps();
    const seen: string[] = [];
    await importFiles(
      [1, 2, 3].map((n) => new File([jpegHeaderOnly(3, 4)], `${n}.jpg`)),
      deps,
      (current, total) => seen.push(`${current}/${total}`),
    );
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });
});

describe('importFiles in parallel', () => {
  it('decodes two photos at once but stores pages in name order', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const stored: string[] = [];
    const { deps } = fakeDeps({
      normaliseImage: async (file) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        // Odd photos take longer: later files finish first.
        const name = (file as File).name;
        await new Promise((resolve) => setTimeout(resolve, name.includes('1') ? 30 : 5));
        running -= 1;
        return { ok: true, blob: new Blob([name]), width: 3, height: 4 };
      },
      addScan: (input) => {
        stored.push(input.fileName);
        return Promise.resolve({ pages: [{ id: input.fileName }] });
      },
    });
    const names = ['IMG_1.jpg', 'IMG_2.jpg', 'IMG_3.jpg', 'IMG_4.jpg', 'IMG_5.jpg'];
    await importFiles(
      names.map((name) => new File([jpegHeaderOnly(3, 4)], name)),
      deps,
      undefined,
      2,
    );
    expect(stored).toEqual(names);
    expect(mostAtOnce).toBe(2);
  });
});

describe('orderForImport', () => {
  it('puts phone photos in the order they were taken', () => {
    const names = ['IMG_10.jpg', 'IMG_9.jpg', 'img_11.JPG', 'IMG_1.jpg'];
    expect(orderForImport(names.map((name) => ({ name }))).map((file) => file.name)).toEqual([
      'IMG_1.jpg',
      'IMG_9.jpg',
      'IMG_10.jpg',
      'img_11.JPG',
    ]);
  });
});

describe('groupRefusals', () => {
  it('gives one message per reason, naming each file, and keeps failures apart', () => {
    expect(
      groupRefusals([
        { fileName: 'a.heic', ok: false, problem: 'heic' },
        { fileName: 'ok.jpg', ok: true, pageCount: 1, firstPageId: 'p' },
        { fileName: 'scan.tif', ok: false, problem: 'tiff' },
        { fileName: 'b.jpg', ok: false, problem: 'heic' },
        { fileName: 'x.jpg', ok: false, problem: 'failed', detail: 'QuotaExceededError' },
        { fileName: 'y.jpg', ok: false, problem: 'failed', detail: 'QuotaExceededError' },
      ]),
    ).toEqual([
      { problem: 'heic', fileNames: ['a.heic', 'b.jpg'] },
      { problem: 'tiff', fileNames: ['scan.tif'] },
      { problem: 'failed', fileNames: ['x.jpg'], detail: 'QuotaExceededError' },
      { problem: 'failed', fileNames: ['y.jpg'], detail: 'QuotaExceededError' },
    ]);
  });
});
