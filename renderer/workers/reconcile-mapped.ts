// Extracts in columns of their own (the population database's exports): the header row and first
// rows shown to the officer to map, then every row read through that mapping into the register's
// fields, the same way as a template extract: legacy fonts converted, values tidied, keys stable.
import { decodeCell, sheetEncoding } from '../../shared/import/cells';
import type { RawRow, RawSheet } from '../../shared/import/types';
import {
  headerSignature,
  type ColumnMapping,
  type SavedColumns,
} from '../../shared/reconcile/columns';
import { defaultTemplateFor, fieldByKey } from '../../shared/registers';
import type { RegisterTemplate } from '../../shared/registers/types';
import { readWorkbook, type ReadProgress } from './import-core';
import {
  HEADER_SEARCH_ROWS,
  readDataRows,
  readExtractSheet,
  SAMPLE_ROWS,
  type ExtractResult,
  type ReadColumn,
  type SheetColumns,
} from './reconcile-extract';

const filled = (row: RawRow) => row.cells.filter((cell) => (cell?.text ?? '').trim() !== '').length;

/** The row above the data: the first of the top rows with the most filled cells (titles have one). */
function headerIndex(sheet: RawSheet): number {
  const top = sheet.rows.slice(0, HEADER_SEARCH_ROWS);
  const most = Math.max(0, ...top.map(filled));
  return most < 2 ? -1 : top.findIndex((row) => filled(row) === most);
}

/** The header row and first data rows of a sheet, in Unicode; null when it has no header row. */
export function sheetColumns(sheet: RawSheet): SheetColumns | null {
  const index = headerIndex(sheet);
  const header = sheet.rows[index];
  if (!header) return null;
  const data = sheet.rows.slice(index + 1);
  const sample = data.filter((row) => filled(row) > 0).slice(0, SAMPLE_ROWS);
  const width = Math.max(header.cells.length, ...sample.map((row) => row.cells.length));
  const cellsOf = (row: RawRow) => Array.from({ length: width }, (_, i) => row.cells[i] ?? null);
  const encoding = sheetEncoding(
    [header, ...sample].flatMap((row) => row.cells.map((cell) => cell?.text ?? '')),
  );
  const text = (row: RawRow) =>
    cellsOf(row).map((cell) => (cell ? decodeCell(cell, encoding).text.trim() : ''));
  return {
    sheetName: sheet.name,
    headerRow: header.number,
    headers: text(header),
    sample: sample.map(text),
    rows: data.length,
  };
}

function readColumns(template: RegisterTemplate, columns: ColumnMapping): ReadColumn[] {
  return Object.entries(columns).flatMap(([key, index]) => {
    const field = fieldByKey(template, key);
    return field ? [{ index, field }] : [];
  });
}

/** Every row of the sheet through the officer's mapping, into the register's current template. */
export function readMappedSheet(sheet: RawSheet, saved: SavedColumns): ExtractResult {
  const signature = headerSignature(saved.headers);
  const index = sheet.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => headerSignature(row.cells.map((cell) => cell?.text ?? '')) === signature);
  const columns = sheetColumns(sheet);
  if (index < 0) {
    return { ok: false, problem: { code: 'notTemplate' }, ...(columns ? { columns } : {}) };
  }
  const template = defaultTemplateFor(saved.type);
  const rows = readDataRows(
    template,
    sheet.rows.slice(index + 1),
    readColumns(template, saved.columns),
  );
  if (!rows.ok) return rows;
  return {
    ok: true,
    extract: {
      source: 'mapped',
      type: template.type,
      templateVersion: template.version,
      templateName: template.name,
      sheetName: sheet.name,
      missing: [],
      converted: rows.converted,
      rows: rows.rows,
      sample: rows.rows.slice(0, SAMPLE_ROWS),
    },
  };
}

/**
 * Reads an .xlsx extract: through the officer's mapping when one is given; otherwise by its
 * template, and a sheet in no template's columns comes back with its columns to map.
 */
export async function readAnyExtract(
  bytes: Uint8Array,
  onProgress: ReadProgress = () => undefined,
  saved?: SavedColumns,
): Promise<ExtractResult> {
  const read = await readWorkbook(bytes, onProgress);
  if (!read.ok) return read;
  if (saved) return readMappedSheet(read.sheet, saved);
  const result = readExtractSheet(read.sheet);
  if (result.ok || result.problem.code !== 'notTemplate') return result;
  const columns = sheetColumns(read.sheet);
  return columns ? { ...result, columns } : result;
}
