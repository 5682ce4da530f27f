// Where the keyboard is, for shortcuts that work across a screen: a dialog keeps its keys.

/** Whether a key event's target sits inside an open dialog. */
export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
}
