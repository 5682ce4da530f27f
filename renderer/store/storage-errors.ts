// Tells a full disk apart from other write failures. Dexie wraps the browser's DOMException
// (QuotaExceededError, or AbortError around it when the commit itself fails), and bulk writes
// collect one failure per row, so the cause can sit a few levels down.

import type { StorageFailure } from './storage-slice';

export type { StorageFailure };

const MAX_DEPTH = 5;

/** The legacy DOMException code for QuotaExceededError, still set by some browsers. */
const QUOTA_EXCEEDED_CODE = 22;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function causes(error: Record<string, unknown>): unknown[] {
  const found: unknown[] = [error.inner, error.cause];
  if (Array.isArray(error.failures)) found.push(...(error.failures as unknown[]));
  if (isObject(error.failuresByPos)) found.push(...Object.values(error.failuresByPos));
  return found;
}

function isQuota(error: unknown, depth: number): boolean {
  if (!isObject(error) || depth > MAX_DEPTH) return false;
  if (error.name === 'QuotaExceededError') return true;
  if (error instanceof DOMException && error.code === QUOTA_EXCEEDED_CODE) return true;
  return causes(error).some((cause) => isQuota(cause, depth + 1));
}

export function classifyStorageError(error: unknown): StorageFailure {
  return isQuota(error, 0) ? 'quota' : 'other';
}
