// The form, submission, approval and export give one verdict on the same entries, the rules
// across entries (repeated số, names that would collide, gaps) included.
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfNamingOf } from '../../shared/bundle/names';
import { planBundle } from '../../shared/bundle/plan';
import { getTemplate } from '../../shared/registers';
import { verdictOf, type Verdict } from '../../shared/validation/acknowledgements';
import type { SohoaDatabase } from './database';
import { loadRelatedEntries, validateWithRelated } from './entry-context';
import { nameKeyOf } from './name-key';
import type { Repositories } from './repositories';
import { sampleBook } from './sample-data';
import type { Session } from './session';
import { reviewTeam } from './test-harness';
import type { Book, Person } from './types';
import { isWorkflowError } from './workflow-error';

const ks = getTemplate('ks-70');

let db: SohoaDatabase;
let session: Session;
let repo: Repositories;
let reviewer: Person;
let book: Book;
const ids = new Map<string, string>();

const letters = 'ABCDEGHKLM';
async function typed(label: string, so: string, ngayDangKy: string): Promise<void> {
  const entry = await repo.createEntry(book.id, null);
  await repo.saveFields(entry.id, {
    so,
    ngayDangKy,
    loaiDangKy: '1',
    // A different child each time, so no entry is a possible duplicate of another.
    nksHoTen: `Phạm Văn ${label.replace(/./gu, (c) => letters[c.charCodeAt(0) % 10] ?? 'A')}`,
    nksGioiTinh: '1',
    nksNgaySinh: '01.01.2008',
    nksDanToc: 'Kinh',
    nksQuocTich: 'Việt Nam',
  });
  ids.set(label, entry.id);
}

const idOf = (label: string): string => {
  const id = ids.get(label);
  if (id === undefined) throw new Error(`No entry ${label}`);
  return id;
};

async function formVerdict(label: string): Promise<Verdict> {
  const record = await db.records.get(idOf(label));
  if (!record) throw new Error(label);
  const related = await loadRelatedEntries(db, book, {
    so: record.fields.so ?? '',
    nameKey: nameKeyOf(ks, record.fields),
    selfId: record.id,
  });
  const result = validateWithRelated(ks, record.fields, { book, selfId: record.id, related });
  return verdictOf(result, record.acknowledgements);
}

async function exportVerdicts(): Promise<Map<string, Verdict>> {
  const records = await db.records.where('bookId').equals(book.id).toArray();
  const plan = planBundle({
    template: ks,
    book: { type: 'KS', year: book.year, quyenSo: book.quyenSo },
    pdfNaming: pdfNamingOf(book.pdfNaming),
    entries: records.map((record) => ({
      id: record.id,
      fields: record.fields,
      pageCount: 1,
      acknowledgements: record.acknowledgements,
    })),
  });
  const verdicts = new Map<string, Verdict>(records.map((record) => [record.id, 'ready']));
  for (const problem of plan.ok ? [] : plan.problems) {
    if (problem.severity === undefined) verdicts.set(problem.entryId, 'errors');
    else if (verdicts.get(problem.entryId) === 'ready') {
      verdicts.set(problem.entryId, 'unconfirmed');
    }
  }
  return verdicts;
}

/** What an action says about the entry: done, or refused for errors or unconfirmed warnings. */
async function outcome(action: () => Promise<unknown>): Promise<Verdict | 'other'> {
  try {
    await action();
    return 'ready';
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    if (error.code === 'has-errors') return 'errors';
    if (error.code === 'unconfirmed-warnings') return 'unconfirmed';
    return 'other';
  }
}

async function confirmEachWarning(label: string): Promise<void> {
  const record = await db.records.get(idOf(label));
  if (!record) throw new Error(label);
  const related = await loadRelatedEntries(db, book, {
    so: record.fields.so ?? '',
    nameKey: nameKeyOf(ks, record.fields),
    selfId: record.id,
  });
  const { warnings } = validateWithRelated(ks, record.fields, {
    book,
    selfId: record.id,
    related,
  });
  for (const warning of warnings) await repo.acknowledge(record.id, warning, 'sổ ghi như vậy');
}

beforeEach(async () => {
  ({ db, session, repo, reviewer } = await reviewTeam());
  book = await repo.createBook(sampleBook);
  ids.clear();
  await typed('written', '01/2008', '15.01.2008');
  await typed('yearOnly', '2', '2008');
  await typed('plain', '3', '20.01.2008');
  await typed('four', '4', '10.02.2008');
  await typed('fourAgain', '4', '11.02.2009');
  await typed('five', '5', '12.02.2008');
  await typed('fiveSameDay', '005', '12.02.2008');
  await typed('torn', '', '13.02.2008');
  await typed('afterGap', '8', '14.02.2008');
});

describe('one verdict everywhere', () => {
  const expected: Record<string, Verdict> = {
    written: 'ready',
    yearOnly: 'unconfirmed',
    plain: 'ready',
    four: 'unconfirmed',
    fourAgain: 'unconfirmed',
    five: 'errors',
    fiveSameDay: 'errors',
    torn: 'unconfirmed',
    afterGap: 'unconfirmed',
  };

  it('the form, submission and export agree before anything is confirmed', async () => {
    const exported = await exportVerdicts();
    for (const [label, verdict] of Object.entries(expected)) {
      expect([label, await formVerdict(label)]).toEqual([label, verdict]);
      expect([label, exported.get(idOf(label))]).toEqual([label, verdict]);
      expect([label, await outcome(() => repo.submitEntries([idOf(label)]))]).toEqual([
        label,
        verdict,
      ]);
    }
  });

  it('a warning confirmed once lets the entry through every step; a name clash never does', async () => {
    // The repeated số is confirmed on one entry of the pair only.
    for (const label of ['yearOnly', 'four', 'torn', 'afterGap']) await confirmEachWarning(label);
    expect(await formVerdict('fourAgain')).toBe('ready');

    const exported = await exportVerdicts();
    for (const label of Object.keys(expected)) {
      const verdict = label.startsWith('five') ? 'errors' : 'ready';
      expect([label, await formVerdict(label)]).toEqual([label, verdict]);
      expect([label, exported.get(idOf(label))]).toEqual([label, verdict]);
      expect([label, await outcome(() => repo.submitEntries([idOf(label)]))]).toEqual([
        label,
        verdict,
      ]);
    }
    session.signIn(reviewer);
    expect(await outcome(() => repo.approveEntry(idOf('four')))).toBe('ready');
  });

  it('approval refuses an entry another entry has made unready since it was submitted', async () => {
    await confirmEachWarning('four');
    await repo.submitEntries([idOf('fourAgain')]);
    // A third số 4 on yet another date: a new pair nobody has confirmed.
    await typed('fourThird', '4', '01.03.2010');
    expect(await formVerdict('fourAgain')).toBe('unconfirmed');
    expect((await exportVerdicts()).get(idOf('fourAgain'))).toBe('unconfirmed');
    session.signIn(reviewer);
    expect(await outcome(() => repo.approveEntry(idOf('fourAgain')))).toBe('unconfirmed');
    expect((await db.records.get(idOf('fourAgain')))?.status).toBe('submitted');
  });
});
