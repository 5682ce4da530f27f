// Who signed a file being received, and whether this PC trusts them. An unknown PC's file waits
// until an administrator has compared its fingerprint with the sender (read aloud or on paper)
// and pressed "Tin cậy máy này".
import { useState } from 'react';
import { backupErrorDetail } from './backup-errors';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { FilePreview } from '../../db/backup';
import { installation } from '../../db/installation';
import { trustPc } from '../../db/pc-trust';
import { useOfficer } from '../officers';

/** Whether the file's signature lets it be written here (unsigned backups: see the caller). */
export function signerAccepted(preview: FilePreview): boolean {
  return preview.signedBy !== null && preview.signedBy.standing !== 'unknown';
}

export function SignerNotice({
  preview,
  onTrusted,
  isFirstRun = false,
}: {
  preview: FilePreview;
  onTrusted: () => void;
  /** Nobody is signed in yet: the fingerprint is compared, and no PC is trusted. */
  isFirstRun?: boolean;
}) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const signer = preview.signedBy;
  if (!signer) {
    return (
      <p role="alert" className="signer signer-unsigned">
        {t('signature.unsigned')}
      </p>
    );
  }
  const values = {
    name: signer.name || t('signature.unnamedPc'),
    fingerprint: signer.fingerprint,
  };
  if (signer.standing !== 'unknown') {
    return (
      <p className={`signer signer-${signer.standing}`} data-testid="file-signer">
        {t(`signature.${signer.standing}`, values)}
      </p>
    );
  }
  const isAdmin = officer !== null && can(officer.role, 'administer');
  const trust = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await trustPc({ repo, installation }, signer);
      onTrusted();
    } catch (error) {
      setFailure(backupErrorDetail(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="alert" className="signer signer-unknown" data-testid="file-signer">
      <p>{t('signature.unknown', values)}</p>
      <p className="fingerprint" data-testid="signer-fingerprint">
        {signer.fingerprint}
      </p>
      <p className="hint">{isFirstRun ? t('backup.firstRun.compare') : t('signature.compare')}</p>
      {isFirstRun ? null : isAdmin ? (
        <button type="button" disabled={busy} onClick={() => void trust()}>
          {busy ? t('signature.trusting') : t('signature.trust')}
        </button>
      ) : (
        <p>{t('signature.adminOnly')}</p>
      )}
      {failure && <p>{t('signature.trustFailed', { detail: failure })}</p>}
    </div>
  );
}
