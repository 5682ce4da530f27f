// The administrator chooses after how many idle minutes the screen locks, for this PC.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { errorText } from './error-text';
import {
  IDLE_LOCK_KEY,
  idleMinutesOf,
  isValidIdleMinutes,
  MAX_IDLE_MINUTES,
  MIN_IDLE_MINUTES,
} from './idle-setting';
import { localSettings, useLiveQuery } from '../../db/reads';

export function IdleLockSetting() {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const stored = useLiveQuery(() => localSettings.setting(IDLE_LOCK_KEY), []);
  const current = idleMinutesOf(stored?.value);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? String(current);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(shown);
    if (!isValidIdleMinutes(minutes)) {
      notify('error', t('officers.idle.invalid', { min: MIN_IDLE_MINUTES, max: MAX_IDLE_MINUTES }));
      return;
    }
    try {
      await repo.setSetting(IDLE_LOCK_KEY, minutes);
      setDraft(null);
      notify('info', t('officers.idle.saved', { minutes }));
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };

  return (
    <form className="admin-section" onSubmit={(event) => void submit(event)}>
      <h3>{t('officers.idle.title')}</h3>
      <div className="inline-form">
        <label htmlFor="idle-minutes">{t('officers.idle.minutes')}</label>
        <input
          id="idle-minutes"
          type="number"
          min={MIN_IDLE_MINUTES}
          max={MAX_IDLE_MINUTES}
          step={1}
          value={shown}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{t('officers.idle.save')}</button>
      </div>
    </form>
  );
}
