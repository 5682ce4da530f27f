import { db } from './database';
import { createRepositories } from './repositories';

export { db };
export const repo = createRepositories(db);
