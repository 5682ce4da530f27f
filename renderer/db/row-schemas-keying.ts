// The rows of blind double keying, beside the other rows' schemas (row-schemas.ts): who keyed
// an entry, its second keying, the supervisors' samples and the arbitrations.
import { z } from 'zod';

const id = z.string().min(1);
const time = z.number().finite();
const text = z.string();

/** The officers of an entry's blind double keying, as the workflow's guards read them. */
export const keyingMarks = z.object({
  a: text,
  b: text.optional(),
  arbitratedBy: text.optional(),
  /** The supervisor's sample that sent this entry, single-keyed, to a second keying. */
  sampleId: text.optional(),
});

const ruling = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('takeA') }),
  z.object({ kind: z.literal('takeB') }),
  z.object({ kind: z.literal('typed'), value: text }),
  z.object({ kind: z.literal('illegible') }),
  z.object({ kind: z.literal('blankInRegister') }),
]);

/**
 * A third officer's settlement of an entry keyed twice, blind: the ruling on each field the two
 * keyings disagreed on and who erred there. The operator statistics count keyer (first keying)
 * and verifier (second keying) errors from these rows.
 */
export const arbitrationRow = z.looseObject({
  /** The entry's id: an entry is settled once; arbitrating it again replaces the row. */
  id,
  bookId: id,
  entryId: id,
  /** The officers of the first and the second keying, and the arbitrator. */
  keyerA: z.string(),
  keyerB: z.string(),
  arbitratorId: z.string(),
  at: time,
  /** Fields compared between the two keyings, agreeing or not. */
  fieldsVerified: z.number().int().nonnegative(),
  rulings: z.record(z.string(), ruling),
  blames: z.array(z.object({ key: z.string(), a: z.boolean(), b: z.boolean() })),
});

/**
 * The second, blind keying of an entry: the officer's own values for the entry's slot, kept
 * apart from the entry (which holds the first keying) until a third officer settles the two.
 */
export const keyingRow = z.looseObject({
  /** The entry's id: one second keying per entry. */
  id,
  bookId: id,
  entryId: id,
  by: text,
  fields: z.record(text, text),
  startedAt: time,
  updatedAt: time,
  /** Set when the officer finished it and the entry went on to arbitration. */
  finishedAt: time.optional(),
});

/**
 * A supervisor's random sample of a trusted keyer's entries sent to a second keying: the share
 * asked for, the seed the draw used (the same seed over the same entries draws the same ones)
 * and the entries drawn.
 */
export const keyingSampleRow = z.looseObject({
  id,
  bookId: id,
  keyerId: text,
  percent: z.number().positive().max(100),
  seed: z.number().int().nonnegative(),
  /** The entries it could draw from, and those drawn, by id. */
  candidates: z.number().int().nonnegative(),
  entryIds: z.array(text),
  by: text,
  at: time,
});
