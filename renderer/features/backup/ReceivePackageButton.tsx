import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SOHOA_FILE_ACCEPT } from './file-names';
import { FileImportDialog } from './FileImportDialog';
import { useFileImport } from './use-file-import';
import { useMergeFile } from './use-merge-file';

/**
 * "Nhận gói công việc…": picks a package, shows what it holds, merges it on request. On the
 * book list it brings a book this PC does not have yet; in a book, another PC's work on it.
 */
export function ReceivePackageButton({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const receive = useFileImport('work-package');
  const mergeFile = useMergeFile();
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()}>
        {t('backup.packageImport')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={SOHOA_FILE_ACCEPT}
        hidden
        aria-label={t('backup.packageImport')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void receive.read(file);
        }}
      />
      <FileImportDialog
        phase={receive.phase}
        title={t('backup.packageTitle')}
        onClose={receive.close}
      >
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void receive.apply(mergeFile).then(onDone)}
          >
            {t('backup.merge')}
          </button>
        </div>
      </FileImportDialog>
    </>
  );
}
