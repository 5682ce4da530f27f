// A backup file built in the test: a real backup from the app with arbitration rows added (as
// another PC's arbitrations would come), re-sealed without a signature, as an earlier release's
// file would be.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

export interface SeededArbitration {
  entryId: string;
  keyerA: string;
  keyerB: string;
  arbitratorId: string;
  fieldsVerified: number;
  blames: { key: string; a: boolean; b: boolean }[];
}

/** Officer ids by name, as the backup holds them. */
export async function officersIn(path: string): Promise<Map<string, string>> {
  const { zip } = await openBackup(path);
  const people = JSON.parse(await zip.file('rows/people.json')!.async('string')) as {
    id: string;
    name: string;
  }[];
  return new Map(people.map((person) => [person.name, person.id]));
}

async function openBackup(path: string) {
  const bytes = await readFile(path);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<
    string,
    unknown
  > & { counts: Record<string, number> };
  const zip = await JSZip.loadAsync(bytes.subarray(newline + 1));
  return { header, zip };
}

/** Writes `to`: the backup at `from` holding these arbitrations of its only book, unsigned. */
export async function withArbitrations(
  from: string,
  to: string,
  arbitrations: readonly SeededArbitration[],
  at: number,
): Promise<void> {
  const { header, zip } = await openBackup(from);
  const books = JSON.parse(await zip.file('rows/books.json')!.async('string')) as { id: string }[];
  const bookId = books[0]!.id;
  const rows = arbitrations.map((arbitration) => ({
    id: arbitration.entryId,
    bookId,
    at,
    rulings: Object.fromEntries(
      arbitration.blames.map((blame) => [blame.key, { kind: blame.a ? 'takeB' : 'takeA' }]),
    ),
    ...arbitration,
  }));
  zip.file('rows/arbitrations.json', JSON.stringify(rows));
  const payload = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const unsigned: Record<string, unknown> = { ...header };
  delete unsigned.signer;
  delete unsigned.signature;
  const sealed = {
    ...unsigned,
    counts: { ...header.counts, arbitrations: rows.length },
    payloadBytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  await writeFile(to, Buffer.concat([Buffer.from(`${JSON.stringify(sealed)}\n`), payload]));
}
