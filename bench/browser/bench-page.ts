// Runs inside Chromium for `npm run bench`: makes scan-like JPEG pages with the browser's
// encoder, and times the database writes an officer makes while typing.
import { SohoaDatabase } from '../../renderer/db/database';
import { createRepositories } from '../../renderer/db/repositories';
import { createSession } from '../../renderer/db/session';
import { sampleBook } from '../../renderer/db/sample-data';
import { importBenchEntries } from '../import-fixture';
import { makeScanJpegBytes } from './scan-page';
import { runScanSizeBench, type ScanSizeResult } from './scan-size-bench';
import { runPrepareBench, type PrepareBenchResult } from './prepare-bench';

interface BenchWindow {
  runSaveBench?: (entries: number, samples: number) => Promise<Record<string, number[]>>;
  makeScanJpeg?: (seed: number, width?: number, height?: number) => Promise<string>;
  runImportWriteBench?: (entries: number) => Promise<number>;
  runScanSizeBench?: (pages: number) => Promise<ScanSizeResult>;
  runPrepareBench?: (pages: number) => Promise<PrepareBenchResult>;
}

/** A 300-dpi colour A4 register page (see scan-page.ts), as base64 JPEG. */
async function makeScanJpeg(seed: number, width?: number, height?: number): Promise<string> {
  const bytes = await makeScanJpegBytes(seed, width, height);
  let binary = '';
  for (let b = 0; b < bytes.length; b += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(b, b + 0x8000));
  }
  return btoa(binary);
}

/** Repositories for a fresh database, with its first-run administrator signed in. */
async function signedInRepositories(db: SohoaDatabase) {
  const session = createSession();
  const repo = createRepositories(db, session);
  session.signIn(await repo.setUpAdministrator('Cán bộ đo', '2580'));
  return repo;
}

async function run(entryCount: number, samples: number): Promise<Record<string, number[]>> {
  const db = new SohoaDatabase(`bench-${Date.now()}`);
  const repo = await signedInRepositories(db);
  const book = await repo.createBook({ ...sampleBook, expectedCount: entryCount });
  const template = await repo.createEntry(book.id, null);
  const now = Date.now();
  const filler = Array.from({ length: entryCount - 1 }, (_, i) => ({
    ...template,
    id: crypto.randomUUID(),
    fields: {
      ...template.fields,
      so: String(i + 2),
      nksHoTen: `Nguyễn Văn ${i}`,
      ngayDangKy: '15.01.2008',
      meHoTen: 'Trần Thị Bình',
      chaHoTen: 'Nguyễn Văn Cường',
    },
    createdAt: now + i,
    updatedAt: now + i,
  }));
  for (let i = 0; i < filler.length; i += 1000) {
    await db.records.bulkAdd(filler.slice(i, i + 1000));
  }

  const saveField: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await repo.saveFields(template.id, { nksNoiSinh: `Trạm y tế xã An Nhơn ${i}` });
    saveField.push(performance.now() - start);
  }
  const createNext: number[] = [];
  for (let i = 0; i < Math.min(samples, 50); i++) {
    const start = performance.now();
    await repo.createEntry(book.id, null);
    createNext.push(performance.now() - start);
  }
  db.close();
  await SohoaDatabase.delete(db.name);
  return { saveField, createNext };
}

/** Milliseconds for one importEntries call writing `count` rows into an empty book. */
async function importWrite(count: number): Promise<number> {
  const db = new SohoaDatabase(`bench-import-${Date.now()}`);
  const repo = await signedInRepositories(db);
  const book = await repo.createBook(sampleBook);
  const rows = importBenchEntries(count);
  const start = performance.now();
  await repo.importEntries(book.id, rows, { fileName: 'bench.xlsx' });
  const elapsed = performance.now() - start;
  db.close();
  await SohoaDatabase.delete(db.name);
  return elapsed;
}

const benchWindow = window as unknown as BenchWindow;
benchWindow.runSaveBench = run;
benchWindow.makeScanJpeg = makeScanJpeg;
benchWindow.runImportWriteBench = importWrite;
benchWindow.runScanSizeBench = runScanSizeBench;
benchWindow.runPrepareBench = runPrepareBench;
