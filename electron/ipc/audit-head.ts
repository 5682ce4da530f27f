// The audit log's head (how many events, the last hash) kept in a file in the app data folder,
// outside the database. The page writes it after each change; the audit check holds the log
// to it. The head only moves forward: a shorter log, or the same length with another hash,
// is refused unless the page says a restore replaced the log.
import { z } from 'zod';
import {
  auditHeadFileSchema,
  auditHeadReadSchema,
  type AuditHeadOnFile,
} from '../../shared/officer-bridge';
import type { JsonFile } from './json-file';
import { InvalidRequestError } from './officers';

const headSchema = z.object({
  count: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number(),
});

export interface AuditHeadService {
  read(payload: unknown): Promise<AuditHeadOnFile | null>;
  write(payload: unknown): Promise<boolean>;
}

export function createAuditHeadService(file: JsonFile, now = Date.now): AuditHeadService {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const readAll = async (): Promise<Record<string, AuditHeadOnFile>> => {
    const raw = await file.read();
    const all = z.record(z.string(), z.unknown()).safeParse(raw);
    if (!all.success) return {};
    const heads: Record<string, AuditHeadOnFile> = {};
    for (const [database, item] of Object.entries(all.data)) {
      const head = headSchema.safeParse(item);
      if (head.success) heads[database] = head.data;
    }
    return heads;
  };
  return {
    async read(payload) {
      const request = auditHeadReadSchema.safeParse(payload);
      if (!request.success) throw new InvalidRequestError('audit:read-head');
      return (await readAll())[request.data.database] ?? null;
    },
    async write(payload) {
      const request = auditHeadFileSchema.safeParse(payload);
      if (!request.success) throw new InvalidRequestError('audit:write-head');
      const { database, count, hash, restart } = request.data;
      return serial(async () => {
        const heads = await readAll();
        const before = heads[database];
        if (before && !restart) {
          if (count < before.count) return false;
          if (count === before.count) return hash === before.hash;
        }
        heads[database] = { count, hash, at: now() };
        await file.write(heads);
        return true;
      });
    },
  };
}
