// The entry form's fields as the keyboard walks them.

/**
 * Controls in the order Enter/Shift+Enter walks them; folded fields count only when open.
 * Asks whether each is rendered, not where: that needs styles only, not a layout of the page
 * (the layout is left to the frame, or to the focus that follows).
 */
export function visibleControls(form: HTMLFormElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>('[data-field]')).filter((element) =>
    element.checkVisibility(),
  );
}

/**
 * The control Enter (1) or Shift+Enter (-1) moves to from `from`: the next one shown in that
 * direction. Asks about the controls it passes only, not all seventy of the form's, so a key
 * costs the same however long the form is.
 */
export function neighbourControl(
  form: HTMLFormElement,
  from: HTMLElement,
  direction: 1 | -1,
): HTMLElement | undefined {
  const controls = Array.from(form.querySelectorAll<HTMLElement>('[data-field]'));
  for (let i = controls.indexOf(from) + direction; i >= 0 && i < controls.length; i += direction) {
    const control = controls[i];
    if (control?.checkVisibility()) return control;
  }
  return undefined;
}

/**
 * Where a newly opened entry starts: the first empty field shown, else the first field shown.
 * Asks whether a field is shown only of the empty ones it meets, in order.
 */
export function firstControlToType(form: HTMLFormElement): HTMLElement | undefined {
  const controls = Array.from(form.querySelectorAll<HTMLElement>('[data-field]'));
  const empty = controls.find(
    (control) => (control as HTMLInputElement).value === '' && control.checkVisibility(),
  );
  return empty ?? controls.find((control) => control.checkVisibility());
}

/**
 * Moves the keyboard to `control` as Enter does. The focus itself does not scroll: working out
 * whether the field is in view would lay the form out in the key's task, before the form's
 * changes from that key are rendered, and again in the frame. The frame's own layout is used to
 * bring the field into view, only if it is not.
 */
export function focusForTyping(control: HTMLElement): void {
  control.focus({ preventScroll: true });
  requestAnimationFrame(() => {
    if (document.activeElement === control) control.scrollIntoView({ block: 'nearest' });
  });
}
