// The arbitrator's keys: 1 takes A, 2 takes B, Enter types a new value, K marks the field
// illegible ("không đọc được"), T blank in the register ("để trống trong sổ"), N goes to the
// next difference, Ctrl+Enter saves the settled entry.

export type ArbitrationAction =
  'takeA' | 'takeB' | 'type' | 'illegible' | 'blankInRegister' | 'next' | 'save';

export function arbitrationActionForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): ArbitrationAction | null {
  if (event.altKey) return null;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return 'save';
  if (event.ctrlKey || event.metaKey) return null;
  switch (event.key.toLowerCase()) {
    case '1':
      return 'takeA';
    case '2':
      return 'takeB';
    case 'enter':
      return 'type';
    case 'k':
      return 'illegible';
    case 't':
      return 'blankInRegister';
    case 'n':
      return 'next';
    default:
      return null;
  }
}

/** The next difference after `current` still without a ruling, else simply the next one. */
export function nextDifference(
  keys: readonly string[],
  current: number,
  ruled: ReadonlySet<string>,
): number {
  if (keys.length === 0) return 0;
  for (let step = 1; step <= keys.length; step += 1) {
    const index = (current + step) % keys.length;
    if (!ruled.has(keys[index] ?? '')) return index;
  }
  return (current + 1) % keys.length;
}

/** The keys of the second keying's and the arbitration's screens, for the F1 sheet. */
export const doubleKeyingShortcuts: {
  titleKey: string;
  shortcuts: { keys: string; actionKey: string }[];
}[] = [
  {
    titleKey: 'keying.shortcuts.secondTitle',
    shortcuts: [
      { keys: 'Ctrl+Enter, Alt+G', actionKey: 'keying.shortcuts.finishSecond' },
      { keys: 'Ctrl+D', actionKey: 'keying.shortcuts.dittoOwn' },
    ],
  },
  {
    titleKey: 'keying.shortcuts.arbitrationTitle',
    shortcuts: [
      { keys: '1', actionKey: 'keying.shortcuts.takeA' },
      { keys: '2', actionKey: 'keying.shortcuts.takeB' },
      { keys: 'Enter', actionKey: 'keying.shortcuts.typeNew' },
      { keys: 'K', actionKey: 'keying.shortcuts.illegible' },
      { keys: 'T', actionKey: 'keying.shortcuts.blankInRegister' },
      { keys: 'N', actionKey: 'keying.shortcuts.next' },
      { keys: 'Ctrl+Enter', actionKey: 'keying.shortcuts.save' },
    ],
  },
];
