import { useTranslation } from 'react-i18next';
import type { Book } from '../../db/types';
import { SohoaFileButton } from './SohoaFileButton';
import { FileImportDialog, templateName } from './FileImportDialog';
import { signerAccepted } from './SignerNotice';
import { useFileImport } from './use-file-import';
import { useMergeFile } from './use-merge-file';

/**
 * "Nhận gói công việc…": picks a package, shows what it holds, merges it on request. On the
 * book list it brings a book this PC does not have yet; in a book, another PC's work on it. A
 * package for another book than the open one says so, and asks for a different button.
 */
export function ReceivePackageButton({ book, onDone }: { book?: Book; onDone?: () => void }) {
  const { t } = useTranslation();
  const receive = useFileImport('work-package');
  const mergeFile = useMergeFile();
  const { phase } = receive;
  const bookName = (of: { templateVersion: string; quyenSo: string; year: number }) =>
    t('backup.bookName', {
      name: templateName(of.templateVersion),
      quyenSo: of.quyenSo,
      year: of.year,
    });
  const otherBooks =
    book && phase.name === 'preview' && !phase.preview.books.some((b) => b.id === book.id)
      ? phase.preview.books
      : [];
  return (
    <>
      <SohoaFileButton
        label={t('backup.packageImport')}
        onFile={(file) => void receive.read(file)}
      />
      <FileImportDialog
        phase={phase}
        title={t('backup.packageTitle')}
        onClose={receive.close}
        onTrusted={receive.markTrusted}
      >
        {book && otherBooks.length > 0 && (
          <p role="alert">
            {t('backup.otherBook', {
              books: otherBooks.map(bookName).join(', '),
              current: bookName(book),
            })}
          </p>
        )}
        {phase.name === 'preview' && !signerAccepted(phase.preview) && (
          <p className="hint">{t('signature.receiveAfterTrust')}</p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            disabled={phase.name !== 'preview' || !signerAccepted(phase.preview)}
            onClick={() => void receive.apply(mergeFile).then(onDone)}
          >
            {otherBooks.length > 0 ? t('backup.mergeOtherBook') : t('backup.merge')}
          </button>
        </div>
      </FileImportDialog>
    </>
  );
}
