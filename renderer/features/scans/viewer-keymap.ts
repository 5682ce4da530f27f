// The viewer's keyboard shortcuts as data: one table drives both the key handling and the
// shortcut sheet. Alt combinations, so they work while the cursor stays in a form field.

export type ViewerAction =
  | { type: 'turnPage'; delta: 1 | -1 }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'fit'; mode: 'width' | 'page' }
  | { type: 'rotate'; delta: 90 | -90 }
  | { type: 'moveRuler'; direction: 1 | -1 }
  | { type: 'invert' };

/** The parts of a keyboard event the mapping looks at (DOM and React events both have them). */
export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

interface Binding {
  /** As shown on the shortcut sheet and in aria-keyshortcuts. */
  keys: string;
  /** i18n key of what the shortcut does. */
  actionKey: string;
  action: ViewerAction;
  /** Physical keys (event.code) first, so the shortcut does not depend on the layout. */
  codes: string[];
  /** Fallbacks by character, for keyboards that report no code. */
  chars: string[];
  shift: boolean;
}

const bindings: Binding[] = [
  {
    keys: 'Alt+PageDown',
    actionKey: 'viewer.shortcuts.nextPage',
    action: { type: 'turnPage', delta: 1 },
    codes: ['PageDown'],
    chars: ['PageDown'],
    shift: false,
  },
  {
    keys: 'Alt+PageUp',
    actionKey: 'viewer.shortcuts.previousPage',
    action: { type: 'turnPage', delta: -1 },
    codes: ['PageUp'],
    chars: ['PageUp'],
    shift: false,
  },
  {
    keys: 'Alt+=',
    actionKey: 'viewer.shortcuts.zoomIn',
    action: { type: 'zoom', direction: 1 },
    codes: ['Equal', 'NumpadAdd'],
    chars: ['=', '+'],
    shift: false,
  },
  {
    keys: 'Alt+-',
    actionKey: 'viewer.shortcuts.zoomOut',
    action: { type: 'zoom', direction: -1 },
    codes: ['Minus', 'NumpadSubtract'],
    chars: ['-'],
    shift: false,
  },
  {
    keys: 'Alt+0',
    actionKey: 'viewer.shortcuts.fitWidth',
    action: { type: 'fit', mode: 'width' },
    // Not the numpad: on Windows Alt+numpad digits type characters by code.
    codes: ['Digit0'],
    chars: ['0'],
    shift: false,
  },
  {
    keys: 'Alt+9',
    actionKey: 'viewer.shortcuts.fitPage',
    action: { type: 'fit', mode: 'page' },
    codes: ['Digit9'],
    chars: ['9'],
    shift: false,
  },
  {
    keys: 'Alt+R',
    actionKey: 'viewer.shortcuts.rotate',
    action: { type: 'rotate', delta: 90 },
    codes: ['KeyR'],
    chars: ['r'],
    shift: false,
  },
  {
    keys: 'Alt+Shift+R',
    actionKey: 'viewer.shortcuts.rotateBack',
    action: { type: 'rotate', delta: -90 },
    codes: ['KeyR'],
    chars: ['r'],
    shift: true,
  },
  {
    keys: 'Alt+ArrowDown',
    actionKey: 'viewer.shortcuts.rulerDown',
    action: { type: 'moveRuler', direction: 1 },
    codes: ['ArrowDown'],
    chars: ['ArrowDown'],
    shift: false,
  },
  {
    keys: 'Alt+ArrowUp',
    actionKey: 'viewer.shortcuts.rulerUp',
    action: { type: 'moveRuler', direction: -1 },
    codes: ['ArrowUp'],
    chars: ['ArrowUp'],
    shift: false,
  },
  {
    keys: 'Alt+I',
    actionKey: 'viewer.shortcuts.invert',
    action: { type: 'invert' },
    codes: ['KeyI'],
    chars: ['i'],
    shift: false,
  },
];

function matches(binding: Binding, event: KeyLike): boolean {
  if (event.code !== '' && binding.codes.includes(event.code)) {
    // Shift is part of some characters ('+'), so it only counts for letter keys.
    return !event.code.startsWith('Key') || event.shiftKey === binding.shift;
  }
  if (event.code !== '') return false;
  const char = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return (
    binding.chars.includes(char) && (!/^[a-z]$/.test(char) || event.shiftKey === binding.shift)
  );
}

export function viewerActionForKey(event: KeyLike): ViewerAction | null {
  // Ctrl+Alt is AltGr on many layouts (it types characters); Meta belongs to the system.
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return bindings.find((binding) => matches(binding, event))?.action ?? null;
}

/** For aria-keyshortcuts and tooltips on the toolbar buttons. */
export function keysFor(actionKey: string): string | undefined {
  return bindings.find((binding) => binding.actionKey === actionKey)?.keys;
}

export const viewerShortcuts: { keys: string; actionKey: string }[] = bindings.map(
  ({ keys, actionKey }) => ({ keys, actionKey }),
);

/** Arrow keys pan the page while the viewer itself has focus; Shift pans a screenful. */
export function panStepForKey(event: KeyLike, view: { width: number; height: number }) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const stepX = event.shiftKey ? view.width * 0.9 : 48;
  const stepY = event.shiftKey ? view.height * 0.9 : 48;
  switch (event.key) {
    case 'ArrowLeft':
      return { dx: -stepX, dy: 0 };
    case 'ArrowRight':
      return { dx: stepX, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -stepY };
    case 'ArrowDown':
      return { dx: 0, dy: stepY };
    default:
      return null;
  }
}
