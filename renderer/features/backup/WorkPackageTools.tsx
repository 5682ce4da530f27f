import './backup.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { backupErrorDetail } from './backup-errors';
import { ConflictsDialog } from './ConflictsDialog';
import { OwnFingerprint } from './OwnFingerprint';
import { workPackageFileName } from './file-names';
import { ReceivePackageButton } from './ReceivePackageButton';
import { usePercent } from './progress';
import { saveFile } from './save-file';
import { conflictReads, files, useLiveQuery } from '../../db/reads';

/** In a book: send it to another PC as one file, take one in, and settle conflicts. */
export function WorkPackageTools({ book, template }: { book: Book; template: RegisterTemplate }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const progress = usePercent();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [showConflicts, setShowConflicts] = useState(false);
  const conflicts = useLiveQuery(() => conflictReads.conflictCount(book.id), [book.id], 0);

  const exportPackage = async () => {
    setBusy(true);
    progress.reset();
    try {
      const entryIds = onlyChanged ? await files.entriesChangedSinceExchange(book.id) : undefined;
      if (entryIds?.length === 0) {
        notify('info', t('backup.packageNothingChanged'));
        return;
      }
      const built = await files.buildWorkPackage({
        bookId: book.id,
        appVersion: __APP_VERSION__,
        onProgress: progress.listen,
        ...(entryIds ? { entryIds } : {}),
      });
      const fileName = workPackageFileName(book, new Date());
      const saved = await saveFile(fileName, built.blob);
      if (!saved.ok) {
        if (!saved.cancelled)
          notify(
            'error',
            t('backup.packageFailed', { detail: backupErrorDetail(saved.message, 'package') }),
          );
        return;
      }
      await repo.markExchanged(book.id, built.sent, fileName);
      notify('info', t('backup.packageExported', { file: fileName, entries: built.entries }));
      setOpen(false);
    } catch (error) {
      notify('error', t('backup.packageFailed', { detail: backupErrorDetail(error, 'package') }));
    } finally {
      setBusy(false);
      progress.reset();
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
          <OwnFingerprint />
          <label>
            <input
              type="checkbox"
              checked={onlyChanged}
              onChange={(event) => setOnlyChanged(event.target.checked)}
            />{' '}
            {t('backup.packageOnlyChanged')}
          </label>
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void exportPackage()}
            >
              {!busy
                ? t('backup.packageExport')
                : progress.percent === null
                  ? t('backup.packageExporting')
                  : t('backup.packageExportingPercent', { percent: progress.percent })}
            </button>
            <ReceivePackageButton book={book} onDone={() => setOpen(false)} />
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </dialog>
      )}
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
