import { describe, expect, it } from 'vitest';
import type { BundleProblem } from '../../../shared/bundle/plan';
import type { EntryRecord, EntryStatus } from '../../db/types';
import type { GateResult } from '../../workers/export-protocol';
import { exportableEntries, gateReadyEntries, selectForScope } from './export-rule';

const entry = (status: EntryStatus, so: string = status, revision = 1) =>
  ({ id: status, status, revision, fields: { so } }) as unknown as EntryRecord;
const all = (['draft', 'submitted', 'approved', 'rejected'] as const).map((s) => entry(s));
const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

describe('exportableEntries', () => {
  it('takes only approved entries by default', () => {
    expect(ids(exportableEntries({}, all))).toEqual(['approved']);
  });

  it('also takes entries waiting for review when the book allows it', () => {
    expect(ids(exportableEntries({ exportSubmitted: true }, all))).toEqual([
      'submitted',
      'approved',
    ]);
  });
});

describe('selectForScope', () => {
  it('names every entry left out for its status, so the officer can be told why', () => {
    const approvedOnly = selectForScope({}, all, 'whole');
    expect(ids(approvedOnly.candidates)).toEqual(['approved']);
    expect(approvedOnly.held).toEqual([
      { entryId: 'draft', so: 'draft', reasons: [{ kind: 'status', status: 'draft' }] },
      { entryId: 'submitted', so: 'submitted', reasons: [{ kind: 'status', status: 'submitted' }] },
      { entryId: 'rejected', so: 'rejected', reasons: [{ kind: 'status', status: 'rejected' }] },
    ]);
    const withSubmitted = selectForScope({ exportSubmitted: true }, all, 'ready');
    expect(ids(withSubmitted.candidates)).toEqual(['submitted', 'approved']);
    expect(ids(withSubmitted.held.map((h) => ({ id: h.entryId })))).toEqual(['draft', 'rejected']);
  });

  it('holds back an approval the audit log does not show, even where submitted entries go', () => {
    const notInLog = new Set(['approved']);
    const selection = selectForScope({ exportSubmitted: true }, all, 'ready', [], notInLog);
    expect(ids(selection.candidates)).toEqual(['submitted']);
    expect(selection.held).toContainEqual({
      entryId: 'approved',
      so: 'approved',
      reasons: [{ kind: 'approvalNotInLog' }],
    });
  });

  it('"not yet exported" skips entries that went out unchanged, and takes changed ones again', () => {
    const book = [entry('approved', '1', 3), { ...entry('approved', '2', 5), id: 'b' }];
    const runs = [{ entryIds: ['approved', 'b'], revisions: { approved: 3, b: 4 } }];
    const selection = selectForScope({}, book, 'notExported', runs);
    expect(ids(selection.candidates)).toEqual(['b']);
    expect(selection.alreadyExported).toBe(1);
    // The whole book goes again whatever went before.
    expect(ids(selectForScope({}, book, 'whole', runs).candidates)).toEqual(['approved', 'b']);
  });

  it('counts entries of exports from before revisions were kept as exported', () => {
    const selection = selectForScope({}, [entry('approved', '1', 9)], 'notExported', [
      { entryIds: ['approved'] },
    ]);
    expect(selection.candidates).toEqual([]);
    expect(selection.alreadyExported).toBe(1);
  });

  it('says which held-back entries were reopened since approval, and why', () => {
    const reopened = {
      ...entry('draft', '4'),
      reopened: { from: 'approved', by: 'x', at: 1, reason: 'Sai tên vợ' },
    } as EntryRecord;
    const selection = selectForScope({}, [reopened, entry('draft', '5')], 'whole');
    expect(selection.held.map((held) => held.reasons)).toEqual([
      [
        { kind: 'status', status: 'draft' },
        { kind: 'reopened', from: 'approved', reason: 'Sai tên vợ' },
      ],
      [{ kind: 'status', status: 'draft' }],
    ]);
  });
});

describe('gateReadyEntries', () => {
  const e = (id: string) => ({ id, fields: { so: id } });
  const problem = (entryId: string, rule: BundleProblem['rule'] = 'duplicateSo') =>
    ({ entryId, so: entryId, rule }) as BundleProblem;
  const passes = (entries: { id: string }[]): GateResult => ({
    ok: true,
    outline: {
      stem: 'KS',
      files: { xlsx: 'KS.xlsx', zip: 'KS.zip' },
      entryCount: entries.length,
      pageCount: entries.length,
    },
  });

  it('leaves out the entries with problems and writes the rest', async () => {
    const seen: string[][] = [];
    const outcome = await gateReadyEntries([e('1'), e('2'), e('3')], (entries) => {
      seen.push(ids(entries));
      return Promise.resolve(
        entries.some((x) => x.id === '2')
          ? { ok: false, problems: [problem('2')] }
          : passes(entries),
      );
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.entryIds).toEqual(['1', '3']);
    expect(outcome.held).toEqual([
      { entryId: '2', so: '2', reasons: [{ kind: 'problem', problem: problem('2') }] },
    ]);
    expect(seen).toEqual([
      ['1', '2', '3'],
      ['1', '3'],
    ]);
  });

  it('stops at a problem of the whole book, which leaving entries out cannot fix', async () => {
    const outcome = await gateReadyEntries([e('1')], () =>
      Promise.resolve({ ok: false, problems: [problem('', 'badQuyenSo')] }),
    );
    expect(outcome.ok).toBe(false);
  });

  it('says so when no entry is left', async () => {
    const outcome = await gateReadyEntries([e('1')], () =>
      Promise.resolve({ ok: false, problems: [problem('1')] }),
    );
    expect(outcome).toMatchObject({ ok: false, problems: [], held: [{ entryId: '1' }] });
  });
});
