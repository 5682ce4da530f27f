// Child process of `npm run bench`: exports a generated khai sinh book of `entries` entries
// spread over the `pages`-page scan at argv[2], streaming both files to disk under temp names
// as the app does, re-reads them, and prints time, peak memory and sizes as JSON. With a
// fourth argument (a JSON file of pages the app prepared, see PreparedFixture), the scan's
// pages are exported as prepared, the work the in-app export of prepared pages does.
import { openAsBlob } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateBundle, verifyBundle, writeBundle } from '../renderer/workers/export-core';
import type {
  BundleFileKind,
  ExportRequest,
  PreparedForExport,
} from '../renderer/workers/export-protocol';
import {
  entryAcknowledgements,
  entryFields,
  pageOfEntry,
  type PreparedFixture,
} from './export-fixture';

const MiB = 2 ** 20;

/** Every page of the scan given the preparation the app made of the page with its image. */
async function preparedPages(path: string, pages: number): Promise<PreparedForExport[]> {
  const fixture = JSON.parse(await readFile(path, 'utf8')) as PreparedFixture;
  const made = fixture.pages.map((item): PreparedForExport['result'] =>
    item.result.kind === 'reencoded'
      ? {
          ...item.result,
          jpeg: new Blob([Buffer.from(item.result.jpegBase64, 'base64')], { type: 'image/jpeg' }),
        }
      : item.result,
  );
  return Array.from({ length: pages }, (_, indexInScan) => {
    const result = made[indexInScan % fixture.distinct];
    if (!result) throw new Error(`page ${indexInScan} has no prepared twin`);
    return {
      scanId: 'scan-1',
      indexInScan,
      targetBytesPerPage: fixture.targetBytesPerPage,
      result,
    };
  });
}

function request(
  scan: Blob,
  pages: number,
  entries: number,
  prepared: PreparedForExport[] = [],
): ExportRequest {
  return {
    prepared,
    book: { type: 'KS', year: 2008, quyenSo: '01/2008', templateVersion: 'ks-70' },
    scans: [{ id: 'scan-1', data: scan }],
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `e${i + 1}`,
      pages: [{ scanId: 'scan-1', indexInScan: pageOfEntry(i, pages, entries) }],
      acknowledgements: entryAcknowledgements(entryFields(i, pages, entries), 0),
      fields: entryFields(i, pages, entries),
    })),
  };
}

async function main(): Promise<void> {
  const [scanPath, pagesArg, entriesArg, preparedPath] = process.argv.slice(2);
  if (!scanPath || !pagesArg) throw new Error('usage: export-run.ts <scan.pdf> <pages> [entries]');
  const pages = Number(pagesArg);
  const entries = Number(entriesArg ?? pagesArg);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  // A file-backed Blob, like the scan the app reads from IndexedDB: not held in memory.
  const scan = await openAsBlob(scanPath);
  const prepared = preparedPath ? await preparedPages(preparedPath, pages) : [];
  const req = request(scan, pages, entries, prepared);
  const { gate, plan } = gateBundle(req);
  if (!gate.ok || !plan) throw new Error(`export refused: ${JSON.stringify(gate).slice(0, 300)}`);
  const gateSeconds = (performance.now() - start) / 1000;

  const folder = join(tmpdir(), `sohoa-bench-${process.pid}`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  const paths = {
    xlsx: join(folder, `${gate.outline.files.xlsx}.partial`),
    zip: join(folder, `${gate.outline.files.zip}.partial`),
  };
  const handles = { xlsx: await open(paths.xlsx, 'w+'), zip: await open(paths.zip, 'w+') };
  const written = await writeBundle(req, plan, {
    write: async (kind: BundleFileKind, chunk) => {
      await handles[kind].write(chunk);
    },
  });
  for (const handle of Object.values(handles)) await handle.sync();
  const writeSeconds = (performance.now() - start) / 1000;
  const writePeak = Math.max(peak, process.memoryUsage().rss);
  const verification = await verifyBundle(
    {
      read: async (kind, offset, length) => {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handles[kind].read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      },
    },
    plan,
    written,
  );
  for (const handle of Object.values(handles)) await handle.close();
  await rename(paths.xlsx, join(folder, gate.outline.files.xlsx));
  await rename(paths.zip, join(folder, gate.outline.files.zip));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await rm(folder, { recursive: true, force: true });
  if (!verification.ok) throw new Error(`re-read failed: ${JSON.stringify(verification.problems)}`);
  const size = (kind: BundleFileKind) =>
    written.files.find((file) => file.kind === kind)?.bytes ?? 0;
  process.stdout.write(
    JSON.stringify({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      gateSeconds,
      writeSeconds,
      verifySeconds: seconds - writeSeconds,
      peakRssMiB: peak / MiB,
      writePeakRssMiB: writePeak / MiB,
      baselineRssMiB: baseline / MiB,
      scanBytes: (await stat(scanPath)).size,
      zipBytes: size('zip'),
      xlsxBytes: size('xlsx'),
      pdfPages: written.pageBytes.pages,
      meanBytesPerPage: written.pageBytes.meanBytesPerPage,
      maxBytesPerPage: written.pageBytes.maxBytesPerPage,
      pagesRebuilt: written.pageBytes.pagesRebuilt,
      pagesPrepared: written.pageBytes.pagesPrepared ?? 0,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
