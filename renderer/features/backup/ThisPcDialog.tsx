// "Máy này và máy tin cậy…": this PC's name and fingerprint, to read to a receiving PC or write
// on paper, and the PCs it trusts; administrators rename this PC and withdraw trust here.
import { backupErrorDetail } from './backup-errors';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import { useLiveQuery } from '../../db/reads';
import type { FileSigner } from '../../db/file-signature';
import { installation } from '../../db/installation';
import { renameThisPc, revokePc } from '../../db/pc-trust';
import { useUiStore } from '../../store/ui-store';
import { useOfficer } from '../officers';

export function ThisPcDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const officer = useOfficer();
  const isAdmin = officer !== null && can(officer.role, 'administer');
  const [identity, setIdentity] = useState<FileSigner | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [renamedTimes, setRenamedTimes] = useState(0);
  const trusted = useLiveQuery(() => installation.trustedPcs(), [], []);

  useEffect(() => {
    void installation.identity().then((own) => {
      setIdentity(own);
      setName(own.name);
    });
  }, [renamedTimes]);

  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      notify('info', done);
      setRenamedTimes((n) => n + 1);
    } catch (error) {
      notify('error', t('signature.failed', { detail: backupErrorDetail(error) }));
    } finally {
      setBusy(false);
    }
  };
  const pcName = (value: string) => value || t('signature.unnamedPc');

  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog"
      aria-labelledby="this-pc-title"
      onClose={onClose}
    >
      <h2 id="this-pc-title">{t('signature.thisPcTitle')}</h2>
      <p className="hint">{t('signature.thisPcIntro')}</p>
      {identity && (
        <>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                () => renameThisPc({ repo, installation }, name),
                t('signature.renamed', { name: name.trim() }),
              );
            }}
          >
            <label>
              {t('signature.thisPcName')}{' '}
              <input
                value={name}
                maxLength={200}
                readOnly={!isAdmin}
                onChange={(event) => setName(event.target.value)}
              />
            </label>{' '}
            {isAdmin && (
              <button type="submit" disabled={busy || name.trim() === identity.name}>
                {t('signature.rename')}
              </button>
            )}
          </form>
          <p>{t('signature.thisPcFingerprint')}</p>
          <p className="fingerprint" data-testid="own-fingerprint">
            {identity.fingerprint}
          </p>
        </>
      )}
      <h3>{t('signature.trustedHeading')}</h3>
      {trusted.length === 0 ? (
        <p className="hint">{t('signature.noTrusted')}</p>
      ) : (
        <ul aria-label={t('signature.trustedHeading')}>
          {trusted.map((pc) => (
            <li key={pc.installationId}>
              {t('signature.trustedRow', {
                name: pcName(pc.name),
                fingerprint: pc.fingerprint,
                date: new Date(pc.trustedAt).toLocaleString('vi-VN'),
                by: pc.trustedBy,
              })}{' '}
              {isAdmin && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      () => revokePc({ repo, installation }, pc.installationId),
                      t('signature.revoked', { name: pcName(pc.name) }),
                    )
                  }
                >
                  {t('signature.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
