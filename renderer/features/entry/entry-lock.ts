// A submitted or approved entry is shown read-only until the officer reopens it with a reason
// (EntryReviewBar): the fields stay focusable, so the keyboard walks and reads them as before.
import { createContext } from 'react';

export const EntryLockContext = createContext(false);
