import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { formatBytes, type SpaceLevel } from './storage-health';
import { useStorageHealth } from './use-storage-health';
import './storage.css';

/** Space used and free, for the header. */
export function StorageStatus() {
  const { t, i18n } = useTranslation();
  const health = useStorageHealth();
  if (!health || health.usage === null) return null;
  const bytes = (value: number) => formatBytes(value, i18n.language);
  return (
    <span
      className={`storage-status storage-${health.level}`}
      role="status"
      aria-label={t('storage.statusLabel')}
    >
      {health.available === null
        ? t('storage.statusUnknown', { used: bytes(health.usage) })
        : t('storage.status', { used: bytes(health.usage), free: bytes(health.available) })}
    </span>
  );
}

/**
 * Under the header, pushing the screen down rather than covering it: a failed save stays until
 * a save goes through; low space is a warning the officer may close until it gets worse.
 */
export function StorageAlerts() {
  const { t, i18n } = useTranslation();
  const health = useStorageHealth();
  const writeFailure = useUiStore((state) => state.writeFailure);
  const [closedLevel, setClosedLevel] = useState<SpaceLevel | null>(null);

  if (writeFailure) {
    return (
      <div className="storage-alert storage-alert-failure" role="alert">
        <strong>
          {writeFailure === 'quota' ? t('storage.fullTitle') : t('storage.failedTitle')}
        </strong>{' '}
        {writeFailure === 'quota' ? t('storage.fullBody') : t('storage.failedBody')}
      </div>
    );
  }
  if (!health || health.available === null) return null;
  if (health.level !== 'low' && health.level !== 'critical') return null;
  if (closedLevel === health.level || (closedLevel === 'critical' && health.level === 'low')) {
    return null;
  }
  const level = health.level;
  return (
    <div className={`storage-alert storage-alert-${level}`} role="alert">
      <span>{t(`storage.${level}`, { free: formatBytes(health.available, i18n.language) })}</span>
      <button type="button" onClick={() => setClosedLevel(level)}>
        {t('common.close')}
      </button>
    </div>
  );
}
