// The header's part: who is working, the switch (Ctrl+L), their PIN, and for administrators the
// officers screen.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { AdminDialog } from './AdminDialog';
import { ChangePinDialog } from './ChangePinDialog';
import { useLockWithNotice } from './IdleLock';
import { roleLabel } from './role-label';
import { useOfficer } from './use-officer';
import { officerReads, useLiveQuery } from '../../db/reads';

export function OfficerBar() {
  const { t } = useTranslation();
  const signedIn = useOfficer();
  // Read live, so a name or role changed on the officers screen shows at once.
  const stored = useLiveQuery(() => officerReads.officerById(signedIn?.id), [signedIn]);
  const officer = stored ?? signedIn;
  const lock = useLockWithNotice();
  const pinDialog = useRef<HTMLDialogElement>(null);
  const adminDialog = useRef<HTMLDialogElement>(null);
  if (!officer) return null;
  const isAdmin = can(officer.role, 'administer');
  return (
    <div className="officer-bar" role="group" aria-label={t('officers.bar.label')}>
      <span className="officer-bar-name" data-testid="current-officer">
        {officer.name}
      </span>
      <span className="officer-bar-role">{roleLabel(t, officer.role)}</span>
      <button
        type="button"
        title={t('officers.bar.switchShortcut')}
        aria-keyshortcuts="Control+L"
        onClick={() => void lock()}
      >
        {t('officers.bar.switch')}
      </button>
      <button type="button" onClick={() => pinDialog.current?.showModal()}>
        {t('officers.bar.changePin')}
      </button>
      {isAdmin && (
        <button type="button" onClick={() => adminDialog.current?.showModal()}>
          {t('officers.bar.admin')}
        </button>
      )}
      <ChangePinDialog ref={pinDialog} officerId={officer.id} />
      {isAdmin && <AdminDialog ref={adminDialog} />}
    </div>
  );
}
