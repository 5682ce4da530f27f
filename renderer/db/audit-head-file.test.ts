import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditHeadOnFile, AuditHeadWrite } from '../../shared/officer-bridge';
import { knownAnchors, restartAnchors, setAnchorFile } from './audit-anchors';
import { chain, GENESIS_HASH, verifyAuditChain } from './audit-chain';
import {
  createAnchorFile,
  keepHeadOnFile,
  writeHeadToFile,
  type HeadFileBridge,
  type HeadWrite,
} from './audit-head-file';
import type { SohoaDatabase } from './database';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import { freshIndexedDb, openCurrent, signedInRepositories, uniqueName } from './test-harness';
import type { AuditEvent } from './types';

let db: SohoaDatabase;
let repo: Repositories;
let bridge: HeadFileBridge;

/**
 * The bridge as the main process answers it, without main's own refusals (tested in
 * electron/ipc/audit-head.test.ts): what is held here is the page's own care.
 */
function mainProcessBridge(): HeadFileBridge {
  const heads = new Map<string, AuditHeadOnFile>();
  let clock = 1_700_000_000_000;
  return {
    auditReadHead: ({ database }) => Promise.resolve(heads.get(database) ?? null),
    auditWriteHead: ({ database, count, hash }: AuditHeadWrite) => {
      heads.set(database, { count, hash, at: (clock += 1000) });
      return Promise.resolve(true);
    },
  };
}

const emptyStore = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
};

async function check() {
  return verifyAuditChain(db.audit, await knownAnchors(db, emptyStore));
}

async function rehashAll(events: AuditEvent[]): Promise<void> {
  const linked = chain(
    events.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...content }) => content),
    GENESIS_HASH,
  );
  await db.audit.clear();
  await db.audit.bulkAdd(linked);
}

beforeEach(async () => {
  freshIndexedDb();
  db = openCurrent(uniqueName());
  await db.open();
  ({ repo } = await signedInRepositories(db));
  const book = await repo.createBook(sampleBook);
  const entry = await repo.createEntry(book.id, null);
  await repo.saveFields(entry.id, { nksHoTen: 'Phạm Anh Đài' });
  bridge = mainProcessBridge();
  setAnchorFile(createAnchorFile(bridge));
});

afterEach(() => {
  setAnchorFile(null);
});

describe('the audit head file on the desktop', () => {
  it('holds the chain to the head on file, with no export or backup ever made', async () => {
    expect(await writeHeadToFile(db, bridge)).toBe('written');
    expect(await check()).toEqual({ ok: true, checked: 3, anchors: 1 });

    const events = await db.audit.orderBy('seq').toArray();
    await db.audit.bulkDelete(events.slice(-2).map((event) => event.seq!));
    expect(await check()).toMatchObject({
      ok: false,
      unanchored: { problem: 'truncated', anchor: { count: 3, reason: 'file' } },
    });

    await db.audit.clear();
    expect(await check()).toMatchObject({ ok: false, unanchored: { problem: 'cleared' } });

    const edited = events.map((event, index) =>
      index === 1 ? { ...event, newValue: 'Nguyễn Văn Khác' } : event,
    );
    await rehashAll(edited);
    expect(await verifyAuditChain(db.audit)).toMatchObject({ ok: true });
    expect(await check()).toMatchObject({ ok: false, unanchored: { problem: 'rewritten' } });
  });

  it('never writes a tampered log over the head on file', async () => {
    await writeHeadToFile(db, bridge);
    const events = await db.audit.orderBy('seq').toArray();
    // Rewritten while the app was closed, then one more change made in the app.
    await rehashAll(events.map((e, i) => (i === 0 ? { ...e, by: 'someone-else' } : e)));
    await repo.createBook({ ...sampleBook, quyenSo: '02/2009' });
    expect(await writeHeadToFile(db, bridge)).toBe('not-on-chain');
    expect(await check()).toMatchObject({ ok: false, unanchored: { problem: 'rewritten' } });

    // Cut short, then grown back past the old length with new events.
    await rehashAll(events);
    await writeHeadToFile(db, bridge);
    const now = await db.audit.orderBy('seq').toArray();
    await db.audit.bulkDelete(now.slice(-2).map((event) => event.seq!));
    await repo.createBook({ ...sampleBook, quyenSo: '03/2010' });
    await repo.createBook({ ...sampleBook, quyenSo: '04/2011' });
    await repo.createBook({ ...sampleBook, quyenSo: '05/2012' });
    expect(await writeHeadToFile(db, bridge)).toBe('not-on-chain');
    expect((await check()).ok).toBe(false);
  });

  it('follows the log as it grows, shortly after each change', async () => {
    const writes: HeadWrite[] = [];
    const stop = keepHeadOnFile(db, bridge, 20, (result) => writes.push(result));
    try {
      await vi.waitFor(() => expect(writes).toContain('written'));
      await repo.createBook({ ...sampleBook, quyenSo: '02/2009' });
      await vi.waitFor(async () =>
        expect(await bridge.auditReadHead({ database: db.name })).toMatchObject({ count: 4 }),
      );
      expect(await check()).toEqual({ ok: true, checked: 4, anchors: 1 });
    } finally {
      stop();
    }
  });

  it('starts over from the restored log after a restore', async () => {
    await writeHeadToFile(db, bridge);
    await db.audit.clear();
    await repo.createBook({ ...sampleBook, quyenSo: '03/2010' });
    await restartAnchors(db, emptyStore);
    expect(await bridge.auditReadHead({ database: db.name })).toMatchObject({ count: 1 });
    expect(await check()).toEqual({ ok: true, checked: 1, anchors: 1 });
  });
});
