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
