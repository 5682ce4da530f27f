import './backup.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { db, repo } from '../../db';
import { buildWorkPackage } from '../../db/backup';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { ConflictsDialog } from './ConflictsDialog';
import { SOHOA_FILE_ACCEPT, workPackageFileName } from './file-names';
import { FileImportDialog } from './FileImportDialog';
import { saveFile } from './save-file';
import { useFileImport } from './use-file-import';
import { useMergeFile } from './use-merge-file';

/** In a book: send it to another PC as one file, take one in, and settle conflicts. */
export function WorkPackageTools({ book, template }: { book: Book; template: RegisterTemplate }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showConflicts, setShowConflicts] = useState(false);
  const receive = useFileImport('work-package');
  const mergeFile = useMergeFile();
  const conflicts = useLiveQuery(
    () => db.conflicts.where('bookId').equals(book.id).count(),
    [book.id],
    0,
  );

  const exportPackage = async () => {
    setBusy(true);
    try {
      const built = await buildWorkPackage(db, { bookId: book.id, appVersion: __APP_VERSION__ });
      const fileName = workPackageFileName(book, new Date());
      const saved = await saveFile(fileName, built.blob);
      if (!saved.ok) {
        if (!saved.cancelled) notify('error', t('backup.packageFailed', { detail: saved.message }));
        return;
      }
      await repo.markExchanged(book.id, built.sent, fileName);
      notify('info', t('backup.packageExported', { file: fileName, entries: built.entries }));
      setOpen(false);
    } catch (error) {
      notify('error', t('backup.packageFailed', { detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('backup.packageButton')}
      </button>
      {conflicts > 0 && (
        <button type="button" className="warning" onClick={() => setShowConflicts(true)}>
          {t('backup.conflictsButton', { n: conflicts })}
        </button>
      )}
      <input
        ref={inputRef}
        type="file"
        accept={SOHOA_FILE_ACCEPT}
        hidden
        aria-label={t('backup.packageImport')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            setOpen(false);
            void receive.read(file);
          }
        }}
      />
      {open && (
        <dialog
          ref={(dialog) => {
            if (dialog && !dialog.open) dialog.showModal();
          }}
          className="dialog"
          aria-labelledby="work-package-title"
          onClose={() => setOpen(false)}
        >
          <h2 id="work-package-title">{t('backup.packageHeading')}</h2>
          <p className="hint">{t('backup.packageIntro')}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void exportPackage()}
            >
              {busy ? t('backup.packageExporting') : t('backup.packageExport')}
            </button>
            <button type="button" onClick={() => inputRef.current?.click()}>
              {t('backup.packageImport')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </dialog>
      )}
      <FileImportDialog
        phase={receive.phase}
        title={t('backup.packageTitle')}
        onClose={receive.close}
      >
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => void receive.apply(mergeFile)}>
            {t('backup.merge')}
          </button>
        </div>
      </FileImportDialog>
      {showConflicts && (
        <ConflictsDialog
          bookId={book.id}
          template={template}
          onClose={() => setShowConflicts(false)}
        />
      )}
    </>
  );
}
