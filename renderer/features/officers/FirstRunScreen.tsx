// The first start on a PC: whoever installs the app becomes its first administrator, unless
// the PC is restored from a backup, whose own officers then sign in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '../../../shared/workflow/roles';
import { repo, session } from '../../db';
import { FirstRunRestore } from '../backup';
import { errorText } from './error-text';
import { PinInput } from './PinInput';

export function FirstRunScreen() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return setMessage(t('officers.problems.nameRequired'));
    const problem = pinProblem(pin);
    if (problem) return setMessage(t(`workflow.errors.${problem}`));
    if (pin !== again) return setMessage(t('officers.problems.pinMismatch'));
    setBusy(true);
    try {
      const admin = await repo.setUpAdministrator(name, pin);
      session.signIn(admin);
    } catch (error) {
      setMessage(errorText(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="sign-in" aria-labelledby="first-run-heading">
      <h1 id="first-run-heading">{t('officers.firstRun.heading')}</h1>
      <p>{t('officers.firstRun.intro')}</p>
      <form className="form-grid sign-in-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="first-run-name">{t('officers.name')}</label>
        <input
          id="first-run-name"
          autoFocus
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor="first-run-pin">{t('officers.pin')}</label>
        <PinInput
          id="first-run-pin"
          aria-describedby="first-run-pin-hint"
          value={pin}
          onDigits={setPin}
        />
        <label htmlFor="first-run-again">{t('officers.pinAgain')}</label>
        <PinInput id="first-run-again" value={again} onDigits={setAgain} />
        <span />
        <span id="first-run-pin-hint" className="hint">
          {t('officers.pinHint')}
        </span>
        <span />
        <button type="submit" className="primary" disabled={busy}>
          {t('officers.firstRun.submit')}
        </button>
        <span />
        <p role="alert" className="field-error">
          {message}
        </p>
      </form>
      <FirstRunRestore />
    </section>
  );
}
