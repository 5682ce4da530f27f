// An officer changes their own PIN: the current one first (someone passing by an open screen
// cannot take the account over), then the new one twice.
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import { verifyPin } from '../../db/pin';
import { useUiStore } from '../../store/ui-store';
import { errorText } from './error-text';
import { PinInput } from './PinInput';
import { officerReads } from '../../db/reads';

export function ChangePinDialog({
  ref,
  officerId,
}: {
  ref: Ref<HTMLDialogElement>;
  officerId: string;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setCurrent('');
    setPin('');
    setAgain('');
    setMessage('');
  };

  const submit = async (dialog: HTMLDialogElement | null) => {
    const problem = pinProblem(pin);
    if (problem) return setMessage(t(`workflow.errors.${problem}`));
    if (pin !== again) return setMessage(t('officers.problems.pinMismatch'));
    setBusy(true);
    try {
      const stored = (await officerReads.officerById(officerId))?.pin;
      if (!stored || !(await verifyPin(current, stored))) {
        setCurrent('');
        setMessage(t('officers.changePin.wrongCurrent'));
        return;
      }
      await repo.setPin(officerId, pin);
      reset();
      dialog?.close();
      notify('info', t('officers.changePin.done'));
    } catch (error) {
      setMessage(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="change-pin-title" onClose={reset}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget.closest('dialog'));
        }}
      >
        <h2 id="change-pin-title">{t('officers.changePin.title')}</h2>
        <div className="form-grid">
          <label htmlFor="change-pin-current">{t('officers.changePin.currentPin')}</label>
          <PinInput id="change-pin-current" value={current} onDigits={setCurrent} />
          <label htmlFor="change-pin-new">{t('officers.changePin.newPin')}</label>
          <PinInput id="change-pin-new" value={pin} onDigits={setPin} />
          <label htmlFor="change-pin-again">{t('officers.pinAgain')}</label>
          <PinInput id="change-pin-again" value={again} onDigits={setAgain} />
        </div>
        <p className="hint">{t('officers.pinHint')}</p>
        <p role="alert" className="field-error">
          {message}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={(event) => event.currentTarget.closest('dialog')?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('officers.changePin.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
