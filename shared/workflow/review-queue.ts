// A reviewer sees only the entries the decision's guard lets them decide on: never their own
// work. The screens ask this instead of comparing officer ids themselves.
import { entryWorkflow, mayDecide, type GuardedEntry, type Workflow } from './workflow';

/**
 * The entries this reviewer may decide on, and how many wait for someone else (their own
 * work). Before anyone is signed in, every entry is listed.
 */
export function splitQueue<T extends GuardedEntry & { status: string }>(
  entries: readonly T[],
  officerId: string | null,
  workflow: Workflow = entryWorkflow,
): { queue: T[]; ownCount: number } {
  const queue = entries.filter(
    (entry) => officerId === null || mayDecide(entry, officerId, workflow),
  );
  return { queue, ownCount: entries.length - queue.length };
}
