// Reads of the audit log: one entry's events, and the check that the chain is whole.
import { knownAnchors } from '../audit-anchors';
import { verifyAuditChain, type ChainReport } from '../audit-chain';
import type { SohoaDatabase } from '../database';
import type { AuditEvent } from '../types';

/** Every event about one entity (an entry, a page …), in the log's order. */
export function eventsOf(db: SohoaDatabase, entityId: string): Promise<AuditEvent[]> {
  return db.audit.where('entityId').equals(entityId).toArray();
}

/** Walks the whole log against the marks exports and backups left of it. */
export async function checkChain(db: SohoaDatabase): Promise<ChainReport> {
  return verifyAuditChain(db.audit, await knownAnchors(db));
}

export { approvalsWithoutEvent } from '../audit-status';
