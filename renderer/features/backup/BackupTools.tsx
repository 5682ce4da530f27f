import './backup.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { FileData } from '../../db/backup-rows';
import { DatabaseNotEmptyError } from '../../db/repositories';
import { useUiStore } from '../../store/ui-store';
import { AutoBackupSettings } from './AutoBackupSettings';
import { backupFileName } from './file-names';
import { SohoaFileButton } from './SohoaFileButton';
import { FileImportDialog } from './FileImportDialog';
import { autoBackups, SCANS_FIT_BYTES } from './auto-backup';
import { backupErrorDetail } from './backup-errors';
import { usePercent } from './progress';
import { ReceivePackageButton } from './ReceivePackageButton';
import { saveFile } from './save-file';
import { signerAccepted } from './SignerNotice';
import { ThisPcDialog } from './ThisPcDialog';
import { useOfficer } from '../officers';
import { useFileImport } from './use-file-import';
import { useMergeFile } from './use-merge-file';
import { entryReads, files, pageReads, useLiveQuery } from '../../db/reads';

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/** "Sao lưu" and "Khôi phục…" on the book list; on the desktop, the automatic schedule too. */
export function BackupTools() {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [busy, setBusy] = useState(false);
  const progress = usePercent();
  const [withScansChoice, setWithScansChoice] = useState<boolean | null>(null);
  const [showAuto, setShowAuto] = useState(false);
  const [showThisPc, setShowThisPc] = useState(false);
  const [unsignedConfirmed, setUnsignedConfirmed] = useState(false);
  const officer = useOfficer();
  const isAdmin = officer !== null && can(officer.role, 'administer');
  const restore = useFileImport('backup');
  const mergeFile = useMergeFile();
  const scanBytes = useLiveQuery(() => pageReads.scanBytes(), []);
  const isEmpty = useLiveQuery(() => entryReads.isEmpty(), []);
  const scansFit = (scanBytes ?? 0) <= SCANS_FIT_BYTES;
  const withScans = withScansChoice ?? scansFit;

  const backUp = async () => {
    setBusy(true);
    progress.reset();
    try {
      if (autoBackups) {
        const written = await autoBackups.run('manual', {
          withScans,
          onProgress: progress.listen,
        });
        notify('info', t('backup.backupDoneFolder', { ...written }));
        return;
      }
      const built = await files.buildBackup({
        withScans,
        appVersion: __APP_VERSION__,
        onProgress: progress.listen,
      });
      const fileName = backupFileName(new Date());
      const saved = await saveFile(fileName, built.blob);
      if (!saved.ok) {
        if (!saved.cancelled)
          notify('error', t('backup.backupFailed', { detail: backupErrorDetail(saved.message) }));
        return;
      }
      await repo.recordBackup({ reason: 'manual', fileName, bytes: built.blob.size });
      notify(
        'info',
        t('backup.backupDone', {
          books: built.books.length,
          entries: built.entries,
          file: fileName,
        }),
      );
    } catch (error) {
      notify('error', t('backup.backupFailed', { detail: backupErrorDetail(error) }));
    } finally {
      setBusy(false);
      progress.reset();
    }
  };

  const restoreAll = (data: FileData) =>
    restore.apply(async () => {
      try {
        await repo.restoreIntoEmpty(data);
        notify(
          'info',
          t('backup.restored', { books: data.books.length, entries: data.records.length }),
        );
      } catch (error) {
        notify(
          'error',
          error instanceof DatabaseNotEmptyError
            ? t('backup.notEmpty')
            : t('backup.applyFailed', { detail: backupErrorDetail(error) }),
        );
      }
    });

  return (
    <>
      <button type="button" onClick={() => void backUp()} disabled={busy}>
        {!busy
          ? t('backup.backupButton')
          : progress.percent === null
            ? t('backup.backingUp')
            : t('backup.backingUpPercent', { percent: progress.percent })}
      </button>
      <label
        className="backup-scans"
        title={scansFit ? undefined : t('backup.scansTooBig', { size: formatSize(scanBytes ?? 0) })}
      >
        <input
          type="checkbox"
          checked={withScans}
          onChange={(event) => setWithScansChoice(event.target.checked)}
        />{' '}
        {t('backup.withScans')}
      </label>
      <SohoaFileButton
        label={t('backup.restoreButton')}
        onFile={(file) => void restore.read(file)}
      />
      <ReceivePackageButton />
      {autoBackups && (
        <button type="button" onClick={() => setShowAuto(true)}>
          {t('backup.autoButton')}
        </button>
      )}
      {showAuto && <AutoBackupSettings onClose={() => setShowAuto(false)} />}
      <button type="button" onClick={() => setShowThisPc(true)}>
        {t('signature.thisPcButton')}
      </button>
      {showThisPc && <ThisPcDialog onClose={() => setShowThisPc(false)} />}
      <FileImportDialog
        phase={restore.phase}
        title={t('backup.restoreTitle')}
        onClose={() => {
          setUnsignedConfirmed(false);
          restore.close();
        }}
        onTrusted={restore.markTrusted}
      >
        {restore.phase.name === 'preview' && (
          <RestoreActions
            unsigned={restore.phase.preview.signedBy === null}
            accepted={signerAccepted(restore.phase.preview)}
            isEmpty={isEmpty === true}
            isAdmin={isAdmin}
            unsignedConfirmed={unsignedConfirmed}
            onConfirmUnsigned={setUnsignedConfirmed}
            onRestore={() => {
              if (restore.phase.name === 'preview') void restoreAll(restore.phase.data);
              setUnsignedConfirmed(false);
            }}
            onMerge={() => void restore.apply(mergeFile)}
          />
        )}
      </FileImportDialog>
    </>
  );
}

/**
 * What can be done with a backup once read: a signed one from this PC or a trusted PC restores
 * into an empty PC or merges; one from an unknown PC waits for the fingerprint comparison; an
 * unsigned one (earlier release) only restores into an empty PC, by an administrator who
 * confirms, and never merges.
 */
function RestoreActions(props: {
  unsigned: boolean;
  accepted: boolean;
  isEmpty: boolean;
  isAdmin: boolean;
  unsignedConfirmed: boolean;
  onConfirmUnsigned: (confirmed: boolean) => void;
  onRestore: () => void;
  onMerge: () => void;
}) {
  const { t } = useTranslation();
  const { unsigned, accepted, isEmpty, isAdmin, unsignedConfirmed } = props;
  if (unsigned) {
    const mayRestore = isEmpty && isAdmin;
    return (
      <>
        <p className="hint">{t('signature.unsignedAdminOnly')}</p>
        {mayRestore && (
          <>
            <p className="hint">{t('backup.restoreEmptyHint')}</p>
            <label>
              <input
                type="checkbox"
                checked={unsignedConfirmed}
                onChange={(event) => props.onConfirmUnsigned(event.target.checked)}
              />{' '}
              {t('signature.unsignedConfirm')}
            </label>
            <div className="dialog-actions">
              <button
                type="button"
                className="primary"
                disabled={!unsignedConfirmed}
                onClick={props.onRestore}
              >
                {t('backup.restoreEmpty')}
              </button>
            </div>
          </>
        )}
      </>
    );
  }
  return (
    <>
      <p className="hint">
        {isEmpty ? t('backup.restoreEmptyHint') : t('backup.restoreNotEmptyHint')}
      </p>
      {!accepted && <p className="hint">{t('signature.receiveAfterTrust')}</p>}
      <div className="dialog-actions">
        {isEmpty && (
          <button type="button" className="primary" disabled={!accepted} onClick={props.onRestore}>
            {t('backup.restoreEmpty')}
          </button>
        )}
        <button
          type="button"
          className={isEmpty ? undefined : 'primary'}
          disabled={!accepted}
          onClick={props.onMerge}
        >
          {t('backup.merge')}
        </button>
      </div>
    </>
  );
}
