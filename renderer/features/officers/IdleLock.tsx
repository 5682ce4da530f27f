// Locks an unattended screen after the administrator's idle time, and on Ctrl+L.
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { startIdleTimer, type IdleTimer } from './idle-timer';
import { IDLE_LOCK_KEY, idleMinutesOf } from './idle-setting';
import type { LockResult } from './lock';
import { lockScreen } from './lock-screen';
import { localSettings, useLiveQuery } from '../../db/reads';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

function isLockShortcut(event: KeyboardEvent): boolean {
  return (
    event.ctrlKey && !event.altKey && !event.shiftKey && !event.metaKey && event.code === 'KeyL'
  );
}

export function useLockWithNotice(): () => Promise<LockResult> {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  return useCallback(async () => {
    const result = await lockScreen();
    if (result === 'not-saved') notify('error', t('officers.lock.notSaved'));
    return result;
  }, [t, notify]);
}

export function IdleLock() {
  const stored = useLiveQuery(() => localSettings.setting(IDLE_LOCK_KEY), []);
  const minutes = idleMinutesOf(stored?.value);
  const lock = useLockWithNotice();

  useEffect(() => {
    let timer: IdleTimer;
    let disposed = false;
    const start = () => {
      timer = startIdleTimer(minutes * 60_000, () => {
        // Typing that could not be saved keeps the screen open; try again a period later.
        void lock().then((result) => {
          if (result === 'not-saved' && !disposed) start();
        });
      });
    };
    start();
    const touch = () => timer.touch();
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true });
    return () => {
      disposed = true;
      timer.stop();
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
    };
  }, [minutes, lock]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      void lock();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lock]);

  return null;
}
