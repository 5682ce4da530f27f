// Blind double keying through the workflow table: a supervisor's sample sends entries to a
// second keying, a second officer keys the entry's slot apart from the first keying, and a
// third officer settles the fields the two disagree on. Each step is one transaction writing
// the entry, the keying or the arbitration, and its audit events together.
import { arbitrate, blameOf, type Ruling } from '../../../shared/keying/arbitrate';
import { compareKeyings, fieldsCompared } from '../../../shared/keying/compare';
import { drawSample } from '../../../shared/keying/sample';
import { getTemplate } from '../../../shared/registers';
import { statusesFrom, entryWorkflow } from '../../../shared/workflow/workflow';
import { nameKeyOf } from '../name-key';
import type { Arbitration, EntryRecord, Keying, KeyingSample } from '../types';
import { WorkflowError } from '../workflow-error';
import {
  checkedTransition,
  getRecord,
  newId,
  permissionOf,
  requireOpenBook,
  transitionFor,
  verdictFor,
} from './guards';
import type { AuditLine, CommandContext } from './run';

export interface SampleRequest {
  bookId: string;
  /** The keyer whose entries are sampled. */
  keyerId: string;
  percent: number;
  /** Absent: a fresh random seed, recorded with the sample. */
  seed?: number;
}

export function keyingCommands({ db, run }: CommandContext) {
  return {
    /**
     * Draws `percent` of a keyer's submitted or approved entries of a book, single-keyed, and
     * sends them to a second keying; the seed and the entries drawn are recorded.
     */
    drawKeyingSample(request: SampleRequest): Promise<KeyingSample> {
      const seed = request.seed ?? crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
      const from = statusesFrom('sample', entryWorkflow);
      return run(permissionOf('sample'), ['books', 'records', 'keyingSamples'], async (tx) => {
        await requireOpenBook(db, request.bookId);
        const candidates = await db.records
          .where('bookId')
          .equals(request.bookId)
          .filter(
            (record) =>
              record.createdBy === request.keyerId &&
              from.includes(record.status) &&
              !record.keying,
          )
          .toArray();
        const drawn = new Set(
          drawSample(
            candidates.map((record) => record.id),
            request.percent,
            seed,
          ),
        );
        const sample: KeyingSample = {
          id: newId(),
          bookId: request.bookId,
          keyerId: request.keyerId,
          percent: request.percent,
          seed,
          candidates: candidates.length,
          entryIds: [...drawn].sort(),
          by: tx.officer.id,
          at: tx.now,
        };
        const sent = candidates
          .filter((record) => drawn.has(record.id))
          .map((record) => {
            const transition = transitionFor('sample', record, tx.officer);
            return tx.revise(record, {
              status: transition.to,
              keying: { a: request.keyerId, sampleId: sample.id },
            });
          });
        await db.keyingSamples.add(sample);
        await db.records.bulkPut(sent);
        tx.audit(
          {
            entity: 'book',
            entityId: request.bookId,
            action: 'sample',
            newValue: JSON.stringify({
              keyerId: sample.keyerId,
              percent: sample.percent,
              seed,
              entryIds: sample.entryIds,
            }),
          },
          ...sent.map((record): AuditLine => ({
            entity: 'record',
            entityId: record.id,
            action: 'sample',
            oldValue: candidates.find((c) => c.id === record.id)?.status ?? '',
            newValue: record.status,
          })),
        );
        return sample;
      });
    },

    /**
     * Saves values of the signed-in officer's second keying of an entry, kept apart from the
     * entry. Only an entry waiting for its second keying, and never by its first keyer.
     */
    saveSecondKeying(entryId: string, changes: Record<string, string>): Promise<Keying> {
      return run('enter', ['books', 'records', 'keyings'], async (tx) => {
        const record = await getRecord(db, entryId);
        transitionFor('key-second', record, tx.officer);
        await requireOpenBook(db, record.bookId);
        const stored = await db.keyings.get(entryId);
        // A second keying finished by another officer is theirs: this one starts it over only
        // once the entry came back to a first keying (reopened and keyed again).
        const mine = stored && stored.by === tx.officer.id ? stored : undefined;
        if (stored && !mine && stored.finishedAt === undefined) {
          throw new WorkflowError('wrong-status');
        }
        const keying: Keying = {
          id: entryId,
          bookId: record.bookId,
          entryId,
          by: tx.officer.id,
          fields: { ...(mine?.fields ?? {}), ...changes },
          startedAt: mine?.startedAt ?? tx.now,
          updatedAt: tx.now,
        };
        await db.keyings.put(keying);
        tx.audit(
          ...Object.entries(changes)
            .filter(([key, value]) => (mine?.fields[key] ?? '') !== value)
            .map(([field, newValue]): AuditLine => ({
              entity: 'record',
              entityId: entryId,
              action: 'keying',
              field,
              newValue,
            })),
        );
        return keying;
      });
    },

    /** The second keying is done: the entry waits for a third officer to settle the two. */
    finishSecondKeying(entryId: string): Promise<EntryRecord> {
      return run(permissionOf('key-second'), ['books', 'records', 'keyings'], async (tx) => {
        const record = await getRecord(db, entryId);
        const transition = await checkedTransition(db, 'key-second', record, tx.officer);
        const keying = await db.keyings.get(entryId);
        if (!keying || keying.by !== tx.officer.id) throw new WorkflowError('wrong-status');
        const changed = tx.revise(record, {
          status: transition.to,
          keying: { ...(record.keying ?? { a: record.createdBy ?? '' }), b: tx.officer.id },
        });
        await db.keyings.put({ ...keying, finishedAt: tx.now });
        await db.records.put(changed);
        tx.audit({
          entity: 'record',
          entityId: entryId,
          action: 'key-second',
          oldValue: record.status,
          newValue: changed.status,
        });
        return changed;
      });
    },

    /**
     * Settles an entry keyed twice: `rulings` for every field the keyings disagree on. The
     * settled values become the entry's, the arbitration is kept with who erred where, and the
     * entry goes on: approved by this settlement, or to a reviewer where the book asks for one
     * (or where the settled entry still has errors or warnings to confirm).
     */
    arbitrateEntry(entryId: string, rulings: Record<string, Ruling>): Promise<EntryRecord> {
      return run(
        permissionOf('arbitrate'),
        ['books', 'records', 'keyings', 'arbitrations'],
        async (tx) => {
          const record = await getRecord(db, entryId);
          const transition = await checkedTransition(db, 'arbitrate', record, tx.officer);
          const book = await requireOpenBook(db, record.bookId);
          const keying = await db.keyings.get(entryId);
          const keyerB = record.keying?.b;
          if (!keying || keying.finishedAt === undefined || keying.by !== keyerB) {
            throw new WorkflowError('wrong-status');
          }
          const template = getTemplate(record.templateVersion);
          const settled = arbitrate(template, record.fields, keying.fields, rulings);
          if (settled.pending.length > 0) throw new WorkflowError('arbitration-pending');
          const differences = compareKeyings(template, record.fields, keying.fields);
          const kept = Object.fromEntries(
            differences
              .map((difference) => [difference.key, rulings[difference.key]] as const)
              .filter((pair): pair is readonly [string, Ruling] => pair[1] !== undefined),
          );
          const fields = { ...record.fields };
          for (const field of template.fields) fields[field.key] = settled.fields[field.key] ?? '';
          const keyerA = record.keying?.a ?? record.createdBy ?? '';
          const arbitration: Arbitration = {
            id: entryId,
            bookId: record.bookId,
            entryId,
            keyerA,
            keyerB,
            arbitratorId: tx.officer.id,
            at: tx.now,
            fieldsVerified: fieldsCompared(template, record.fields, keying.fields),
            rulings: kept,
            blames: blameOf(template, differences, kept),
          };
          let changed = tx.revise(record, {
            fields,
            nameKey: nameKeyOf(template, fields),
            status: transition.to,
            updatedBy: tx.officer.id,
            keying: { ...(record.keying ?? { a: keyerA }), b: keyerB, arbitratedBy: tx.officer.id },
          });
          const lines: AuditLine[] = [
            ...template.fields
              .filter((field) => (record.fields[field.key] ?? '') !== fields[field.key])
              .map((field): AuditLine => ({
                entity: 'record',
                entityId: entryId,
                action: 'edit',
                field: field.key,
                oldValue: record.fields[field.key] ?? '',
                newValue: fields[field.key] ?? '',
              })),
            {
              entity: 'record',
              entityId: entryId,
              action: 'arbitrate',
              oldValue: record.status,
              newValue: changed.status,
            },
          ];
          if (!book.reviewAfterArbitration && (await verdictFor(db, changed)) === 'ready') {
            const approval = transitionFor('approve', changed, tx.officer);
            const before = changed.status;
            changed = {
              ...changed,
              status: approval.to,
              review: {
                decision: 'approved',
                by: tx.officer.id,
                at: tx.now,
                reason: '',
                comments: [],
              },
            };
            lines.push({
              entity: 'record',
              entityId: entryId,
              action: 'approve',
              oldValue: before,
              newValue: changed.status,
            });
          }
          await db.arbitrations.put(arbitration);
          await db.records.put(changed);
          tx.audit(...lines);
          return changed;
        },
      );
    },
  };
}
