// One import of many files: each file is judged on its own, so one unreadable photo never
// costs the officer the eleven good ones picked with it. Files go in by name (IMG_0001,
// IMG_0002 …), which is the order a phone took them in.
import type { NormaliseResult } from './import-normalise';
import { sniffFile } from '../../workers/import-sniff';
import type { InspectResult, ScanProblem } from './pdf';

export interface ImportDeps {
  inspectPdf: (file: Blob) => Promise<InspectResult>;
  normaliseImage: (file: Blob) => Promise<NormaliseResult>;
  addScan: (input: {
    fileName: string;
    mimeType: string;
    blob: Blob;
    pageCount: number;
  }) => Promise<{ pages: { id: string }[] }>;
}

export type FileOutcome =
  | { fileName: string; ok: true; pageCount: number; firstPageId: string | null }
  | { fileName: string; ok: false; problem: ScanProblem }
  | { fileName: string; ok: false; problem: 'failed'; detail: string };

export interface ImportSummary {
  outcomes: FileOutcome[];
  importedFiles: number;
  importedPages: number;
  /** The first page that came in, to show it. */
  firstPageId: string | null;
}

/** Picked order is whatever the dialog returns; name order with numbers compared as numbers. */
export function orderForImport<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) =>
    a.name.localeCompare(b.name, 'vi', { numeric: true, sensitivity: 'base' }),
  );
}

/** A file read and checked, ready to be stored; or the reason it will not be. */
type Prepared =
  | { ok: true; fileName: string; scan: Parameters<ImportDeps['addScan']>[0] }
  | Extract<FileOutcome, { ok: false }>;

async function prepare(file: File, deps: ImportDeps): Promise<Prepared> {
  const fileName = file.name;
  if (file.size === 0) return { fileName, ok: false, problem: 'emptyFile' };
  const kind = await sniffFile(file);
  switch (kind) {
    case 'heic':
    case 'tiff':
      return { fileName, ok: false, problem: kind };
    case 'unknown':
      return { fileName, ok: false, problem: 'unknownType' };
    case 'pdf': {
      const inspected = await deps.inspectPdf(file);
      if (!inspected.ok) return { fileName, ok: false, problem: inspected.problem };
      // The original file is stored: a PDF is kept exactly as the scanner wrote it.
      return {
        ok: true,
        fileName,
        scan: { fileName, mimeType: 'application/pdf', blob: file, pageCount: inspected.pageCount },
      };
    }
    case 'jpeg':
    case 'png': {
      const normalised = await deps.normaliseImage(file);
      if (!normalised.ok) return { fileName, ok: false, problem: normalised.problem };
      return {
        ok: true,
        fileName,
        scan: { fileName, mimeType: 'image/jpeg', blob: normalised.blob, pageCount: 1 },
      };
    }
  }
}

const failed = (fileName: string, error: unknown): Extract<FileOutcome, { ok: false }> => ({
  fileName,
  ok: false,
  problem: 'failed',
  detail: error instanceof Error ? error.message : String(error),
});

async function commit(prepared: Prepared, deps: ImportDeps): Promise<FileOutcome> {
  if (!prepared.ok) return prepared;
  const { pages } = await deps.addScan(prepared.scan);
  return {
    fileName: prepared.fileName,
    ok: true,
    pageCount: pages.length,
    firstPageId: pages[0]?.id ?? null,
  };
}

/**
 * Imports the files in name order. `parallel` files are read and decoded at once (photos
 * decode in workers, so this uses the other cores), but pages are always stored in order. `onProgress(n, total)` fires as file n is waited for, so the
 * button can say "Đang nhập 3/12…".
 */
export async function importFiles(
  picked: readonly File[],
  deps: ImportDeps,
  onProgress: (current: number, total: number) => void = () => undefined,
  parallel = 2,
): Promise<ImportSummary> {
  const files = orderForImport(picked);
  const preparing = new Map<number, Promise<Prepared>>();
  const startPreparing = (index: number) => {
    const file = files[index];
    if (!file || preparing.has(index)) return;
    preparing.set(
      index,
      prepare(file, deps).catch((error: unknown) => failed(file.name, error)),
    );
  };
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    for (let ahead = index; ahead < index + Math.max(1, parallel); ahead++) startPreparing(ahead);
    onProgress(index + 1, files.length);
    const prepared = await preparing.get(index);
    // Only files in flight are held: a batch of 200 photos never sits in memory at once.
    preparing.delete(index);
    if (!prepared) continue;
    try {
      outcomes.push(await commit(prepared, deps));
    } catch (error) {
      outcomes.push(failed(file.name, error));
    }
  }
  const imported = outcomes.filter((outcome) => outcome.ok);
  return {
    outcomes,
    importedFiles: imported.length,
    importedPages: imported.reduce((sum, outcome) => sum + outcome.pageCount, 0),
    firstPageId: imported.find((outcome) => outcome.firstPageId)?.firstPageId ?? null,
  };
}

export type Refusal =
  | { problem: ScanProblem; fileNames: string[] }
  | { problem: 'failed'; fileNames: [string]; detail: string };

/**
 * One message per reason, naming every file it applies to: errors stay until closed, and
 * twelve HEIC photos should not mean twelve messages to close.
 */
export function groupRefusals(outcomes: readonly FileOutcome[]): Refusal[] {
  const byProblem = new Map<ScanProblem, string[]>();
  const refusals: Refusal[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    if (outcome.problem === 'failed') {
      refusals.push({ problem: 'failed', fileNames: [outcome.fileName], detail: outcome.detail });
      continue;
    }
    const names = byProblem.get(outcome.problem);
    if (names) names.push(outcome.fileName);
    else {
      const group = { problem: outcome.problem, fileNames: [outcome.fileName] };
      byProblem.set(outcome.problem, group.fileNames);
      refusals.push(group);
    }
  }
  return refusals;
}
