// The desktop's officers and session, kept by the main process: who is signed in, each
// officer's role and PIN digest, the wrong-PIN counters, and the audit log's latest head.
// The page asks; main checks. PIN digests go into main and never come back out.
import { z } from 'zod';
import { channel, type BridgeOf } from './bridge-channel';
import { isEasyPin, officerRoles, PIN_MAX_DIGITS, PIN_MIN_DIGITS } from './workflow/roles';

export const officerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const pinSchema = z.string().regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`));
/** A PIN being set: shaped right and not one anyone would try first (1111, 1234). */
export const newPinSchema = pinSchema.refine((pin) => !isEasyPin(pin), 'easy PIN');
const nameSchema = z.string().trim().min(1).max(200);
const tokenSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Digests handed over from the page's database. Fewer iterations than this were not made by
 * SoHoa (which uses 210,000) and would make the PIN quick to guess: they are refused.
 */
export const MIN_PIN_ITERATIONS = 100_000;

export const pinDigestSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(MIN_PIN_ITERATIONS).max(10_000_000),
  salt: z.base64().min(16).max(64),
  hash: z.base64().length(44),
});
export type StoredPinDigest = z.infer<typeof pinDigestSchema>;

/** An officer as main tells the page about them: never the digest. */
export const officerProfileSchema = z.object({
  id: officerIdSchema,
  name: nameSchema,
  role: z.enum(officerRoles),
  active: z.boolean(),
});
export type OfficerProfile = z.infer<typeof officerProfileSchema>;
export const officerSummarySchema = officerProfileSchema.extend({ hasPin: z.boolean() });
export type OfficerSummary = z.infer<typeof officerSummarySchema>;

/** Who is signed in, as main knows it. The token names this sign-in in later requests. */
export const desktopSessionSchema = z.object({
  token: tokenSchema,
  officerId: officerIdSchema,
  role: z.enum(officerRoles),
  since: z.number(),
});
export type DesktopSession = z.infer<typeof desktopSessionSchema>;

export const signInRequestSchema = z.object({
  officerId: officerIdSchema,
  pin: z.string().max(64),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), session: desktopSessionSchema }),
  /**
   * 'wrong-pin': counted, `waitMs` until the next try is checked; 'wait': not checked at all,
   * too soon after wrong PINs; 'no-pin': main has no PIN (or an active account) for this id.
   */
  z.object({
    ok: z.literal(false),
    reason: z.enum(['wrong-pin', 'wait', 'no-pin']),
    waitMs: z.number(),
  }),
]);
export type SignInAnswer = z.infer<typeof signInAnswerSchema>;

export const sessionTokenRequestSchema = z.object({ token: tokenSchema });
export type SessionTokenRequest = z.infer<typeof sessionTokenRequestSchema>;

/** The first run: the first administrator, when main knows no officer yet. */
export const setUpRequestSchema = z.object({ officer: officerProfileSchema, pin: newPinSchema });
export type SetUpRequest = z.infer<typeof setUpRequestSchema>;

/** Adds or changes an officer; `pin` sets a new PIN. Admins only, except one's own PIN. */
export const saveOfficerRequestSchema = z.object({
  token: tokenSchema,
  officer: officerProfileSchema,
  pin: newPinSchema.optional(),
});
export type SaveOfficerRequest = z.infer<typeof saveOfficerRequestSchema>;

/** Once, when main knows no officer: the digests the page's database held until now. */
export const handOverRequestSchema = z.object({
  officers: z
    .array(officerProfileSchema.extend({ pin: z.unknown() }))
    .min(1)
    .max(500),
});
export type HandOverRequest = z.infer<typeof handOverRequestSchema>;
export const handOverResultSchema = z.object({
  /** Officers whose PIN main now keeps. */
  taken: z.array(z.string()),
  /** Officers whose digest was missing or too weak: an administrator sets a new PIN. */
  refused: z.array(z.string()),
});
export type HandOverResult = z.infer<typeof handOverResultSchema>;

export const officerErrorCodes = [
  'not-signed-in',
  'not-allowed',
  'already-set-up',
  'last-admin',
] as const;
export type OfficerErrorCode = (typeof officerErrorCodes)[number];
export type OfficerResult<T> = { ok: true; value: T } | { ok: false; code: OfficerErrorCode };
function officerResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), code: z.enum(officerErrorCodes) }),
  ]) as unknown as z.ZodType<OfficerResult<z.infer<T>>>;
}

/** The audit log's head (events, last hash), written to a file in the app data folder. */
export const auditHeadFileSchema = z.object({
  database: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/),
  count: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** A restore replaces the log: the old head no longer applies. */
  restart: z.boolean().optional(),
});
export type AuditHeadWrite = z.infer<typeof auditHeadFileSchema>;
export const auditHeadOnFileSchema = z.object({
  count: z.number(),
  hash: z.string(),
  at: z.number(),
});
export type AuditHeadOnFile = z.infer<typeof auditHeadOnFileSchema>;
export const auditHeadReadSchema = z.object({ database: auditHeadFileSchema.shape.database });

/** The officers' part of the bridge's contract (shared/bridge-contract.ts). */
export const officerContract = {
  /** Every officer main knows, without digests. */
  officersList: channel('officers:list', null, z.array(officerSummarySchema)),
  officersSetUp: channel(
    'officers:set-up',
    setUpRequestSchema,
    officerResultSchema(desktopSessionSchema),
  ),
  officersHandOver: channel(
    'officers:hand-over',
    handOverRequestSchema,
    officerResultSchema(handOverResultSchema),
  ),
  officersSave: channel(
    'officers:save',
    saveOfficerRequestSchema,
    officerResultSchema(officerSummarySchema),
  ),
  sessionSignIn: channel('session:sign-in', signInRequestSchema, signInAnswerSchema),
  /** The session of this window, still there after a reload; null when nobody is signed in. */
  sessionCurrent: channel('session:current', null, desktopSessionSchema.nullable()),
  sessionSignOut: channel('session:sign-out', sessionTokenRequestSchema, z.void()),
  auditReadHead: channel('audit:read-head', auditHeadReadSchema, auditHeadOnFileSchema.nullable()),
  /** false when refused: the head on file is not on the chain being written (see main). */
  auditWriteHead: channel('audit:write-head', auditHeadFileSchema, z.boolean()),
};

export type OfficerBridge = BridgeOf<typeof officerContract>;
