// Main and the renderer's platform code say what happened as codes; the words live in
// renderer/locales (and, for the OS's own dialogs, in electron/main-text.ts). A Vietnamese
// sentence typed anywhere else would reach an English-speaking officer untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');

/** Letters only Vietnamese uses here (precomposed, or a base letter with a combining mark). */
const VIETNAMESE =
  /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]|[\u0300\u0301\u0303\u0309\u0323]/iu;

/** The source without its comments; strings (and template literals) kept whole. */
export function withoutComments(source: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (quote !== null) {
      out += ch;
      if (ch === '\\') out += source[++i] ?? '';
      else if (ch === quote) quote = null;
    } else if (ch === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
      out += '\n';
    } else if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 1;
    } else {
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      out += ch;
    }
  }
  return out;
}

function sources(dir: string, deep: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return deep ? sources(full, deep) : [];
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The one place main keeps words of its own: the OS dialogs' message table. */
const MESSAGE_TABLE = path.join(root, 'electron', 'main-text.ts');

const scanned = [
  ...sources(path.join(root, 'electron'), false),
  ...sources(path.join(root, 'electron', 'ipc'), true),
  ...sources(path.join(root, 'renderer', 'platform'), true),
].filter((file) => file !== MESSAGE_TABLE);

describe('Vietnamese outside the locales', () => {
  it('is told from comments by the scan', () => {
    const code = [
      '// Đã lưu: a comment',
      '/* Chưa lưu\n   nhiều dòng */',
      "const url = 'http://localhost'; // tệp",
      "const quoted = 'a // b';",
    ].join('\n');
    expect(VIETNAMESE.test(withoutComments(code))).toBe(false);
    expect(withoutComments(code)).toContain("'a // b'");
    expect(VIETNAMESE.test(withoutComments("fail('Không ghi được tệp');"))).toBe(true);
    expect(VIETNAMESE.test(withoutComments('const t = `tệp ${name}`;'))).toBe(true);
    expect(VIETNAMESE.test(withoutComments("const s = 'Đ';"))).toBe(true);
    expect(VIETNAMESE.test('Chu\u0301')).toBe(true);
  });

  it('is found nowhere in electron/ and renderer/platform/ but the OS dialogs’ table', () => {
    expect(scanned.length).toBeGreaterThan(20);
    const found = scanned.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => VIETNAMESE.test(line))
        .map((line) => `${path.relative(root, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
