// The few words main shows itself, in the operating system's own windows: folder pickers, and
// the dialogs of a start that failed before the app's page exists. Everything the page shows is
// worded in renderer/locales. Main does not know the officer's language: the pickers speak the
// app's first language, Vietnamese, and a start that fails says it in Vietnamese, then English.

export type MainLanguage = 'vi' | 'en';

/** The backup folder made under Documents/SoHoa the first time: a name, the same in any language. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'Sao lưu';

const texts = {
  vi: {
    exportPickerTitle: 'Chọn thư mục lưu bộ dữ liệu',
    exportPickerButton: 'Lưu vào thư mục này',
    backupPickerTitle: 'Chọn thư mục sao lưu',
    backupPickerButton: 'Sao lưu vào thư mục này',
    startFailedTitle: 'SoHoa không khởi động được',
    startFailed:
      'Phần mềm gặp lỗi khi mở cửa sổ làm việc. Dữ liệu đã lưu không bị ảnh hưởng. ' +
      'Hãy tắt phần mềm rồi mở lại; nếu vẫn lỗi, hãy cài lại phần mềm hoặc báo cán bộ phụ trách.',
    debugRefusedTitle: 'SoHoa không mở được',
    debugRefused: (found: string) =>
      `Phần mềm được mở kèm tuỳ chọn gỡ lỗi không được phép (${found}). ` +
      'Các tuỳ chọn này cho phép chương trình khác đọc và sửa dữ liệu hộ tịch, nên phần mềm ' +
      'sẽ đóng lại. Hãy mở SoHoa bằng biểu tượng trên màn hình hoặc trình đơn Start; ' +
      'nếu lối tắt đã bị sửa, hãy báo cán bộ phụ trách.',
    downloadingShell: (version: string) => `Đang tải Electron ${version} (chỉ lần đầu)…`,
    missingShell: (version: string) => [
      `Máy này chưa có bộ khung ứng dụng máy tính (Electron ${version}) và không tải được về.`,
      'Có thể chạy chính ứng dụng này trong trình duyệt:',
      '    npm run web',
      'rồi mở http://localhost:5173 bằng Chrome, Edge hoặc Chromium.',
    ],
  },
  en: {
    exportPickerTitle: 'Choose the folder for the data set',
    exportPickerButton: 'Save into this folder',
    backupPickerTitle: 'Choose the backup folder',
    backupPickerButton: 'Back up into this folder',
    startFailedTitle: 'SoHoa could not start',
    startFailed:
      'The software failed while opening its window. The data already saved is not affected. ' +
      'Close the software and open it again; if it still fails, reinstall it or tell whoever ' +
      'supports it.',
    debugRefusedTitle: 'SoHoa cannot open',
    debugRefused: (found: string) =>
      `The software was opened with debugging options that are not allowed (${found}). ` +
      'These options let other programs read and change civil-registry data, so the software ' +
      'will close. Open SoHoa from its desktop icon or the Start menu; if the shortcut was ' +
      'changed, tell whoever supports it.',
    downloadingShell: (version: string) => `Downloading Electron ${version} (first start only)…`,
    missingShell: (version: string) => [
      `The desktop shell (Electron ${version}) is not installed on this machine and could not be downloaded.`,
      'Run the same app in a browser instead:',
      '    npm run web',
      'then open http://localhost:5173 in Chrome, Edge or Chromium.',
    ],
  },
};

export type MainText = (typeof texts)['vi'];
export const mainTexts: Record<MainLanguage, MainText> = texts;

export function mainText(language: MainLanguage = 'vi'): MainText {
  return mainTexts[language];
}
