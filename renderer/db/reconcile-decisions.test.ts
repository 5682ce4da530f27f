import { beforeEach, describe, expect, it } from 'vitest';
import { columnsSettingKey, parseSavedColumns } from '../../shared/reconcile/columns';
import { verifyAuditChain } from './audit-chain';
import { decisionId } from './commands/reconcile';
import { sampleBook } from './sample-data';
import { isPcLocalSetting } from './setting-keys';
import {
  freshIndexedDb,
  openAtVersion,
  openCurrent,
  signedInRepositories,
  uniqueName,
} from './test-harness';
import { WorkflowError } from './workflow-error';

describe('reconciliation decisions', () => {
  beforeEach(() => freshIndexedDb());

  it('version 8 adds their table and keeps what version 7 held', async () => {
    const name = uniqueName();
    const v7 = openAtVersion(name, 7);
    await v7.books.add({ ...sampleBook, id: 'b1', expectedCount: 40, createdAt: 1, updatedAt: 1 });
    v7.close();

    const v8 = openAtVersion(name, 8);
    expect(await v8.books.get('b1')).toMatchObject({ expectedCount: 40 });
    expect(await v8.reconcileDecisions.count()).toBe(0);
    await v8.reconcileDecisions.add({
      id: decisionId('e1', 'KS|1/2010|1'),
      sohoaId: 'e1',
      extractKey: 'KS|1/2010|1',
      verdict: 'same',
      by: 'o1',
      at: 2,
    });
    expect(await v8.reconcileDecisions.where('sohoaId').equals('e1').count()).toBe(1);
    v8.close();
  });

  it('a reviewer’s decision is kept and audited; changing it keeps the earlier verdict in the log', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const { repo, officer } = await signedInRepositories(db, 'review');
    await repo.decideReconcilePair('e1', 'row-1', 'same');
    await repo.decideReconcilePair('e1', 'row-1', 'different');
    expect(await db.reconcileDecisions.toArray()).toEqual([
      expect.objectContaining({
        sohoaId: 'e1',
        extractKey: 'row-1',
        verdict: 'different',
        by: officer.id,
      }),
    ]);
    const events = await db.audit.where('entityId').equals('e1').toArray();
    expect(events.map((e) => [e.action, e.oldValue, e.newValue])).toEqual([
      ['reconcile', undefined, 'same'],
      ['reconcile', 'same', 'different'],
    ]);
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
  });

  it('an officer who only types cannot decide, and nothing is written', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const { repo } = await signedInRepositories(db, 'entry');
    await expect(repo.decideReconcilePair('e1', 'row-1', 'same')).rejects.toBeInstanceOf(
      WorkflowError,
    );
    expect(await db.reconcileDecisions.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});

describe('column mappings of population-database extracts', () => {
  beforeEach(() => freshIndexedDb());

  const saved = {
    type: 'KS' as const,
    headers: ['STT', 'Họ và tên', 'Ngày đăng ký'],
    columns: { nksHoTen: 1, ngayDangKy: 2 },
  };

  it('are kept with the data by header row, once, audited, by any officer who types', async () => {
    const db = openCurrent(uniqueName());
    await db.open();
    const { repo } = await signedInRepositories(db, 'entry');
    await repo.saveExtractColumns(saved);
    await repo.saveExtractColumns(saved);
    const key = columnsSettingKey(['stt', 'HỌ VÀ TÊN', ' Ngày đăng ký']);
    expect(isPcLocalSetting(key)).toBe(false);
    expect(parseSavedColumns((await db.settings.get(key))?.value)).toEqual(saved);
    const events = await db.audit.where('entityId').equals(key).toArray();
    expect(events.map((e) => e.action)).toEqual(['update']);

    await repo.saveExtractColumns({ ...saved, columns: { nksHoTen: 1, ngayDangKy: 0 } });
    expect(await db.audit.where('entityId').equals(key).count()).toBe(2);
    expect((await verifyAuditChain(db.audit)).ok).toBe(true);
  });
});
