// Reads exported bundles back the way the Ministry's importer would.
import { ExcelJS } from '../../renderer/workers/excel';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';

export async function downloadBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

export interface SheetCell {
  value: unknown;
  numFmt: string | undefined;
}

export async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('workbook has no sheet');
  const rows: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push({ value: cell.value, numFmt: cell.numFmt });
    }
    rows.push(cells);
  });
  return { sheetNames: workbook.worksheets.map((ws) => ws.name), rows };
}

export async function readZip(bytes: Buffer): Promise<Map<string, number>> {
  const zip = await JSZip.loadAsync(bytes);
  const pages = new Map<string, number>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const pdf = await PDFDocument.load(await file.async('uint8array'));
    pages.set(file.name, pdf.getPageCount());
  }
  return pages;
}
