import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../locales/resources';
import type { ExtractProblem } from '../../workers/reconcile-extract';
import { problemText } from './problem-text';

const t = i18next.t.bind(i18next);

beforeAll(async () => {
  await i18next.init({
    resources: { vi: { translation: translations.vi }, en: { translation: translations.en } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

const problems: ExtractProblem[] = [
  { code: 'corrupt' },
  { code: 'passwordProtected' },
  { code: 'oldExcelFormat' },
  { code: 'noSheet' },
  { code: 'emptySheet' },
  { code: 'notTemplate' },
  { code: 'wrongTemplate', found: 'Khai tử', expected: 'Khai sinh' },
  { code: 'tooManyRows', rows: 100_001, limit: 100_000 },
  { code: 'formulas', count: 3, cells: [{ row: 2, column: 'nksHoTen' }] },
];

describe('why an extract is refused', () => {
  it('says what happened and what to do for every refusal, in Vietnamese and English', async () => {
    for (const language of ['vi', 'en']) {
      await i18next.changeLanguage(language);
      const texts = problems.map((problem) => problemText(problem, t));
      for (const [i, text] of texts.entries()) {
        expect(text, `${language}: ${problems[i]?.code}`).not.toContain('reconcile.problems');
        expect(text.length).toBeGreaterThan(20);
      }
      expect(new Set(texts).size).toBe(texts.length);
    }
    await i18next.changeLanguage('vi');
    expect(problemText(problems[7]!, t)).toBe(
      'Tệp có 100.001 dòng, quá 100.000 dòng một lần đối chiếu. Hãy xuất riêng từng loại sổ hoặc từng năm rồi đối chiếu lần lượt.',
    );
    expect(problemText(problems[8]!, t)).toContain('nksHoTen (2)');
  });
});
