import { useTranslation } from 'react-i18next';
import { SohoaFileButton } from './SohoaFileButton';
import { FileImportDialog } from './FileImportDialog';
import { useFileImport } from './use-file-import';
import { useMergeFile } from './use-merge-file';

/**
 * "Nhận gói công việc…": picks a package, shows what it holds, merges it on request. On the
 * book list it brings a book this PC does not have yet; in a book, another PC's work on it.
 */
export function ReceivePackageButton({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const receive = useFileImport('work-package');
  const mergeFile = useMergeFile();
  return (
    <>
      <SohoaFileButton
        label={t('backup.packageImport')}
        onFile={(file) => void receive.read(file)}
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
