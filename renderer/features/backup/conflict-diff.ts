// What differs between the two versions of a conflicting entry, in the template's field order,
// so the supervisor compares only what matters.
import type { RegisterTemplate } from '../../../shared/registers/types';
import type { EntryRecord } from '../../db/types';

export interface ConflictDiff {
  fields: { key: string; label: string; mine: string; theirs: string }[];
  /** Other parts that differ: pages, region, status, acknowledgements. */
  other: ('pages' | 'region' | 'status' | 'acknowledgements')[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffConflict(
  template: RegisterTemplate,
  mine: EntryRecord,
  theirs: EntryRecord,
): ConflictDiff {
  const known = template.fields.map((field) => field.key);
  const extra = [...Object.keys(mine.fields), ...Object.keys(theirs.fields)].filter(
    (key) => !known.includes(key),
  );
  const fields = [...known, ...new Set(extra)]
    .filter((key) => (mine.fields[key] ?? '') !== (theirs.fields[key] ?? ''))
    .map((key) => ({
      key,
      label: template.fields.find((field) => field.key === key)?.label ?? key,
      mine: mine.fields[key] ?? '',
      theirs: theirs.fields[key] ?? '',
    }));
  const other: ConflictDiff['other'] = [];
  if (!same(mine.pageIds, theirs.pageIds)) other.push('pages');
  if (!same(mine.region, theirs.region)) other.push('region');
  if (mine.status !== theirs.status) other.push('status');
  const acks = (record: EntryRecord) =>
    record.acknowledgements.map(({ field, rule, reason }) => [field, rule, reason]);
  if (!same(acks(mine), acks(theirs))) other.push('acknowledgements');
  return { fields, other };
}
