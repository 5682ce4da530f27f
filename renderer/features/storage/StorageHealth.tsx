import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { formatBytes, type SpaceLevel } from './storage-health';
import { useStorageHealth } from './use-storage-health';
import './storage.css';

/**
 * Space used and free, in the header. Low space is a warning the officer may close until it
 * gets worse; a failed save is an alert that stays until a save goes through.
 */
export function StorageHealth() {
  const { t, i18n } = useTranslation();
  const health = useStorageHealth();
  const writeFailure = useUiStore((state) => state.writeFailure);
  const [closedLevel, setClosedLevel] = useState<SpaceLevel | null>(null);
  const bytes = (value: number) => formatBytes(value, i18n.language);

  const isLow = health?.level === 'low' || health?.level === 'critical';
  const showLow =
    isLow &&
    health.available !== null &&
    !(closedLevel === health.level || (closedLevel === 'critical' && health.level === 'low'));
  return (
    <>
      {health && health.usage !== null && (
        <span
          className={`storage-status storage-${health.level}`}
          role="status"
          aria-label={t('storage.statusLabel')}
        >
          {health.available === null
            ? t('storage.statusUnknown', { used: bytes(health.usage) })
            : t('storage.status', { used: bytes(health.usage), free: bytes(health.available) })}
        </span>
      )}
      {(writeFailure || showLow) && (
        <div className="storage-alerts">
          {writeFailure && (
            <div className="storage-alert storage-alert-failure" role="alert">
              <strong>
                {writeFailure === 'quota' ? t('storage.fullTitle') : t('storage.failedTitle')}
              </strong>{' '}
              {writeFailure === 'quota' ? t('storage.fullBody') : t('storage.failedBody')}
            </div>
          )}
          {!writeFailure && showLow && (
            <div className={`storage-alert storage-alert-${health.level}`} role="alert">
              <span>{t(`storage.${health.level}`, { free: bytes(health.available ?? 0) })}</span>
              <button type="button" onClick={() => setClosedLevel(health.level)}>
                {t('common.close')}
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
