// Arbitration: a third officer settles each field the two keyings disagree on, looking at the
// scan. Fields that agree are taken without a look. The ruling also says who erred, which the
// operator statistics count as keyer and verifier errors.
import { normalizeFieldValue } from '../registers/field-value';
import type { RegisterTemplate } from '../registers/types';
import { compareKeyings, type FieldDifference, type Keying } from './compare';

export type Ruling =
  | { kind: 'takeA' }
  | { kind: 'takeB' }
  | { kind: 'typed'; value: string }
  /** The register cannot be read there: the field stays empty and is marked. */
  | { kind: 'illegible' }
  /** The register leaves it blank: empty is the right value. */
  | { kind: 'blankInRegister' };

export type FieldMark = 'illegible' | 'blankInRegister';

export interface Arbitrated {
  fields: Record<string, string>;
  marks: Record<string, FieldMark>;
  /** Differences still without a ruling: the entry cannot go on until there are none. */
  pending: string[];
}

/** Which keying was wrong on a field, by the ruling. An illegible field blames no one. */
export interface Blame {
  key: string;
  a: boolean;
  b: boolean;
}

export function arbitrate(
  template: RegisterTemplate,
  a: Keying,
  b: Keying,
  rulings: Readonly<Record<string, Ruling>>,
): Arbitrated {
  const differences = new Map(compareKeyings(template, a, b).map((d) => [d.key, d]));
  const result: Arbitrated = { fields: {}, marks: {}, pending: [] };
  for (const field of template.fields) {
    const difference = differences.get(field.key);
    if (!difference) {
      const agreed = normalizeFieldValue(field, a[field.key] ?? '');
      if (agreed !== '') result.fields[field.key] = agreed;
      continue;
    }
    const ruling = rulings[field.key];
    if (!ruling) {
      result.pending.push(field.key);
      continue;
    }
    const value = settled(difference, ruling, (raw) => normalizeFieldValue(field, raw));
    if (value !== '') result.fields[field.key] = value;
    if (ruling.kind === 'illegible' || ruling.kind === 'blankInRegister') {
      result.marks[field.key] = ruling.kind;
    }
  }
  return result;
}

function settled(
  difference: FieldDifference,
  ruling: Ruling,
  normalise: (raw: string) => string,
): string {
  switch (ruling.kind) {
    case 'takeA':
      return difference.a;
    case 'takeB':
      return difference.b;
    case 'typed':
      return normalise(ruling.value);
    default:
      return '';
  }
}

/** Who erred on each ruled difference: a keying that differs from the settled value. */
export function blameOf(
  template: RegisterTemplate,
  differences: readonly FieldDifference[],
  rulings: Readonly<Record<string, Ruling>>,
): Blame[] {
  const blames: Blame[] = [];
  for (const difference of differences) {
    const ruling = rulings[difference.key];
    if (!ruling || ruling.kind === 'illegible') continue;
    const field = template.fields.find((candidate) => candidate.key === difference.key);
    const value = settled(difference, ruling, (raw) =>
      field ? normalizeFieldValue(field, raw) : raw,
    );
    blames.push({ key: difference.key, a: difference.a !== value, b: difference.b !== value });
  }
  return blames;
}
