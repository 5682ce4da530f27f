// Voiding an entry (Hủy trường hợp, Alt+H) with a reason, and, on a voided entry, the reason it
// was voided and, for a reviewer or administrator, restoring it (Khôi phục, Alt+K).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { db, repo } from '../../db';
import type { EntryRecord } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { errorText } from '../officers/error-text';
import { useOfficer } from '../officers/use-officer';

interface Props {
  entry: EntryRecord;
  /** Writes what is still being typed, so the entry is voided as it is on screen. */
  flush: () => Promise<unknown>;
  /** The reason box closed: the keyboard goes back to the fields. */
  onDone: () => void;
}

export function EntryVoidBar({ entry, flush, onDone }: Props) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const signedIn = useOfficer();
  const stored = useLiveQuery(
    () => (signedIn ? db.people.get(signedIn.id) : undefined),
    [signedIn],
  );
  const voidedBy = useLiveQuery(
    () => (entry.voided ? db.people.get(entry.voided.by) : undefined),
    [entry.voided?.by],
  );
  const officer = stored ?? signedIn;
  const isVoided = entry.status === 'voided';
  const mayRestore = officer ? can(officer.role, 'review') : false;
  // The reason box is open for this entry only; the next entry starts without it.
  const [askingIn, setAskingIn] = useState<string | null>(null);
  const isAsking = askingIn === entry.id && (!isVoided || mayRestore);
  const [reason, setReason] = useState('');
  const start = () => {
    setReason('');
    setAskingIn(entry.id);
  };
  const cancel = () => {
    setAskingIn(null);
    onDone();
  };
  const confirm = async () => {
    try {
      if (isVoided) {
        await repo.restoreEntry(entry.id, reason);
        notify('info', t('void.restored', { so: entry.fields.so ?? '' }));
      } else {
        await flush();
        await repo.voidEntry(entry.id, reason);
        notify('info', t('void.done', { so: entry.fields.so ?? '' }));
      }
      setAskingIn(null);
      onDone();
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.code === 'KeyH' && !isVoided) || (event.code === 'KeyK' && isVoided && mayRestore)) {
      event.preventDefault();
      start();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="entry-void-bar">
      {isVoided && entry.voided && (
        <p className="entry-voided-note" role="note">
          {t('void.note', {
            name: voidedBy?.name ?? t('review.unknownOfficer'),
            at: new Date(entry.voided.at).toLocaleString('vi-VN'),
            reason: entry.voided.reason,
          })}
        </p>
      )}
      {!isAsking &&
        (isVoided ? (
          mayRestore && (
            <button type="button" aria-keyshortcuts="Alt+K" onClick={start}>
              {t('void.restoreButton')}
            </button>
          )
        ) : (
          <button type="button" aria-keyshortcuts="Alt+H" onClick={start}>
            {t('void.button')}
          </button>
        ))}
      {isAsking && (
        <div
          className="entry-void"
          role="group"
          aria-label={t(isVoided ? 'void.restoreGroup' : 'void.groupLabel')}
        >
          <p>{t(isVoided ? 'void.explainRestore' : 'void.explain')}</p>
          <label>
            {t(isVoided ? 'void.restoreReasonLabel' : 'void.reasonLabel')}{' '}
            <input
              autoFocus
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => {
                // Enter answers here; it neither walks the form nor submits it.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  event.stopPropagation();
                  if (reason.trim()) void confirm();
                  else notify('error', t('workflow.errors.void-reason-required'));
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  cancel();
                }
              }}
            />
          </label>{' '}
          <button type="button" disabled={!reason.trim()} onClick={() => void confirm()}>
            {t(isVoided ? 'void.restoreConfirm' : 'void.confirm')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('void.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
