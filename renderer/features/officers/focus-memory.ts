// The field the officer was in when the screen locked: the same officer coming back lands in it
// again, with the caret after what they typed.
const FOCUS_KEY = 'sohoa.focusBeforeLock';
const GIVE_UP_MS = 3000;
const SETTLE_MS = 100;

export function rememberFocus(): void {
  const focused = document.activeElement;
  try {
    if (focused instanceof HTMLElement && focused.id) sessionStorage.setItem(FOCUS_KEY, focused.id);
    else sessionStorage.removeItem(FOCUS_KEY);
  } catch {
    // Only a convenience.
  }
}

function takeRemembered(): string | null {
  try {
    const id = sessionStorage.getItem(FOCUS_KEY);
    sessionStorage.removeItem(FOCUS_KEY);
    return id;
  } catch {
    return null;
  }
}

/**
 * Puts the caret back once the screen that held the field is shown again, unless the officer
 * has already clicked or pressed a key: then their own choice stands, and what they type goes
 * where they put it.
 */
export function restoreFocus(): void {
  const id = takeRemembered();
  if (!id) return;
  let hasOfficerMoved = false;
  const onOfficerMove = () => {
    hasOfficerMoved = true;
  };
  window.addEventListener('pointerdown', onOfficerMove, true);
  window.addEventListener('keydown', onOfficerMove, true);
  const stopWatching = () => {
    window.removeEventListener('pointerdown', onOfficerMove, true);
    window.removeEventListener('keydown', onOfficerMove, true);
  };
  const started = performance.now();
  const attempt = () => {
    if (hasOfficerMoved) {
      stopWatching();
    } else if (document.getElementById(id)) {
      // The form puts the caret in its first empty field once it is on screen; go after it.
      setTimeout(() => {
        stopWatching();
        const element = document.getElementById(id);
        if (!element || hasOfficerMoved) return;
        element.focus();
        if (element instanceof HTMLInputElement && element.type === 'text') {
          element.setSelectionRange(element.value.length, element.value.length);
        }
      }, SETTLE_MS);
    } else if (performance.now() - started < GIVE_UP_MS) {
      requestAnimationFrame(attempt);
    } else {
      stopWatching();
    }
  };
  requestAnimationFrame(attempt);
}

/** Another officer signs in: they start where the screen puts them, not in someone's field. */
export function forgetFocus(): void {
  takeRemembered();
}
