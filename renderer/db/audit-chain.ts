// The audit log as a hash chain. Each event's hash covers its content and the previous event's
// hash, so an edited, removed or reordered event shows up when the chain is checked. Hashing is
// synchronous (no WebCrypto promise) because it runs inside IndexedDB transactions, which close
// as soon as they wait on anything else.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SohoaDatabase } from './database';
import type { AuditAnchor } from './audit-anchors';
import type { AuditEvent } from './types';

/** The "previous hash" of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/**
 * The hash of an event given the hash before it; every field but seq is covered. The PC's id
 * joins the content only when the event has one, so events written before it existed keep the
 * hashes they were chained with.
 */
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
    ...(event.pc === undefined ? [] : [event.pc]),
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

/** A mark the chain no longer matches, and how. */
export interface AnchorProblem {
  /** No events left of a log that had some. */
  problem: 'cleared' | 'truncated' | 'rewritten';
  anchor: AuditAnchor;
}

export interface ChainReport {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Marks taken outside the database that the chain was held to. */
  anchors?: number;
  /** The first event that does not fit, and how. */
  broken?: { seq: number; problem: 'content' | 'link' };
  /** The first mark the chain does not reach or no longer matches. */
  unanchored?: AnchorProblem;
}

/**
 * Reads the whole log in order and recomputes every hash; then holds the chain to the marks
 * taken at exports, backups and packages (audit-anchors.ts), which find a log cut short,
 * cleared, or rewritten with fresh hashes.
 */
export async function verifyAuditChain(
  table: SohoaDatabase['audit'],
  anchors: readonly AuditAnchor[] = [],
): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let broken: ChainReport['broken'];
  const wanted = new Set(anchors.map((anchor) => anchor.count));
  const hashAt = new Map<number, string>();
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
      if (wanted.has(checked)) hashAt.set(checked, event.hash);
    });
  if (broken) return { ok: false, checked, broken };
  const withAnchors = anchors.length > 0 ? { anchors: anchors.length } : {};
  // The latest mark first: it covers the most events.
  const latestFirst = [...anchors].sort((a, b) => b.count - a.count || b.at - a.at);
  for (const anchor of latestFirst) {
    if (anchor.count === 0) continue;
    let problem: AnchorProblem['problem'] | null = null;
    if (checked === 0) problem = 'cleared';
    else if (anchor.count > checked) problem = 'truncated';
    else if (hashAt.get(anchor.count) !== anchor.hash) problem = 'rewritten';
    if (problem) return { ok: false, checked, ...withAnchors, unanchored: { problem, anchor } };
  }
  return { ok: true, checked, ...withAnchors };
}
