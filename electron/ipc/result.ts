// Handlers answer BridgeResult instead of throwing. A refusal is a code and its values
// (shared/bridge-errors.ts); the renderer words it in the officer's language.
import type { z } from 'zod';
import { fail, type BridgeResult } from '../../shared/bridge-errors';

export { fail, ok, writeFailure } from '../../shared/bridge-errors';

/** A refusal already made (writeFailure), as a handler's answer. */
export function refuse<T>(
  error: Extract<BridgeResult<never>, { ok: false }>['error'],
): BridgeResult<T> {
  return { ok: false, error };
}

/** Which fields were wrong and how, for whoever supports the app: the first three problems. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}

export function invalidRequest<T>(error: z.ZodError): BridgeResult<T> {
  return fail('invalid-request', { detail: describeIssues(error) });
}
