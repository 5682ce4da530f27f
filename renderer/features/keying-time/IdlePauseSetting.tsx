// The administrator chooses after how many seconds without typing the keying time counts as
// paused (the officer is away, not keying): a setting of the data, kept in a backup.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IDLE_PAUSE_KEY,
  idlePauseSecondsOf,
  MAX_IDLE_PAUSE_SECONDS,
  MIN_IDLE_PAUSE_SECONDS,
} from '../../../shared/keying/keying-time';
import { repo } from '../../db';
import { localSettings, useLiveQuery } from '../../db/reads';
import { useUiStore } from '../../store/ui-store';

export function IdlePauseSetting({ errorText }: { errorText: (error: unknown) => string }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const stored = useLiveQuery(() => localSettings.setting(IDLE_PAUSE_KEY), []);
  const current = idlePauseSecondsOf(stored?.value);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? String(current);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const seconds = Number(shown);
    if (idlePauseSecondsOf(seconds) !== seconds) {
      notify(
        'error',
        t('keyingStats.idlePause.invalid', {
          min: MIN_IDLE_PAUSE_SECONDS,
          max: MAX_IDLE_PAUSE_SECONDS,
        }),
      );
      return;
    }
    try {
      await repo.setSetting(IDLE_PAUSE_KEY, seconds);
      setDraft(null);
      notify('info', t('keyingStats.idlePause.saved', { seconds }));
    } catch (error) {
      notify('error', errorText(error));
    }
  };

  return (
    <form className="admin-section" onSubmit={(event) => void submit(event)}>
      <h3>{t('keyingStats.idlePause.title')}</h3>
      <div className="inline-form">
        <label htmlFor="idle-pause-seconds">{t('keyingStats.idlePause.seconds')}</label>
        <input
          id="idle-pause-seconds"
          type="number"
          min={MIN_IDLE_PAUSE_SECONDS}
          max={MAX_IDLE_PAUSE_SECONDS}
          step={1}
          value={shown}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{t('keyingStats.idlePause.save')}</button>
      </div>
    </form>
  );
}
