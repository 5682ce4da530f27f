// On the desktop the main process keeps the audit log's head (events, last hash) in a file in
// the app data folder. The page writes it shortly after each change of the log, but only when
// the log still holds the head already on file: a log cut short, cleared or rewritten while
// the app was closed is never written over, so the audit check keeps seeing the difference.
import { liveQuery } from 'dexie';
import type { OfficerBridge } from '../../shared/officer-bridge';
import { auditHead, type AnchorFile } from './audit-anchors';
import type { SohoaDatabase } from './database';

export type HeadFileBridge = Pick<OfficerBridge, 'auditReadHead' | 'auditWriteHead'>;

/** The file as the audit check sees it: one more mark, named 'file'. */
export function createAnchorFile(bridge: HeadFileBridge): AnchorFile {
  return {
    async read(databaseName) {
      const head = await bridge.auditReadHead({ database: databaseName });
      return head ? { count: head.count, hash: head.hash, at: head.at, reason: 'file' } : null;
    },
    async restart(databaseName, head) {
      await bridge.auditWriteHead({ database: databaseName, ...head, restart: true });
    },
  };
}

export type HeadWrite = 'written' | 'unchanged' | 'empty' | 'not-on-chain';

/** Writes where the log stands now, if it continues the head already on file. */
export async function writeHeadToFile(
  db: SohoaDatabase,
  bridge: HeadFileBridge,
): Promise<HeadWrite> {
  const head = await auditHead(db);
  if (!head) return 'empty';
  const onFile = await bridge.auditReadHead({ database: db.name });
  if (onFile) {
    if (onFile.count === head.count && onFile.hash === head.hash) return 'unchanged';
    if (onFile.count > head.count) return 'not-on-chain';
    const atFileCount = await db.audit
      .orderBy('seq')
      .offset(onFile.count - 1)
      .first();
    if (atFileCount?.hash !== onFile.hash) return 'not-on-chain';
  }
  const written = await bridge.auditWriteHead({ database: db.name, ...head });
  return written ? 'written' : 'not-on-chain';
}

/**
 * Keeps the file in step with the log: after each change, once `delayMs` pass without another
 * (typing writes an event per field), and once at start for changes the last run did not write.
 * Returns a function that stops it.
 */
export function keepHeadOnFile(
  db: SohoaDatabase,
  bridge: HeadFileBridge,
  delayMs = 2000,
  onWrite: (result: HeadWrite) => void = () => undefined,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const write = () => {
    running = running
      .then(() => writeHeadToFile(db, bridge))
      .then(onWrite, (error: unknown) =>
        console.warn('The audit head file was not written', error),
      );
  };
  const subscription = liveQuery(() => db.audit.orderBy('seq').last()).subscribe({
    next: () => {
      clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    error: (error: unknown) => console.warn('The audit log could not be watched', error),
  });
  return () => {
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
