// Restoring a backup on a PC nobody has set up yet, from the first-run screen: no administrator
// is made only for the backup to replace them. This PC trusts no other PC yet, so a signed
// backup from elsewhere is restored only once the person has compared the signer's fingerprint
// (from the paper kept with the backups); an unsigned one keeps its own confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import type { FileData } from '../../db/backup-rows';
import { isWorkflowError } from '../../db/workflow-error';
import { backupErrorDetail } from './backup-errors';
import { FileImportDialog } from './FileImportDialog';
import { SohoaFileButton } from './SohoaFileButton';
import { useFileImport } from './use-file-import';

/** Whether one of the backup's administrators can sign in once it is restored. */
const hasAdminWithPin = (data: FileData) =>
  data.people.some(
    (person) => person.role === 'admin' && person.active !== false && person.pin !== undefined,
  );

export function FirstRunRestore() {
  const { t } = useTranslation();
  const restore = useFileImport('backup');
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');

  const restoreAll = () =>
    restore.apply(async (data) => {
      try {
        await repo.restoreOntoNewPc(data);
      } catch (error) {
        setMessage(
          isWorkflowError(error)
            ? t(`workflow.errors.${error.code}`)
            : t('backup.applyFailed', { detail: backupErrorDetail(error) }),
        );
      }
    });

  const phase = restore.phase;
  const signer = phase.name === 'preview' ? phase.preview.signedBy : null;
  // A file signed by this PC (a wiped database, the same browser) needs no comparison.
  const needsConfirm =
    phase.name === 'preview' && signer?.standing !== 'own' && signer?.standing !== 'trusted';

  return (
    <section className="first-run-restore" aria-labelledby="first-run-restore-heading">
      <h2 id="first-run-restore-heading">{t('backup.firstRun.heading')}</h2>
      <p className="hint">{t('backup.firstRun.intro')}</p>
      <SohoaFileButton
        label={t('backup.firstRun.button')}
        onFile={(file) => {
          setMessage('');
          setConfirmed(false);
          void restore.read(file);
        }}
      />
      <p role="alert" className="field-error">
        {message}
      </p>
      <FileImportDialog
        phase={phase}
        title={t('backup.restoreTitle')}
        onClose={() => {
          setConfirmed(false);
          restore.close();
        }}
        onTrusted={restore.markTrusted}
        isFirstRun
      >
        {phase.name === 'preview' &&
          (hasAdminWithPin(phase.data) ? (
            <>
              <p className="hint">{t('backup.restoreEmptyHint')}</p>
              {needsConfirm && (
                <label>
                  <input
                    type="checkbox"
                    checked={confirmed}
                    onChange={(event) => setConfirmed(event.target.checked)}
                  />{' '}
                  {signer
                    ? t('backup.firstRun.fingerprintMatches')
                    : t('signature.unsignedConfirm')}
                </label>
              )}
              <div className="dialog-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={needsConfirm && !confirmed}
                  onClick={() => void restoreAll()}
                >
                  {t('backup.restoreEmpty')}
                </button>
              </div>
            </>
          ) : (
            <p role="alert" className="field-error">
              {t('workflow.errors.backup-without-admin-pin')}
            </p>
          ))}
      </FileImportDialog>
    </section>
  );
}
