// Accuracy of the checking modes, simulated: a book's entries as the register holds them (the
// truth), keyed by officers who slip on a small share of fields (substitutions, transposed
// letters, dropped diacritics, wrong dates), then either single keying checked by the app's
// validation, or blind double keying settled by an arbitrator who slips as often. What is left
// wrong is counted per 1,000 fields. Used by `npm run bench` and its tests.
import { normalizeFieldValue } from '../registers/field-value';
import { ksTemplate70 } from '../registers/ks';
import type { FieldDef, RegisterTemplate } from '../registers/types';
import { generatePairs } from '../reconcile/generator';
import { seededRandom } from '../seeded-random';
import { stripMarks } from '../text/vietnamese';
import { validateEntry } from '../validation/validate-entry';
import { arbitrate, type Ruling } from './arbitrate';
import { compareKeyings, type Keying } from './compare';

export interface KeyingSimulationOptions {
  entries: number;
  seed: number;
  /** Share of fields a keyer (or the arbitrator) gets wrong, independently. */
  fieldErrorRate: number;
}

export interface ModeOutcome {
  /** Fields left different from the register. */
  residual: number;
  perThousandFields: number;
}

export interface KeyingSimulation {
  fields: number;
  /** Fields one keyer got wrong, before any check. */
  keyedErrors: number;
  single: ModeOutcome & { flaggedByValidation: number };
  double: ModeOutcome & { differences: number; sameErrorBoth: number };
}

const SIGNERS = ['Lê Đức Tuấn', 'Trần Thị Hoa', 'Phạm Văn Nam'];
const ETHNIC = ['Kinh', 'Kinh', 'Kinh', 'Tày', 'Mường', 'Ba Na'];

/** Register entries of a khai sinh book, as the paper holds them. */
export function truthBook(entries: number, seed: number): Keying[] {
  const generated = generatePairs({ births: entries, seed, onlySohoa: 0, onlyExtract: 0 });
  const rnd = seededRandom(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  return generated.sohoa.map((record) => {
    const birthYear = Number(record.fields.nksNgaySinh?.split('.').pop() ?? 2000);
    return {
      ...record.fields,
      trangSo: String(1 + Math.floor(Number(record.fields.so ?? 1) / 2)),
      loaiDangKy: '1',
      noiDangKy: 'UBND xã Tân Lập',
      nguoiKy: pick(SIGNERS),
      chucVuNguoiKy: 'Chủ tịch',
      nksDanToc: pick(ETHNIC),
      nksQuocTich: 'Việt Nam',
      meNgaySinh: `${1 + Math.floor(rnd() * 28)}.${1 + Math.floor(rnd() * 12)}.${birthYear - 20 - Math.floor(rnd() * 15)}`,
      meDanToc: pick(ETHNIC),
      chaNgaySinh: String(birthYear - 22 - Math.floor(rnd() * 15)),
    };
  });
}

/** One slip on a value, of a kind that fits the field; never the value itself. */
function slip(field: FieldDef, truth: string, rnd: () => number): string {
  const chars = [...truth];
  const at = Math.floor(rnd() * chars.length);
  const kinds: (() => string)[] = [
    // Substitution: a neighbouring digit or another letter.
    () => {
      const c = chars[at] ?? '';
      const replacement = /\d/u.test(c)
        ? String((Number(c) + 1 + Math.floor(rnd() * 8)) % 10)
        : String.fromCharCode(97 + Math.floor(rnd() * 26));
      return [...chars.slice(0, at), replacement, ...chars.slice(at + 1)].join('');
    },
    // Transposition of two neighbours.
    () => {
      const i = Math.min(at, chars.length - 2);
      if (i < 0) return truth;
      const swapped = [...chars];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
      return swapped.join('');
    },
  ];
  if (field.kind === 'personName' || field.kind === 'place') kinds.push(() => stripMarks(truth));
  if (field.kind === 'date') {
    // A wrong date: day and month swapped, or the year off by one.
    kinds.push(() => {
      const parts = truth.split('.');
      if (parts.length === 3) return `${parts[1]}.${parts[0]}.${parts[2]}`;
      return String(Number(parts.at(-1)) + (rnd() < 0.5 ? 1 : -1));
    });
  }
  const normal = normalizeFieldValue(field, truth);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const kind = kinds[Math.floor(rnd() * kinds.length)] as () => string;
    const typed = kind();
    if (normalizeFieldValue(field, typed) !== normal) return typed;
  }
  return `${truth}x`;
}

/** One officer keying every field of an entry from the scan. */
function keyEntry(
  template: RegisterTemplate,
  truth: Keying,
  rate: number,
  rnd: () => number,
): Record<string, string> {
  const keyed: Record<string, string> = {};
  for (const field of template.fields) {
    const value = truth[field.key];
    if (value === undefined) continue;
    keyed[field.key] = rnd() < rate ? slip(field, value, rnd) : value;
  }
  return keyed;
}

function wrongFields(template: RegisterTemplate, truth: Keying, final: Keying): number {
  let wrong = 0;
  for (const field of template.fields) {
    if ((truth[field.key] ?? '') === (final[field.key] ?? '')) continue;
    const expected = normalizeFieldValue(field, truth[field.key] ?? '');
    if (normalizeFieldValue(field, final[field.key] ?? '') !== expected) wrong += 1;
  }
  return wrong;
}

export function simulateKeying(options: KeyingSimulationOptions): KeyingSimulation {
  const template = ksTemplate70;
  const book = truthBook(options.entries, options.seed);
  const rnd = seededRandom(options.seed + 2);
  const rate = options.fieldErrorRate;
  const now = new Date(2026, 11, 1);
  const result: KeyingSimulation = {
    fields: 0,
    keyedErrors: 0,
    single: { residual: 0, perThousandFields: 0, flaggedByValidation: 0 },
    double: { residual: 0, perThousandFields: 0, differences: 0, sameErrorBoth: 0 },
  };
  for (const truth of book) {
    result.fields += template.fields.filter((field) => truth[field.key] !== undefined).length;

    // Single keying: the officer looks again at every field the validation flags.
    const single = keyEntry(template, truth, rate, rnd);
    result.keyedErrors += wrongFields(template, truth, single);
    const { errors, warnings } = validateEntry(template, single, { now });
    const flagged = new Set([...errors, ...warnings].map((issue) => issue.field));
    for (const key of flagged) {
      const field = template.fields.find((candidate) => candidate.key === key);
      const value = truth[key];
      if (!field || value === undefined) continue;
      if (normalizeFieldValue(field, single[key] ?? '') !== normalizeFieldValue(field, value)) {
        result.single.flaggedByValidation += 1;
      }
      single[key] = rnd() < rate ? slip(field, value, rnd) : value;
    }
    result.single.residual += wrongFields(template, truth, single);

    // Double keying: A and B blind, the arbitrator settles what differs from the scan.
    const a = keyEntry(template, truth, rate, rnd);
    const b = keyEntry(template, truth, rate, rnd);
    const differences = compareKeyings(template, a, b);
    result.double.differences += differences.length;
    result.double.sameErrorBoth +=
      wrongFields(template, truth, a) -
      differences.filter(
        (d) => d.a !== normalizeFieldValue(fieldOf(template, d.key), truth[d.key] ?? ''),
      ).length;
    const rulings: Record<string, Ruling> = {};
    for (const difference of differences) {
      const field = fieldOf(template, difference.key);
      const right = normalizeFieldValue(field, truth[difference.key] ?? '');
      if (rnd() < rate) rulings[difference.key] = { kind: 'typed', value: slip(field, right, rnd) };
      else if (difference.a === right) rulings[difference.key] = { kind: 'takeA' };
      else if (difference.b === right) rulings[difference.key] = { kind: 'takeB' };
      else rulings[difference.key] = { kind: 'typed', value: right };
    }
    const settled = arbitrate(template, a, b, rulings);
    result.double.residual += wrongFields(template, truth, settled.fields);
  }
  result.single.perThousandFields = (result.single.residual * 1000) / result.fields;
  result.double.perThousandFields = (result.double.residual * 1000) / result.fields;
  return result;
}

function fieldOf(template: RegisterTemplate, key: string): FieldDef {
  const field = template.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`no field ${key} in ${template.version}`);
  return field;
}
