import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../locales/resources';
import { backupErrorDetail } from './backup-errors';

beforeAll(async () => {
  await i18next.init({
    resources: { vi: { translation: translations.vi }, en: { translation: translations.en } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

describe('backupErrorDetail', () => {
  it('says what to do when the browser could not hold the file, not "permission problems"', () => {
    const error = new DOMException(
      'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.',
      'NotReadableError',
    );
    expect(backupErrorDetail(error)).toBe(
      'máy không đủ bộ nhớ tạm để giữ một tệp lớn như vậy; hãy bỏ dấu “Kèm bản scan” rồi sao lưu lại, hoặc đóng bớt chương trình khác',
    );
    expect(backupErrorDetail(error, 'package')).toMatch(/chỉ gửi các trường hợp mới hoặc đã sửa$/);
  });

  it('keeps the message of any other failure', () => {
    expect(backupErrorDetail(new Error('Ổ đĩa đã đầy'))).toBe('Ổ đĩa đã đầy');
    expect(backupErrorDetail('lạ')).toBe('lạ');
  });
});
