// The administrator's screen: officers (add, role, trusted, active, PIN reset), the idle lock,
// and the audit log check. Every change is checked again in the repositories.
import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isPinShaped,
  pinProblem,
  officerRoles,
  type OfficerRole,
} from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { Person } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { AuditCheck } from './AuditCheck';
import { errorText } from './error-text';
import { IdleLockSetting } from './IdleLockSetting';
import { IdlePauseSetting } from '../keying-time';
import { roleLabel } from './role-label';
import { PinInput } from './PinInput';
import { officerReads, useLiveQuery } from '../../db/reads';

export function AdminDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  const { t, i18n } = useTranslation();
  const people = useLiveQuery(() => officerReads.allOfficers(), []);
  const sorted = [...(people ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="admin-title">
      <h2 id="admin-title">{t('officers.admin.title')}</h2>
      <table className="data-table officers-table">
        <thead>
          <tr>
            <th scope="col">{t('officers.name')}</th>
            <th scope="col">{t('officers.role')}</th>
            <th scope="col">{t('officers.admin.trusted')}</th>
            <th scope="col">{t('officers.admin.active')}</th>
            <th scope="col">{t('officers.pin')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((person) => (
            <OfficerRow key={person.id} person={person} />
          ))}
        </tbody>
      </table>
      <AddOfficerForm />
      <IdleLockSetting />
      <IdlePauseSetting errorText={(error) => errorText(t, error)} />
      <AuditCheck />
      <div className="dialog-actions">
        <button type="button" onClick={(event) => event.currentTarget.closest('dialog')?.close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}

function OfficerRow({ person }: { person: Person }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [resetting, setResetting] = useState(false);
  const [pin, setPin] = useState('');

  const update = async (changes: Parameters<typeof repo.updateOfficer>[1]) => {
    try {
      await repo.updateOfficer(person.id, changes);
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };

  const resetPin = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await repo.setPin(person.id, pin);
      setPin('');
      setResetting(false);
      notify('info', t('officers.admin.pinReset', { name: person.name }));
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };

  const isActive = person.active !== false;
  return (
    <tr className={isActive ? undefined : 'officer-inactive'}>
      <th scope="row">{person.name}</th>
      <td>
        <select
          aria-label={t('officers.admin.roleOf', { name: person.name })}
          value={person.role}
          onChange={(event) => void update({ role: event.target.value as OfficerRole })}
        >
          {officerRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(t, role)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('officers.admin.trustedOf', { name: person.name })}
          checked={person.trusted === true}
          onChange={(event) => void update({ trusted: event.target.checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('officers.admin.activeOf', { name: person.name })}
          checked={isActive}
          onChange={(event) => void update({ active: event.target.checked })}
        />
      </td>
      <td>
        {resetting ? (
          <form className="inline-form" onSubmit={(event) => void resetPin(event)}>
            <PinInput
              autoFocus
              aria-label={t('officers.admin.newPinOf', { name: person.name })}
              value={pin}
              onDigits={setPin}
            />
            <button type="submit" disabled={!isPinShaped(pin)}>
              {t('officers.admin.savePin')}
            </button>
            <button type="button" onClick={() => setResetting(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            aria-label={t('officers.admin.resetPinOf', { name: person.name })}
            onClick={() => setResetting(true)}
          >
            {t('officers.admin.resetPin')}
          </button>
        )}
      </td>
    </tr>
  );
}

function AddOfficerForm() {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [name, setName] = useState('');
  const [role, setRole] = useState<OfficerRole>('entry');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMessage(t('officers.problems.nameRequired'));
    const problem = pinProblem(pin);
    if (problem) return setMessage(t(`workflow.errors.${problem}`));
    setBusy(true);
    try {
      const officer = await repo.addOfficer({ name, role, pin });
      setName('');
      setPin('');
      setMessage('');
      notify('info', t('officers.admin.added', { name: officer.name }));
      // Ready for the next officer: the keyboard goes back to the name, not the emptied PIN.
      nameRef.current?.focus();
    } catch (error) {
      setMessage(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-section" onSubmit={(event) => void submit(event)}>
      <h3>{t('officers.admin.addTitle')}</h3>
      <div className="form-grid">
        <label htmlFor="add-officer-name">{t('officers.name')}</label>
        <input
          id="add-officer-name"
          ref={nameRef}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor="add-officer-role">{t('officers.role')}</label>
        <select
          id="add-officer-role"
          value={role}
          onChange={(event) => setRole(event.target.value as OfficerRole)}
        >
          {officerRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(t, r)}
            </option>
          ))}
        </select>
        <label htmlFor="add-officer-pin">{t('officers.pin')}</label>
        <PinInput
          id="add-officer-pin"
          aria-describedby="add-officer-hint"
          value={pin}
          onDigits={setPin}
        />
        <span />
        <span id="add-officer-hint" className="hint">
          {t('officers.admin.addHint')}
        </span>
      </div>
      <p role="alert" className="field-error">
        {message}
      </p>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('officers.admin.add')}
        </button>
      </div>
    </form>
  );
}
