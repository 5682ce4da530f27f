import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_BACKUPS_KEPT, type BackupFolderInfo } from '../../../shared/bridge';
import { repo } from '../../db';
import { useLiveQuery } from '../../db/reads';
import { useUiStore } from '../../store/ui-store';
import { autoBackups, readLastBackup, readSchedule } from './auto-backup';
import { bridgeErrorText } from '../../locales/bridge-error';

/** Desktop only: the backup folder, how often, and how many backups to keep. */
export function AutoBackupSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const schedule = useLiveQuery(readSchedule, []);
  const last = useLiveQuery(readLastBackup, []);
  const folder = useLiveQuery<BackupFolderInfo | null>(
    () => autoBackups?.getFolder() ?? Promise.resolve(null),
    [],
  );
  const [chosenFolder, setChosenFolder] = useState<string | null>(null);
  const [everyEntries, setEveryEntries] = useState<string | null>(null);
  const [keep, setKeep] = useState<string | null>(null);
  if (!schedule) return null;

  const chooseFolder = async () => {
    const result = await autoBackups?.chooseFolder();
    if (!result) return;
    if (result.ok) setChosenFolder(result.value.folder);
    else if (result.error.code !== 'cancelled') notify('error', bridgeErrorText(result.error));
  };

  const save = async () => {
    const toCount = (text: string | null, fallback: number, min: number) => {
      const n = Number.parseInt(text ?? '', 10);
      return Number.isFinite(n) && n >= min ? Math.min(n, 365) : fallback;
    };
    await repo.saveBackupSchedule({
      everyEntries: toCount(everyEntries, schedule.everyEntries, 0),
      keep: toCount(keep, schedule.keep, MIN_BACKUPS_KEPT),
    });
    notify('info', t('backup.autoSaved'));
    onClose();
  };

  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog"
      aria-labelledby="auto-backup-title"
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="auto-backup-title">{t('backup.autoHeading')}</h2>
        <p className="hint">{t('backup.autoRules', { min: MIN_BACKUPS_KEPT })}</p>
        <div className="form-grid">
          <span>{t('backup.autoFolder')}</span>
          <span>
            <code>{chosenFolder ?? folder?.folder ?? ''}</code>{' '}
            <button type="button" onClick={() => void chooseFolder()}>
              {t('backup.autoChangeFolder')}
            </button>
          </span>
          <label className="form-grid-row">
            <span>{t('backup.autoEveryEntries')}</span>
            <input
              type="number"
              min={0}
              value={everyEntries ?? String(schedule.everyEntries)}
              onChange={(event) => setEveryEntries(event.target.value)}
            />
          </label>
          <label className="form-grid-row">
            <span>{t('backup.autoKeep')}</span>
            <input
              type="number"
              min={MIN_BACKUPS_KEPT}
              value={keep ?? String(Math.max(schedule.keep, MIN_BACKUPS_KEPT))}
              onChange={(event) => setKeep(event.target.value)}
            />
          </label>
        </div>
        <p>
          {last
            ? t('backup.autoLast', {
                date: new Date(last.at).toLocaleString('vi-VN'),
                file: last.fileName,
              })
            : t('backup.autoNever')}
        </p>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('bookSettings.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
