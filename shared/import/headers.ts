// Which template a sheet was typed in, read from its header row. Headers are compared after
// dropping the "i=[…]" code hints, spaces and case, as the Ministry's importer does.
import type { RegisterTemplate } from '../registers/types';

/** "loaiDangKy \ni=[1,2,3]" and " LoaiDangKy" give the same key. */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/i\s*=\s*\[[^\]]*\]/gu, '')
    .replace(/\s+/gu, '')
    .toLowerCase();
}

export interface TemplateMatch {
  template: RegisterTemplate;
  /** Field key of each sheet column (by 0-based column index); absent for unknown columns. */
  columns: (string | undefined)[];
  /** Headers of the template the sheet lacks. */
  missing: string[];
  /** Sheet headers no column of the template has (ignored on import). */
  unknown: string[];
  /** Headers present twice: only the first column is read. */
  repeated: string[];
}

function match(template: RegisterTemplate, headers: readonly string[]): TemplateMatch {
  const byKey = new Map(template.fields.map((field) => [headerKey(field.header), field]));
  const seen = new Set<string>();
  const columns: (string | undefined)[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const header of headers) {
    const key = headerKey(header);
    const field = byKey.get(key);
    if (key === '') {
      columns.push(undefined);
    } else if (!field) {
      columns.push(undefined);
      unknown.push(header.trim());
    } else if (seen.has(field.key)) {
      columns.push(undefined);
      repeated.push(header.trim());
    } else {
      seen.add(field.key);
      columns.push(field.key);
    }
  }
  const missing = template.fields.filter((f) => !seen.has(f.key)).map((f) => f.key);
  return { template, columns, missing, unknown, repeated };
}

/**
 * The template whose columns the sheet holds best: most columns recognised, then fewest
 * missing (so the 60-column khai sinh layout wins over the 70-column one it is part of).
 * Null when no template has its number, registration date and main name columns and at least
 * half of its columns: the sheet is not a register template.
 */
export function detectTemplate(
  headers: readonly string[],
  candidates: readonly RegisterTemplate[],
): TemplateMatch | null {
  let best: TemplateMatch | null = null;
  let bestFound = 0;
  for (const template of candidates) {
    const result = match(template, headers);
    const found = template.fields.length - result.missing.length;
    const essential = ['so', 'ngayDangKy', template.mainNameField];
    if (essential.some((key) => result.missing.includes(key))) continue;
    if (found * 2 < template.fields.length) continue;
    if (
      !best ||
      found > bestFound ||
      (found === bestFound && result.missing.length < best.missing.length)
    ) {
      best = result;
      bestFound = found;
    }
  }
  return best;
}
