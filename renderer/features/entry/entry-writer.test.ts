import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryRecord } from '../../db/types';

// The disk, as the queue sees it: each write resolves when the test says it is durable.
const disk = vi.hoisted(() => ({
  log: [] as string[],
  stored: new Map<string, Record<string, string>>(),
  failNext: 0,
  failSaves: 0,
  /** While set, writes wait for it, as a busy disk keeps them waiting. */
  gate: null as Promise<void> | null,
  /** Writes under way, waiting for the gate. */
  waiting: 0,
}));

vi.mock('../../db', () => {
  const slow = async () => {
    if (disk.gate) {
      disk.waiting += 1;
      await disk.gate;
      disk.waiting -= 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const maybeFail = (what: string) => {
    if (disk.failNext > 0) {
      disk.failNext -= 1;
      throw new Error(`disk full while ${what}`);
    }
  };
  return {
    repo: {
      async addEntry(record: EntryRecord) {
        await slow();
        maybeFail('creating');
        if (disk.stored.has(record.id)) throw new Error(`Entry ${record.id} exists`);
        disk.stored.set(record.id, { ...record.fields });
        disk.log.push(`create ${record.id}`);
      },
      async saveFields(id: string, changes: Record<string, string>) {
        await slow();
        maybeFail('saving');
        if (disk.failSaves > 0) {
          disk.failSaves -= 1;
          throw new Error('disk full while saving');
        }
        const fields = disk.stored.get(id);
        if (!fields) throw new Error(`Entry ${id} not found`);
        Object.assign(fields, changes);
        disk.log.push(`save ${id} ${Object.keys(changes).join(',')}`);
      },
    },
  };
});

const record = (id: string): EntryRecord => ({
  id,
  bookId: 'b',
  templateVersion: 'ks-70',
  fields: { so: '2', nksHoTen: '' },
  pageIds: [],
  status: 'draft',
  createdAt: 2,
  updatedAt: 2,
  revision: 1,
  nameKey: '',
  acknowledgements: [],
});

async function freshWriter() {
  vi.resetModules();
  return (await import('./entry-writer')).entryWriter;
}

beforeEach(() => {
  disk.log = [];
  disk.stored = new Map([['old', { so: '1', nksHoTen: '' }]]);
  disk.failNext = 0;
  disk.failSaves = 0;
  disk.gate = null;
  disk.waiting = 0;
});

describe('the entry write queue', () => {
  it('stores a new entry before what is typed into it while its creation is still on its way', async () => {
    const writer = await freshWriter();
    const last = writer.save('old', { nksHoTen: 'An' });
    void writer.create(record('new'));
    // Typed at once into the new entry, before anything reached the disk.
    void writer.save('new', { nksHoTen: 'Bình' });
    const shown = writer.createdEntry('new');
    expect(shown !== 'stored' && shown?.fields.so).toBe('2');
    await last;
    await writer.settle();
    expect(disk.log).toEqual(['save old nksHoTen', 'create new', 'save new nksHoTen']);
    expect(disk.stored.get('new')).toEqual({ so: '2', nksHoTen: 'Bình' });
  });

  it('writes what is typed into a new entry while the entry left behind is still being written', async () => {
    const writer = await freshWriter();
    let release = () => {};
    disk.gate = new Promise((resolve) => (release = resolve));
    // Ctrl+Enter: the last edit of the entry left behind is being written, the new entry waits.
    const left = writer.save('old', { nksHoTen: 'An' });
    const created = writer.create(record('new'));
    await vi.waitFor(() => expect(disk.waiting).toBe(1));
    // The officer types into the new entry meanwhile.
    const typed = writer.save('new', { nksHoTen: 'Bình' });
    release();
    expect(await left).toBe(true);
    expect(await created).toBe(true);
    expect(await typed).toBe(true);
    // Said to be saved, so it is on the disk, in the entry it was typed into.
    expect(disk.stored.get('new')).toEqual({ so: '2', nksHoTen: 'Bình' });
    expect(disk.stored.get('old')).toEqual({ so: '1', nksHoTen: 'An' });
    expect(disk.log).toEqual(['save old nksHoTen', 'create new', 'save new nksHoTen']);
  });

  it('stops offering the blank copy of a new entry once it is stored and typed into', async () => {
    const writer = await freshWriter();
    void writer.create(record('new'));
    await writer.save('new', { nksHoTen: 'Bình' });
    // Opened again later, the entry must come from the disk, which holds the name.
    expect(writer.createdEntry('new')).toBe('stored');
    expect(writer.createdEntry('never-made')).toBeUndefined();
  });

  it('keeps a failed creation and the edits made meanwhile, and writes them on the next try', async () => {
    const writer = await freshWriter();
    disk.failNext = 2;
    void writer.create(record('new'));
    await writer.save('new', { nksHoTen: 'Bình' });
    // Nothing may say "saved" now: the entry is on screen only.
    expect(disk.stored.has('new')).toBe(false);
    expect(writer.status()).toEqual({ busy: false, failed: true });
    await writer.save('new', { so: '3' });
    expect(disk.log).toEqual(['create new', 'save new nksHoTen,so']);
    expect(disk.stored.get('new')).toEqual({ so: '3', nksHoTen: 'Bình' });
    expect(writer.status()).toEqual({ busy: false, failed: false });
  });

  it('does not create an entry again when only its fields failed, and then saves them', async () => {
    const writer = await freshWriter();
    disk.failSaves = 1;
    const created = writer.create(record('new'));
    // Typed before the first attempt: its retry comes with this save.
    const saved = writer.save('new', { nksHoTen: 'Bình' });
    expect(await created).toBe(false);
    expect(await saved).toBe(true);
    expect(disk.log).toEqual(['create new', 'save new nksHoTen']);
    expect(disk.stored.get('new')).toEqual({ so: '2', nksHoTen: 'Bình' });
    expect(writer.status()).toEqual({ busy: false, failed: false });
  });

  it('is busy from the first queued write until the last one is durable', async () => {
    const writer = await freshWriter();
    const seen: boolean[] = [];
    const written = writer.save('old', { nksHoTen: 'An' });
    seen.push(writer.status().busy);
    await written;
    seen.push(writer.status().busy);
    expect(seen).toEqual([true, false]);
    expect(disk.log).toEqual(['save old nksHoTen']);
  });
});
