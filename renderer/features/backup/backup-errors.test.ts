import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { translations } from '../../locales/resources';
import { backupErrorDetail, isVietnamese } from './backup-errors';

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

  it('keeps a failure the app words itself in Vietnamese', () => {
    expect(backupErrorDetail(new Error('Ổ đĩa đã đầy'))).toBe('Ổ đĩa đã đầy');
    expect(backupErrorDetail('lạ')).toBe('lạ');
  });

  it("never shows a library's English text: names the failure in Vietnamese instead", () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const shown = [
      backupErrorDetail(new Error('checksum mismatch')),
      backupErrorDetail(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
      backupErrorDetail(new TypeError("Cannot read properties of undefined (reading 'id')")),
      backupErrorDetail('Error: invalid zip data', 'package'),
    ];
    expect(shown[0]).toBe(
      'đã xảy ra lỗi không lường trước (chi tiết kỹ thuật được ghi trong nhật ký của chương trình)',
    );
    expect(shown[1]).toBe(
      'ổ đĩa hoặc bộ nhớ của máy đã đầy; hãy xoá bớt tệp không cần rồi thử lại',
    );
    for (const text of shown) {
      expect(text).not.toMatch(/checksum|quota|undefined|zip/i);
      expect(isVietnamese(text)).toBe(true);
    }
    // The English detail is kept for whoever supports the PC.
    expect(logged.mock.calls.map((call) => String(call[1]))).toContain('Error: checksum mismatch');
    logged.mockRestore();
  });
});
