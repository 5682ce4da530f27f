import { db } from './database';
import { createRepositories } from './repositories';
import { createSession } from './session';

export { db };
/** The officer at the keyboard, for this window. */
export const session = createSession();
export const repo = createRepositories(db, session);
