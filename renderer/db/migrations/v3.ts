// Schema v3's upgrade: the audit events written before officers existed are attributed to
// nobody and linked into a hash chain. It keeps its own copy of the chain's hashing as v3 wrote
// it: live hashing may cover more of an event later, but these links must stay as they were.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Transaction } from 'dexie';

const GENESIS_HASH = '0'.repeat(64);

/** An audit event as v2 stored it, and the fields v3 gives it. */
interface EventV3 {
  seq: number;
  at: number;
  entity: string;
  entityId: string;
  action: string;
  field?: string;
  oldValue?: string;
  newValue?: string;
  by?: string;
  reason?: string;
  prevHash?: string;
  hash?: string;
}

/** The hash of an event given the one before, over every field but seq, as v3 computed it. */
export function hashEventV3(event: Omit<EventV3, 'seq'>, prevHash: string): string {
  const content = JSON.stringify([
    prevHash,
    event.at,
    event.entity,
    event.entityId,
    event.action,
    event.field ?? null,
    event.oldValue ?? null,
    event.newValue ?? null,
    event.by ?? '',
    event.reason ?? null,
  ]);
  return bytesToHex(sha256(utf8ToBytes(content)));
}

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const audit = tx.table<EventV3, number>('audit');
  const legacy = await audit.orderBy('seq').toArray();
  let prevHash = GENESIS_HASH;
  const chained = legacy.map((event) => {
    const linked = { ...event, by: event.by ?? '' };
    const hash = hashEventV3(linked, prevHash);
    const result = { ...linked, prevHash, hash };
    prevHash = hash;
    return result;
  });
  await audit.bulkPut(chained);
}
