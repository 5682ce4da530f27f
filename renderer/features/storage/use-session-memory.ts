// Keeps the open screen in this PC's own settings and reopens it when the app starts without one.
import { useEffect, type RefObject } from 'react';
import { afterPaint } from '../../store/after-paint';
import { currentHash, subscribeToRoute } from '../../store/router';
import { FOCUS_SAVE_DELAY_MS, sessionMemory } from '../../db/reads';

const warn = (what: string) => (error: unknown) => console.warn(what, error);

/** Called once, by the app shell. */
export function useRouteMemory(): void {
  useEffect(() => {
    let isActive = true;
    void sessionMemory
      .routeToRestore(window.location.hash)
      .then((hash) => {
        // Only while the officer has not gone anywhere yet.
        if (isActive && hash && window.location.hash === '') window.location.replace(hash);
      })
      .catch(warn('Last screen not read'));
    // After the new screen is shown: a write started now would hold up its first frame.
    const save = () =>
      afterPaint(
        () =>
          void sessionMemory.rememberRoute(currentHash()).catch(warn('Open screen not remembered')),
      );
    const unsubscribe = subscribeToRoute(save);
    return () => {
      isActive = false;
      unsubscribe();
    };
  }, []);
}

/**
 * Remembers the field focused in an entry and focuses it again when the entry reopens. Call it
 * after the form's own first focus, which it overrides only if the officer has not moved since.
 */
export function useFieldMemory(entryId: string, formRef: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let isActive = true;
    const focusedAtOpen = document.activeElement;
    void sessionMemory
      .recallFocus(entryId)
      .then((key) => {
        if (!isActive || !key || document.activeElement !== focusedAtOpen) return;
        const control = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
        if (!control) return;
        const folded = control.closest('details');
        if (folded && !folded.open) folded.open = true;
        control.focus();
        // Back where the officer was, the caret goes after what they typed: typing goes on
        // from there instead of replacing it.
        if (control instanceof HTMLInputElement) {
          control.setSelectionRange(control.value.length, control.value.length);
        }
      })
      .catch(warn('Last field not read'));

    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsaved: string | null = null;
    const write = () => {
      clearTimeout(timer);
      if (unsaved === null) return;
      void sessionMemory
        .rememberFocus(entryId, unsaved)
        .catch(warn('Focused field not remembered'));
      unsaved = null;
    };
    const onFocusIn = (event: FocusEvent) => {
      const key = event.target instanceof HTMLElement ? event.target.dataset.field : undefined;
      // The form stays and swaps entries: the next entry's first focus comes before this
      // listener is removed, and is not a field of this entry.
      if (!key || form.dataset.entryId !== entryId) return;
      unsaved = key;
      clearTimeout(timer);
      timer = setTimeout(write, FOCUS_SAVE_DELAY_MS);
    };
    form.addEventListener('focusin', onFocusIn);
    window.addEventListener('pagehide', write);
    return () => {
      isActive = false;
      form.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('pagehide', write);
      // Moving to another entry: not before the next one is on screen.
      afterPaint(write);
    };
  }, [entryId, formRef]);
}
