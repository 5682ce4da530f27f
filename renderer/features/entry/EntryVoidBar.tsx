// Voiding an entry (Hủy trường hợp, Alt+H) with a reason, and, on a voided entry, the reason it
// was voided and, for a reviewer or administrator, restoring it (Khôi phục, Alt+K).
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { isSetAside } from '../../../shared/workflow/workflow';
import { repo } from '../../db';
import type { EntryRecord } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { ReasonPrompt } from '../../ui/ReasonPrompt';
import { errorText, useOfficer } from '../officers';
import { officerReads, useLiveQuery } from '../../db/reads';

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
  const stored = useLiveQuery(() => officerReads.officerById(signedIn?.id), [signedIn]);
  const voidedBy = useLiveQuery(
    () => officerReads.officerById(entry.voided?.by),
    [entry.voided?.by],
  );
  const officer = stored ?? signedIn;
  const isVoided = isSetAside(entry.status);
  const mayRestore = officer ? can(officer.role, 'review') : false;
  // The reason box is open for this entry only; the next entry starts without it.
  const [askingIn, setAskingIn] = useState<string | null>(null);
  const isAsking = askingIn === entry.id && (!isVoided || mayRestore);
  const start = () => setAskingIn(entry.id);
  const cancel = () => {
    setAskingIn(null);
    onDone();
  };
  const confirm = async (reason: string) => {
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
        <ReasonPrompt
          className="entry-void"
          groupLabel={t(isVoided ? 'void.restoreGroup' : 'void.groupLabel')}
          explain={t(isVoided ? 'void.explainRestore' : 'void.explain')}
          label={t(isVoided ? 'void.restoreReasonLabel' : 'void.reasonLabel')}
          confirmLabel={t(isVoided ? 'void.restoreConfirm' : 'void.confirm')}
          cancelLabel={t('void.cancel')}
          reasonRequired={t('workflow.errors.void-reason-required')}
          onConfirm={confirm}
          onCancel={cancel}
        />
      )}
    </div>
  );
}
