// Every register template the app knows, by version. Entries store their template version,
// so old versions stay here as long as any entry may use them.
import type { FieldDef, RegisterTemplate, RegisterTypeCode } from './types';
import { ksTemplate60, ksTemplate70 } from './ks';

export { getCodeList, matchCode, searchCodeList, writtenValue } from './code-lists';

export const templates: readonly RegisterTemplate[] = [ksTemplate70, ksTemplate60];

export interface RegisterTypeInfo {
  type: RegisterTypeCode;
  /** Vietnamese name of the register. */
  name: string;
  /** Template version new books of this type use. */
  defaultVersion: string;
}

/** Register types a book can be opened for; more are added with their templates. */
export const registerTypes: readonly RegisterTypeInfo[] = [
  { type: 'KS', name: 'Khai sinh', defaultVersion: ksTemplate70.version },
];

export function getTemplate(version: string): RegisterTemplate {
  const template = templates.find((t) => t.version === version);
  if (!template) {
    const known = templates.map((t) => t.version).join(', ');
    throw new Error(`Unknown register template version "${version}" (known: ${known})`);
  }
  return template;
}

export function defaultTemplateFor(type: RegisterTypeCode): RegisterTemplate {
  const info = registerTypes.find((t) => t.type === type);
  if (!info) throw new Error(`No register template for type "${type}" yet`);
  return getTemplate(info.defaultVersion);
}

export function fieldByKey(template: RegisterTemplate, key: string): FieldDef | undefined {
  return template.fields.find((field) => field.key === key);
}
