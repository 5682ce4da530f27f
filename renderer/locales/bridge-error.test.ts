import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { bridgeErrorCodes, bridgeErrorParams } from '../../shared/bridge-errors';
import { bridgeErrorText } from './bridge-error';
import { translations, type Tree } from './resources';

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!).sort();

describe('bridge errors', () => {
  for (const language of ['vi', 'en'] as const) {
    it(`are each worded in ${language}, with exactly the values the code carries`, () => {
      const words = translations[language].bridgeErrors as Tree;
      const problems = bridgeErrorCodes.flatMap((code) => {
        const text = words[code];
        if (typeof text !== 'string') return [`${code}: missing`];
        const params = Object.keys(bridgeErrorParams[code].shape).sort();
        const used = placeholders(text);
        return JSON.stringify(used) === JSON.stringify(params) ? [] : [`${code}: ${used.join()}`];
      });
      expect(problems).toEqual([]);
      expect(Object.keys(words).sort()).toEqual([...bridgeErrorCodes].sort());
    });
  }

  describe('as the officer reads them', () => {
    beforeAll(async () => {
      await i18next.init({
        lng: 'vi',
        resources: {
          vi: { translation: translations.vi },
          en: { translation: translations.en },
        },
        interpolation: { escapeValue: false },
      });
    });

    it('name the file and say what to do, in the language chosen', async () => {
      const full = { code: 'disk-full', params: { name: 'SoKhaiSinh.xlsx' } } as const;
      await i18next.changeLanguage('vi');
      expect(bridgeErrorText(full)).toBe(
        'Ổ đĩa đã đầy nên không ghi được tệp “SoKhaiSinh.xlsx”. Chưa có tệp nào được lưu. ' +
          'Hãy xoá bớt tệp không cần hoặc chọn ổ đĩa khác rồi lưu lại.',
      );
      await i18next.changeLanguage('en');
      expect(bridgeErrorText(full)).toMatch(/^The disk is full, so the file “SoKhaiSinh\.xlsx”/);
    });

    it('write sizes as the language writes numbers', async () => {
      const error = {
        code: 'backup-no-space',
        params: { free: 1024, needed: 2048, margin: 200 },
      } as const;
      await i18next.changeLanguage('vi');
      expect(bridgeErrorText(error)).toContain('chỉ còn 1.024 MB trống');
      await i18next.changeLanguage('en');
      expect(bridgeErrorText(error)).toContain('only 1,024 MB free');
    });
  });
});
