// What other screens use of typing entries: the form, the list, the writer that saves them and
// the rules about blank entries and carried-forward values.
export { EntryForm } from './EntryForm';
export { EntryList } from './EntryList';
export { entryWriter } from './entry-writer';
export { ShortcutSheet } from './ShortcutSheet';
export { FieldInput } from './FieldInput';
export { visibleControls } from './form-controls';
export { normalizeOnCommit } from './normalize';
export { carrySuggestions, collectBookValues, defaultCarryForward } from './suggestions';
export { flushAllAutosaves } from './use-autosave';
export { useOpenEntry } from './use-open-entry';
