// Viewer shortcuts for whoever holds the keyboard: the entry form calls handleViewerKey from
// its onKeyDown so pages turn and zoom without the cursor leaving the field; so does the viewer.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { runViewerAction, type ViewerContext } from './viewer-actions';
import { viewerActionForKey } from './viewer-keymap';

export { viewerShortcuts } from './viewer-keymap';

/** Runs the viewer action bound to the key, if any; true when the key was used. */
export function handleViewerKey(
  event: KeyboardEvent | ReactKeyboardEvent,
  ctx: ViewerContext,
): boolean {
  const action = viewerActionForKey(event);
  if (!action) return false;
  // Alt+ArrowDown would otherwise open a field's suggestion list; Alt+PageDown scroll.
  event.preventDefault();
  runViewerAction(action, ctx);
  return true;
}
