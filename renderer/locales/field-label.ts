// A field's name in the officer's language. `fieldLabels.<key>` words a column the same in every
// register; the few columns whose Vietnamese label depends on the register ("người đi khai" in
// a birth or death book, "người yêu cầu" elsewhere) have a variant per register type,
// `fieldLabels.<key>_<TYPE>`, which i18next picks through its `context` option.
import { templates } from '../../shared/registers';

/** The Vietnamese label a key has in the first template listing it: its variant needs no context. */
const firstLabel = new Map<string, string>();
/** key → label → register type, for the labels that differ from the first. */
const contexts = new Map<string, Map<string, string>>();
for (const template of templates) {
  for (const field of template.fields) {
    const first = firstLabel.get(field.key);
    if (first === undefined) firstLabel.set(field.key, field.label);
    else if (first !== field.label) {
      const byLabel = contexts.get(field.key) ?? new Map<string, string>();
      if (!byLabel.has(field.label)) byLabel.set(field.label, template.type);
      contexts.set(field.key, byLabel);
    }
  }
}

export interface LabelledField {
  key: string;
  /** The template's Vietnamese label: tells the register-specific variant apart. */
  label: string;
}

/** The locale key and context for a field, as `t` takes them. */
export function fieldLabelLookup(field: LabelledField): { key: string; context?: string } {
  const context = contexts.get(field.key)?.get(field.label);
  return context === undefined
    ? { key: `fieldLabels.${field.key}` }
    : { key: `fieldLabels.${field.key}`, context };
}

type Translate = (key: string, options: { context?: string; defaultValue: string }) => string;

/** The field's name in the current language; the template's label if a locale lacks it. */
export function fieldLabel(t: Translate, field: LabelledField): string {
  const { key, context } = fieldLabelLookup(field);
  return context === undefined
    ? t(key, { defaultValue: field.label })
    : t(key, { context, defaultValue: field.label });
}
