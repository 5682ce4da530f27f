import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkflowError, workflowErrorCodes } from '../../db/workflow-error';
import { translations } from '../../locales/resources';
import { errorText } from './error-text';

const t = i18next.t.bind(i18next);

beforeAll(async () => {
  await i18next.init({
    resources: { vi: { translation: translations.vi }, en: { translation: translations.en } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

describe('error text', () => {
  it('words every refusal of the data layer, in Vietnamese and English', async () => {
    for (const language of ['vi', 'en']) {
      await i18next.changeLanguage(language);
      const texts = workflowErrorCodes.map((code) => errorText(t, new WorkflowError(code)));
      for (const [i, text] of texts.entries()) {
        expect(text, `${language}: ${workflowErrorCodes[i]}`).not.toContain('workflow.errors');
        expect(text.length).toBeGreaterThan(10);
      }
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('keeps the detail of an unexpected failure for the supervisor', async () => {
    await i18next.changeLanguage('vi');
    const text = errorText(t, new Error('QuotaExceededError'));
    expect(text).toContain('Không thực hiện được');
    expect(text).toContain('QuotaExceededError');
  });
});
