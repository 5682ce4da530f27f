// Every register template the app knows, by version. Entries store their template version,
// so old versions stay here as long as any entry may use them.
import type { FieldDef, RegisterTemplate, RegisterTypeCode } from './types';
import { cmcTemplate } from './cmc';
import { hnTemplate } from './hn';
import { khTemplate } from './kh';
import { ksTemplate60, ksTemplate70 } from './ks';
import { ktTemplate } from './kt';
import { gclhTemplate, ghTemplate, ncnTemplate, tdhtTemplate, xddtTemplate } from './other-books';

export { getCodeList, matchCode, searchCodeList, writtenValue } from './code-lists';

// New books of each type open on the first template listed for it here.
const currentTemplates: readonly RegisterTemplate[] = [
  ksTemplate70,
  ktTemplate,
  khTemplate,
  hnTemplate,
  cmcTemplate,
  tdhtTemplate,
  xddtTemplate,
  ghTemplate,
  ncnTemplate,
  gclhTemplate,
];

export const templates: readonly RegisterTemplate[] = [...currentTemplates, ksTemplate60];

export interface RegisterTypeInfo {
  type: RegisterTypeCode;
  /** Vietnamese name of the register. */
  name: string;
  /** Template version new books of this type use. */
  defaultVersion: string;
  /** Whether the Ministry's importer takes this register yet; the others are kept for later. */
  importable: boolean;
}

/** Register types a book can be opened for, in the order the app offers them. */
export const registerTypes: readonly RegisterTypeInfo[] = currentTemplates.map((template) => ({
  type: template.type,
  name: template.name,
  defaultVersion: template.version,
  importable: template.importable,
}));

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
