import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../test/fixtures/reconcile-scenario';
import { reconcile, type ReconcileInput } from './reconcile-core';
import { summarize } from './reconcile-summary';

function scenarioInput(decisions: ReconcileInput['decisions'] = []): ReconcileInput {
  const scenario = buildScenario();
  return {
    type: 'KS',
    templateVersion: 'ks-70',
    sohoa: scenario.book.map((fields) => ({ id: `e${fields.so}`, bookId: 'b1', fields })),
    extract: scenario.extract.map((fields, i) => ({ key: `r${i + 2}`, fields })),
    decisions,
  };
}

describe('reconciling a book against an extract', () => {
  const scenario = buildScenario();

  it('finds the entries in both, the one to confirm, those left to move and the extract’s own', () => {
    const result = reconcile(scenarioInput());
    expect(result.both).toHaveLength(19);
    expect(result.uncertain.map((pair) => pair.sohoaId)).toEqual([`e${scenario.uncertainSo}`]);
    expect(result.onlySohoa.sort()).toEqual(scenario.onlySohoaSo.map((so) => `e${so}`).sort());
    expect(result.onlyExtract).toHaveLength(7);
    expect(result.duplicates).toEqual([]);
  });

  it('shows progress from the start: preparing both sides, linking, then the duplicates', () => {
    const seen: [string, number, number][] = [];
    reconcile(scenarioInput(), (phase, done, total) => seen.push([phase, done, total]));
    expect(seen[0]).toEqual(['prepare', 0, 57]);
    const phases = seen.map(([phase]) => phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['prepare', 'link', 'duplicates']);
    for (const phase of phases) {
      const last = seen.filter(([p]) => p === phase).at(-1);
      expect(last?.[1]).toBe(last?.[2]);
    }
  });

  it('never merges twins: each is linked to its own row', () => {
    const result = reconcile(scenarioInput());
    const input = scenarioInput();
    for (const so of scenario.twinSo) {
      const pair = result.both.find((p) => p.sohoaId === `e${so}`);
      const row = input.extract.find((r) => r.key === pair?.extractKey);
      expect(row?.fields.so).toBe(so);
    }
  });

  it('names the field that differs in each of the three rows typed differently', () => {
    const result = reconcile(scenarioInput());
    for (const { so, field } of scenario.differing) {
      expect(result.both.find((p) => p.sohoaId === `e${so}`)?.differing).toEqual([field]);
    }
  });

  it('re-uses decisions: a confirmed pair counts as present, a rejected one is left to move', () => {
    const first = reconcile(scenarioInput());
    const pair = first.uncertain[0]!;
    const same = reconcile(scenarioInput([[pair.sohoaId, pair.extractKey, 'same']]));
    expect(same.uncertain).toEqual([]);
    expect(same.both).toHaveLength(20);
    const different = reconcile(scenarioInput([[pair.sohoaId, pair.extractKey, 'different']]));
    expect(different.onlySohoa).toContain(pair.sohoaId);
    expect(different.confirmedDifferent).toEqual([pair.sohoaId]);
    expect(different.onlyExtract).toHaveLength(8);
  });

  it('counts in the communes’ shape, per book and overall', () => {
    const input = scenarioInput();
    const summary = summarize(reconcile(input), input.sohoa, input.extract.length);
    expect(summary.overall).toEqual({
      total: 30,
      typed: 27,
      present: 19,
      uncertain: 1,
      duplicates: 0,
      leftToMove: 10,
      onlyExtract: 7,
    });
    expect(summary.books).toEqual([
      { bookId: 'b1', ...summary.overall, typed: 20, onlyExtract: 0 },
    ]);
  });

  it('finds an entry typed into two books', () => {
    const input = scenarioInput();
    const copy = { ...input.sohoa[3]!, id: 'copy', bookId: 'b2' };
    const result = reconcile({ ...input, sohoa: [...input.sohoa, copy] });
    expect(result.duplicates.map((d) => [d.firstId, d.secondId])).toEqual([['e4', 'copy']]);
  });
});
