// What the reviewer reads beside the scan: the entry's fields grouped as in the form, shown as
// the officer sees them (code lists by name). Empty folded fields are left out: nothing to check.
import { getCodeList } from '../../../shared/registers/code-lists';
import type { FieldDef, FieldGroup, RegisterTemplate } from '../../../shared/registers/types';

export interface ShownField {
  field: FieldDef;
  value: string;
}

export function displayValue(field: FieldDef, value: string): string {
  if (field.kind !== 'code' || !field.codeListId || value === '') return value;
  const list = getCodeList(field.codeListId);
  const item = list.items.find((candidate) => candidate.code === value);
  return item && list.writes === 'code' ? `${item.code} – ${item.label}` : value;
}

export function reviewGroups(
  template: RegisterTemplate,
  fields: Record<string, string>,
): [FieldGroup, ShownField[]][] {
  const groups = new Map<FieldGroup, ShownField[]>();
  for (const field of template.fields) {
    const value = fields[field.key] ?? '';
    if (field.generated || (!field.shownByDefault && value === '')) continue;
    groups.set(field.group, [...(groups.get(field.group) ?? []), { field, value }]);
  }
  return [...groups.entries()];
}
