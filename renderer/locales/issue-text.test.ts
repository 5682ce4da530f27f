import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../shared/registers';
import { validateEntry } from '../../shared/validation/validate-entry';
import { translations } from './resources';
import { issueText } from './issue-text';

const t = i18next.t.bind(i18next);

beforeAll(async () => {
  await i18next.init({
    resources: { vi: { translation: translations.vi }, en: { translation: translations.en } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

const warningsFor = (fields: Record<string, string>, bookYear?: number) =>
  validateEntry(getTemplate('ks-70'), fields, { now: new Date(2024, 0, 1), bookYear }).warnings;

describe('the words of a validation issue', () => {
  it('offers the corrected year when the check has one', () => {
    const [warning] = warningsFor({ ngayDangKy: '01.01.2008', meNgaySinh: '10.10.5981' });
    expect(warning && issueText(t, warning)).toBe('Năm 5981 không hợp lý. Có phải là 1981?');
  });

  it('words the other rules as before', () => {
    expect(issueText(t, { rule: 'required' })).toBe(t('validation.required'));
    expect(issueText(t, { rule: 'required' })).not.toMatch(/validation|[{}]/u);
  });

  it.each(['vi', 'en'])(
    'never shows a placeholder when no year can be suggested (%s)',
    async (lng) => {
      await i18next.changeLanguage(lng);
      // In a 1990 book no one digit of 2999 can change to make a year between 1900 and 1990.
      const year = warningsFor({ ngayDangKy: '', meNgaySinh: '2999' }, 1990);
      const age = warningsFor({ ngayDangKy: '', meNgaySinh: '35' });
      // Only the mother's birth year: an entry this bare also draws warnings of its own (no số).
      const texts = [...year, ...age]
        .filter((warning) => warning.field === 'meNgaySinh')
        .map((warning) => issueText(t, warning));
      expect(texts).toHaveLength(2);
      for (const text of texts) {
        expect(text).not.toMatch(/[{}]/u);
      }
      expect(texts[0]).toContain('2999');
      expect(texts[1]).toContain('35');
      await i18next.changeLanguage('vi');
    },
  );
});
