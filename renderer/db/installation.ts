// This installation's identity and the PCs it trusts, in a small IndexedDB database of its own
// beside the officers' data: a backup never carries them and a restore never replaces them.
// In the browser the private key is a non-extractable WebCrypto key in that database: it signs,
// but no script can read it out. On the desktop the main process holds the key (a key file in
// the app data folder) and signs through the bridge; the page never sees it.
import Dexie, { type EntityTable } from 'dexie';
import type { BridgeResult, SohoaBridge } from '../../shared/bridge';
import {
  fingerprintOf,
  generateKeyPair,
  rawPublicKey,
  signWith,
  toBase64,
  type FileSigner,
  type SigningKey,
} from './file-signature';
import { bridgeErrorText } from '../locales/bridge-error';

export const INSTALLATION_DB_NAME = 'sohoa-installation';
const OWN_KEY = 'own';

interface StoredKey {
  id: typeof OWN_KEY;
  installationId: string;
  name: string;
  privateKey: CryptoKey;
  publicKey: string;
  fingerprint: string;
  createdAt: number;
}

/** A PC whose signature this installation accepts, trusted once by an administrator. */
export interface TrustedPc {
  installationId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  trustedAt: number;
  /** Name of the administrator who compared the fingerprints. */
  trustedBy: string;
}

/** How a file's signer stands with this installation. */
export type SignerStanding = 'own' | 'trusted' | 'unknown';

class InstallationDatabase extends Dexie {
  keys!: EntityTable<StoredKey, 'id'>;
  trusted!: EntityTable<TrustedPc, 'installationId'>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ keys: 'id', trusted: 'installationId' });
  }
}

/** Where the private key lives and signs: WebCrypto in the page, or the desktop's main process. */
export interface KeySource {
  identity(): Promise<FileSigner>;
  signingKey(): Promise<SigningKey>;
  rename(name: string): Promise<void>;
}

export type Installation = ReturnType<typeof createInstallation>;

/** The browser's key: made on first use, kept in the installation database. */
function webCryptoKeySource(db: InstallationDatabase): KeySource {
  let ownKey: Promise<StoredKey> | null = null;

  /** The key pair, made on first use. Two windows racing keep the one stored first. */
  const loadKey = async (): Promise<StoredKey> => {
    const stored = await db.keys.get(OWN_KEY);
    if (stored) return stored;
    const pair = await generateKeyPair();
    const raw = await rawPublicKey(pair.publicKey);
    const fresh: StoredKey = {
      id: OWN_KEY,
      installationId: crypto.randomUUID(),
      name: '',
      privateKey: pair.privateKey,
      publicKey: toBase64(raw),
      fingerprint: fingerprintOf(raw),
      createdAt: Date.now(),
    };
    return db.transaction('rw', db.keys, async () => {
      const first = await db.keys.get(OWN_KEY);
      if (first) return first;
      await db.keys.add(fresh);
      return fresh;
    });
  };
  const key = () => {
    ownKey ??= loadKey().catch((error: unknown) => {
      ownKey = null;
      throw error;
    });
    return ownKey;
  };

  const identityOf = (stored: StoredKey): FileSigner => ({
    installationId: stored.installationId,
    name: stored.name,
    publicKey: stored.publicKey,
    fingerprint: stored.fingerprint,
  });
  return {
    identity: async () => identityOf(await key()),
    async signingKey() {
      const stored = await key();
      return {
        signer: identityOf(stored),
        sign: (bytes) => signWith(stored.privateKey, bytes),
      };
    },
    async rename(newName) {
      const stored = await key();
      const trimmed = newName.trim().slice(0, 200);
      await db.keys.update(OWN_KEY, { name: trimmed });
      ownKey = Promise.resolve({ ...stored, name: trimmed });
    },
  };
}

type KeyBridge = Pick<SohoaBridge, 'getInstallationIdentity' | 'signHeader' | 'renameInstallation'>;

function unwrap<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(bridgeErrorText(result.error));
  return result.value;
}

/** The desktop's key, held and used by the main process (electron/ipc/installation-key.ts). */
export function bridgeKeySource(bridge: KeyBridge): KeySource {
  const identity = async () => unwrap(await bridge.getInstallationIdentity());
  return {
    identity,
    signingKey: async () => ({
      signer: await identity(),
      sign: async (bytes) => new Uint8Array(unwrap(await bridge.signHeader({ bytes }))),
    }),
    async rename(name) {
      unwrap(await bridge.renameInstallation({ name: name.trim().slice(0, 200) }));
    },
  };
}

export function createInstallation(name = INSTALLATION_DB_NAME, keys?: KeySource) {
  const db = new InstallationDatabase(name);
  const source = keys ?? webCryptoKeySource(db);

  return {
    db,

    /** Who this PC is: the id, name and fingerprint other PCs see on its files. */
    identity: () => source.identity(),

    /** The key that signs this PC's backups and work packages. */
    signingKey: () => source.signingKey(),

    /** Names this PC as other PCs will see it on its files from now on. */
    rename: (newName: string) => source.rename(newName),

    async trustedPcs(): Promise<TrustedPc[]> {
      return db.trusted.orderBy('installationId').toArray();
    },

    /** Trusts a signer from now on; a PC trusted before under another key is replaced. */
    async trust(signer: FileSigner, trustedBy: string, at = Date.now()): Promise<TrustedPc> {
      const pc: TrustedPc = {
        installationId: signer.installationId,
        name: signer.name,
        publicKey: signer.publicKey,
        fingerprint: signer.fingerprint,
        trustedAt: at,
        trustedBy,
      };
      await db.trusted.put(pc);
      return pc;
    },

    async revoke(installationId: string): Promise<void> {
      await db.trusted.delete(installationId);
    },

    /** Own key, a trusted PC (same id AND same key), or unknown. */
    async standing(signer: FileSigner): Promise<SignerStanding> {
      const own = await source.identity();
      if (signer.publicKey === own.publicKey) return 'own';
      const trusted = await db.trusted.get(signer.installationId);
      return trusted?.publicKey === signer.publicKey ? 'trusted' : 'unknown';
    },
  };
}

/** This browser profile's (or desktop installation's) identity and trust list. */
export const installation = createInstallation(
  INSTALLATION_DB_NAME,
  typeof window !== 'undefined' && window.sohoa ? bridgeKeySource(window.sohoa) : undefined,
);
