// This desktop installation's signing key, held by the main process: a key file in the app's
// data folder, made on first use. The page only ever gets the public identity and signatures
// over file headers that name this installation as their signer, never the private key.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import {
  renameInstallationRequestSchema,
  signHeaderRequestSchema,
  type BridgeResult,
  type InstallationIdentity,
} from '../../shared/bridge';
import { fingerprintFromDigest } from '../../shared/signature/fingerprint';
import { fail, invalidRequest, ok } from './result';

/** What the header of a SoHoa file starts with; the only thing this key signs. */
const FILE_MAGIC = 'SOHOA-DATA';

const keyFileSchema = z.object({
  version: z.literal(1),
  installationId: z.string().min(1),
  name: z.string().max(200),
  /** PKCS#8 PEM of the P-256 private key. */
  privateKey: z.string().min(1),
  createdAt: z.number(),
});
type KeyFile = z.infer<typeof keyFileSchema>;

interface Loaded {
  file: KeyFile;
  key: KeyObject;
  identity: InstallationIdentity;
}

export interface InstallationKeyService {
  identity(): Promise<BridgeResult<InstallationIdentity>>;
  signHeader(payload: unknown): Promise<BridgeResult<Uint8Array>>;
  rename(payload: unknown): Promise<BridgeResult<InstallationIdentity>>;
}

function identityOf(file: KeyFile, key: KeyObject): InstallationIdentity {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('not an EC key');
  const raw = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x, 'base64url'),
    Buffer.from(jwk.y, 'base64url'),
  ]);
  return {
    installationId: file.installationId,
    name: file.name,
    publicKey: raw.toString('base64'),
    fingerprint: fingerprintFromDigest(createHash('sha256').update(raw).digest()),
  };
}

/** Writes the key file whole or not at all, readable by this Windows/Linux account only. */
async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await fs.writeFile(temp, JSON.stringify(file), { mode: 0o600 });
  await fs.rename(temp, path);
}

function loadedFrom(file: KeyFile): Loaded {
  const key = createPrivateKey(file.privateKey);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('key file holds no P-256 key');
  }
  return { file, key, identity: identityOf(file, key) };
}

function newKeyFile(now: number): KeyFile {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    version: 1,
    installationId: randomUUID(),
    name: '',
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    createdAt: now,
  };
}

const unavailable = (error: unknown) => fail('key-unusable', { detail: String(error) });

/**
 * The key at `path`, made there on first use. A key file that cannot be read is moved aside
 * (never overwritten) and a new key made: other PCs then need to trust this one again.
 */
export function createInstallationKey(path: string, now = Date.now): InstallationKeyService {
  let loading: Promise<Loaded> | null = null;

  const load = async (): Promise<Loaded> => {
    let text: string | null = null;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== null) {
      try {
        return loadedFrom(keyFileSchema.parse(JSON.parse(text)));
      } catch {
        await fs.rename(path, `${path}.broken-${now()}`);
      }
    }
    const file = newKeyFile(now());
    await writeKeyFile(path, file);
    return loadedFrom(file);
  };
  const loaded = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };

  return {
    async identity() {
      try {
        return ok((await loaded()).identity);
      } catch (error) {
        return unavailable(error);
      }
    },

    async signHeader(payload) {
      const request = signHeaderRequestSchema.safeParse(payload);
      if (!request.success) return invalidRequest(request.error);
      let current: Loaded;
      try {
        current = await loaded();
      } catch (error) {
        return unavailable(error);
      }
      // Signs a SoHoa file header naming this installation, nothing else: a page that was
      // made to ask cannot borrow the key for other data.
      let header: unknown;
      try {
        header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.data.bytes));
      } catch {
        return fail('not-a-header');
      }
      const named = header as { magic?: unknown; signer?: { publicKey?: unknown } } | null;
      if (
        typeof named !== 'object' ||
        named === null ||
        named.magic !== FILE_MAGIC ||
        named.signer?.publicKey !== current.identity.publicKey
      ) {
        return fail('not-this-pc');
      }
      const signature = sign('sha256', request.data.bytes, {
        key: current.key,
        dsaEncoding: 'ieee-p1363',
      });
      return ok(new Uint8Array(signature));
    },

    async rename(payload) {
      const request = renameInstallationRequestSchema.safeParse(payload);
      if (!request.success) return invalidRequest(request.error);
      try {
        const current = await loaded();
        const file = { ...current.file, name: request.data.name.trim() };
        await writeKeyFile(path, file);
        const next = { ...current, file, identity: { ...current.identity, name: file.name } };
        loading = Promise.resolve(next);
        return ok(next.identity);
      } catch (error) {
        return unavailable(error);
      }
    },
  };
}
