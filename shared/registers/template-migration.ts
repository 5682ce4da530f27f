// Moving a book from one template version of its register to another. Fields are matched by
// key (the Ministry's column name), so a column that exists in both versions keeps its value;
// a column only the old version has is dropped, and dropping a typed value needs consent.
import { templates } from './index';
import type { RegisterTemplate, RegisterTypeCode } from './types';

/** Every template version a book of this register type can use, the current one first. */
export function versionsOf(type: RegisterTypeCode): RegisterTemplate[] {
  return templates.filter((template) => template.type === type);
}

/** The other versions a book on `from` can move to: the same register type, nothing else. */
export function migrationTargets(from: RegisterTemplate): RegisterTemplate[] {
  return templates.filter(
    (template) => template.type === from.type && template.version !== from.version,
  );
}

export interface DroppedField {
  key: string;
  /** Entries that hold something in this field, which the move would lose. */
  entriesWithData: number;
}

export interface MigrationPlan {
  from: string;
  to: string;
  /** Keys present in both versions: values carried over unchanged. */
  mapped: string[];
  /** Keys only the old version has, with how many entries hold data there. */
  dropped: DroppedField[];
  /** Keys only the new version has: empty in every moved entry. */
  added: string[];
  /** Whether any entry would lose a typed value: the move then needs the officer's consent. */
  losesData: boolean;
}

const hasValue = (value: string | undefined): boolean => (value ?? '').trim() !== '';

/** What moving these entries from one version to another keeps, loses and adds. */
export function planTemplateMigration(
  from: RegisterTemplate,
  to: RegisterTemplate,
  entries: readonly { fields: Readonly<Record<string, string>> }[],
): MigrationPlan {
  if (from.type !== to.type) {
    throw new Error(`Cannot move a ${from.type} book to a ${to.type} template (${to.version})`);
  }
  const toKeys = new Set(to.fields.map((field) => field.key));
  const fromKeys = new Set(from.fields.map((field) => field.key));
  const dropped = from.fields
    .filter((field) => !toKeys.has(field.key))
    .map((field) => ({
      key: field.key,
      entriesWithData: entries.filter((entry) => hasValue(entry.fields[field.key])).length,
    }));
  return {
    from: from.version,
    to: to.version,
    mapped: to.fields.filter((field) => fromKeys.has(field.key)).map((field) => field.key),
    dropped,
    added: to.fields.filter((field) => !fromKeys.has(field.key)).map((field) => field.key),
    losesData: dropped.some((field) => field.entriesWithData > 0),
  };
}

/**
 * An entry's fields as the new version holds them: every field of `to`, in its order, with the
 * old value where the key is shared and '' where it is new. Keys `to` lacks are left behind.
 */
export function migrateFields(
  to: RegisterTemplate,
  fields: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(to.fields.map((field) => [field.key, fields[field.key] ?? '']));
}

/** The keys of `fields` whose non-empty value the move to `to` would lose. */
export function lostFields(
  to: RegisterTemplate,
  fields: Readonly<Record<string, string>>,
): string[] {
  const toKeys = new Set(to.fields.map((field) => field.key));
  return Object.keys(fields).filter((key) => !toKeys.has(key) && hasValue(fields[key]));
}
