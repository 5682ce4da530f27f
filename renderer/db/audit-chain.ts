// The audit log as a hash chain. Each event's hash covers its content and the previous event's
// hash, so an edited, removed or reordered event shows up when the chain is checked. Hashing is
// synchronous (no WebCrypto promise) because it runs inside IndexedDB transactions, which close
// as soon as they wait on anything else.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SohoaDatabase } from './database';
import type { AuditEvent } from './types';

/** The "previous hash" of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/** The hash of an event given the hash before it; every field but seq is covered. */
export function hashEvent(event: AuditInput, prevHash: string): string {
  const content = JSON.stringify([
    prevHash,
    event.at,
    event.entity,
    event.entityId,
    event.action,
    event.field ?? null,
    event.oldValue ?? null,
    event.newValue ?? null,
    event.by,
    event.reason ?? null,
  ]);
  return bytesToHex(sha256(utf8ToBytes(content)));
}

/** Links events onto a chain whose last hash is `head`. */
export function chain(events: readonly AuditInput[], head: string): AuditEvent[] {
  let prevHash = head;
  return events.map((event) => {
    const hash = hashEvent(event, prevHash);
    const linked: AuditEvent = { ...event, prevHash, hash };
    prevHash = hash;
    return linked;
  });
}

/** Appends events to the log. Call inside a transaction that includes the audit table. */
export async function appendAudit(
  table: SohoaDatabase['audit'],
  events: readonly AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  const last = await table.orderBy('seq').last();
  await table.bulkAdd(chain(events, last?.hash ?? GENESIS_HASH));
}

export interface ChainReport {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** The first event that does not fit, and how. */
  broken?: { seq: number; problem: 'content' | 'link' };
}

/** Reads the whole log in order and recomputes every hash. */
export async function verifyAuditChain(table: SohoaDatabase['audit']): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let broken: ChainReport['broken'];
  await table
    .orderBy('seq')
    .until(() => broken !== undefined, true)
    .each((event) => {
      checked += 1;
      if (event.prevHash !== expectedPrev) {
        broken = { seq: event.seq ?? -1, problem: 'link' };
      } else if (hashEvent(event, event.prevHash) !== event.hash) {
        broken = { seq: event.seq ?? -1, problem: 'content' };
      }
      expectedPrev = event.hash;
    });
  return broken ? { ok: false, checked, broken } : { ok: true, checked };
}
