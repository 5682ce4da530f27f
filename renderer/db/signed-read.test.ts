// The one reading path (readSohoaFile) names who signed a file and how this PC stands with them,
// and refuses a work package that names nobody.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { readSohoaFile } from './backup';
import { DUMP_FORMAT_VERSION, sealFile, type FileKind } from './backup-format';
import type { SigningKey } from './file-signature';
import { createInstallation, type Installation } from './installation';

// dexie-export-import expects two things of a browser: its global object, and FileReader
// (only readAsArrayBuffer, which Node's Blob does itself).
vi.hoisted(() => {
  const global = globalThis as { self?: unknown; FileReader?: unknown };
  global.self ??= globalThis;
  global.FileReader ??= class {
    onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
    onerror: ((event: { target: { error: unknown } }) => void) | null = null;
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then(
        (result) => this.onload?.({ target: { result } }),
        (error: unknown) => this.onerror?.({ target: { error } }),
      );
    }
  };
});

const made: Installation[] = [];
function pc(): Installation {
  const created = createInstallation(`installation-${crypto.randomUUID()}`);
  made.push(created);
  return created;
}
afterEach(async () => {
  for (const created of made.splice(0)) {
    created.db.close();
    await Dexie.delete(created.db.name);
  }
});

/** A dump with no rows in a file of the given kind, signed when a key is given. */
function emptyFile(kind: FileKind, key?: SigningKey): Promise<Blob> {
  const dump = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'x',
      databaseVersion: 4,
      tables: [{ name: 'books', schema: 'id', rowCount: 0 }],
      data: [{ tableName: 'books', inbound: true, rows: [] }],
    },
  };
  return sealFile(
    {
      kind,
      appVersion: '0.0.9',
      schemaVersion: 4,
      createdAt: 0,
      withScans: false,
      counts: {},
      books: [],
    },
    new Blob([JSON.stringify(dump)]),
    // A dexie dump: the layout of earlier releases, still read.
    { ...(key ? { key } : {}), formatVersion: DUMP_FORMAT_VERSION },
  );
}

async function signedBy(file: Blob, kind: FileKind, receiver: Installation) {
  const read = await readSohoaFile(file, kind, undefined, receiver);
  if (!read.ok) throw new Error(`${read.problem}: ${read.detail}`);
  await read.discard();
  return read.preview.signedBy;
}

describe('reading a signed file', () => {
  it('names the signing PC as unknown, then as trusted once an administrator trusted it', async () => {
    const sender = pc();
    const receiver = pc();
    const file = await emptyFile('work-package', await sender.signingKey());
    expect(await signedBy(file, 'work-package', receiver)).toEqual({
      ...(await sender.identity()),
      standing: 'unknown',
    });
    await receiver.trust(await sender.identity(), 'Quản trị viên');
    expect((await signedBy(file, 'work-package', receiver))?.standing).toBe('trusted');
  });

  it('knows a backup made by this very PC', async () => {
    const mine = pc();
    const file = await emptyFile('backup', await mine.signingKey());
    expect((await signedBy(file, 'backup', mine))?.standing).toBe('own');
  });

  it('refuses an unsigned work package before unpacking anything', async () => {
    const result = await readSohoaFile(
      await emptyFile('work-package'),
      'work-package',
      undefined,
      pc(),
    );
    expect(result).toMatchObject({ ok: false, problem: 'unsigned' });
    const names = await Dexie.getDatabaseNames();
    expect(names.filter((name) => name.startsWith('sohoa-staging'))).toEqual([]);
  });

  it('opens an unsigned backup of an earlier release, saying it is unsigned', async () => {
    expect(await signedBy(await emptyFile('backup'), 'backup', pc())).toBeNull();
  });
});
