// The hook a keying screen calls with its form: the entry form (first keying), and the second
// keying and arbitration screens with their own pass.
import { useEffect, type RefObject } from 'react';
import { IDLE_PAUSE_KEY, idlePauseSecondsOf } from '../../../shared/keying/keying-time';
import { localSettings, useLiveQuery } from '../../db/reads';
import { captureKeying, setIdlePauseSeconds, type CaptureWhere } from './capture';

export function useKeyingCapture(ref: RefObject<HTMLElement | null>, where: CaptureWhere): void {
  const stored = useLiveQuery(() => localSettings.setting(IDLE_PAUSE_KEY), []);
  useEffect(() => setIdlePauseSeconds(idlePauseSecondsOf(stored?.value)), [stored]);
  const { bookId, entryId, pass } = where;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return captureKeying(element, { bookId, entryId, pass });
  }, [ref, bookId, entryId, pass]);
}
