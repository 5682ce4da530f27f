/** The entry form's own shortcuts, for the F1 sheet; i18n keys under "shortcuts". */
export const entryShortcuts: { keys: string; actionKey: string }[] = [
  { keys: 'Enter', actionKey: 'shortcuts.next' },
  { keys: 'Shift+Enter', actionKey: 'shortcuts.previous' },
  { keys: 'Tab', actionKey: 'shortcuts.skipSuggestion' },
  { keys: '↑ ↓', actionKey: 'shortcuts.chooseOption' },
  { keys: 'Esc', actionKey: 'shortcuts.dismissSuggestion' },
  { keys: 'Ctrl+D', actionKey: 'shortcuts.ditto' },
  { keys: 'Ctrl+Enter', actionKey: 'shortcuts.saveNext' },
  { keys: 'Alt+L', actionKey: 'shortcuts.linkPage' },
  { keys: 'Alt+G', actionKey: 'review.keys.submit' },
  { keys: 'Alt+M', actionKey: 'reopen.groupLabel' },
  { keys: 'Alt+H', actionKey: 'void.groupLabel' },
  { keys: 'Alt+K', actionKey: 'void.restoreGroup' },
  { keys: 'Ctrl+L', actionKey: 'officers.bar.switch' },
  { keys: 'F1', actionKey: 'shortcuts.help' },
];
