// Why a request across the bridge was refused: a code from this list and the values its wording
// needs. Main and the browser's file code say what happened; the renderer words it in the
// officer's language (`bridgeErrors.<code>` in renderer/locales), never main.
import { z } from 'zod';

const none = z.object({});
const file = z.object({ name: z.string() });

/** Every code, with the params its wording takes. */
export const bridgeErrorParams = {
  /** The request broke the contract's schema; `detail` names fields and problems, for support. */
  'invalid-request': z.object({ detail: z.string() }),
  /** Two files of one bundle with the same name (Windows ignores case). */
  'duplicate-name': file,
  /** A name Windows refuses or silently changes ("CON", "Quyển 1."). */
  'windows-name': file,
  /** A path that would leave the folder the officer picked. */
  'outside-folder': none,
  'picker-failed': none,
  cancelled: none,
  /** A file stands where the bundle's folder should be made. */
  'folder-is-file': file,
  /** The folder already holds a file of the bundle: never written over. */
  exists: z.object({ folder: z.string(), name: z.string() }),
  /** Such a file appeared while the bundle was being written. */
  'exists-while-writing': file,
  'disk-full': file,
  'write-refused': file,
  'folder-gone': file,
  'path-too-long': file,
  /** A link (shortcut) stands at the name: never written through. */
  link: file,
  'file-busy': file,
  /** Any other write error; `errno` is the system's code (EIO…). */
  'write-failed': z.object({ name: z.string(), errno: z.string() }),
  'export-session-gone': none,
  'backup-session-gone': none,
  /** Files leave the app only for an officer signed in in main. */
  'not-signed-in': none,
  'backup-busy': none,
  /** Sizes in MB, rounded up. */
  'backup-no-space': z.object({ free: z.number(), needed: z.number(), margin: z.number() }),
  'backup-too-long': z.object({ declared: z.number() }),
  'backup-too-short': z.object({ written: z.number(), declared: z.number() }),
  /** This PC's signing key cannot be read or made; `detail` is the system's error. */
  'key-unusable': z.object({ detail: z.string() }),
  'not-a-header': none,
  'not-this-pc': none,
  'disk-space-unknown': none,
  /** The browser could not open or write the folder the officer picked. */
  'folder-refused': none,
  'folder-write-failed': z.object({ detail: z.string() }),
  /** Not offered where the app runs (a stand-in shell, the browser). */
  unavailable: none,
} as const;

type Params = typeof bridgeErrorParams;
export type BridgeErrorCode = keyof Params;
export const bridgeErrorCodes = Object.keys(bridgeErrorParams) as BridgeErrorCode[];

export type BridgeError = {
  [C in BridgeErrorCode]: { code: C; params: z.infer<Params[C]> };
}[BridgeErrorCode];

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

const [firstCode, ...otherCodes] = bridgeErrorCodes.map((code) =>
  z.object({ code: z.literal(code), params: bridgeErrorParams[code] }).strict(),
);
export const bridgeErrorSchema = z.discriminatedUnion('code', [
  firstCode!,
  ...otherCodes,
]) as unknown as z.ZodType<BridgeError>;

/** The answer of a channel that may refuse: the value, or one of the errors above. */
export function bridgeResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]) as unknown as z.ZodType<BridgeResult<z.infer<T>>>;
}

export function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

type ParamsOf<C extends BridgeErrorCode> = z.infer<Params[C]>;

export function fail<C extends BridgeErrorCode, T = never>(
  code: C,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "takes no params"
  ...params: {} extends ParamsOf<C> ? [] : [ParamsOf<C>]
): BridgeResult<T> {
  return { ok: false, error: { code, params: params[0] ?? {} } as BridgeError };
}

/** The errno codes an office PC or USB stick gives, as the code the officer is told. */
export function writeFailure(errno: string, name: string): BridgeError {
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'disk-full', params: { name } };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { code: 'write-refused', params: { name } };
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return { code: 'folder-gone', params: { name } };
    case 'ENAMETOOLONG':
      return { code: 'path-too-long', params: { name } };
    case 'ELOOP':
      return { code: 'link', params: { name } };
    case 'EBUSY':
      return { code: 'file-busy', params: { name } };
    default:
      return { code: 'write-failed', params: { name, errno } };
  }
}
