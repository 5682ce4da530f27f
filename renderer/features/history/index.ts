// An entry's history page.
export { EntryHistory } from './EntryHistory';
