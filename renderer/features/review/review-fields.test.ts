import { describe, expect, it } from 'vitest';
import { defaultTemplateFor } from '../../../shared/registers';
import { reviewGroups } from './review-fields';

describe('reviewGroups', () => {
  const template = defaultTemplateFor('KS');

  it('shows the form’s fields in its groups and folded fields only when they hold something', () => {
    const folded = template.fields.find((field) => !field.shownByDefault && !field.generated);
    expect(folded).toBeDefined();
    const empty = reviewGroups(template, {}).flatMap(([, fields]) => fields);
    expect(empty.some((shown) => shown.field.key === folded!.key)).toBe(false);
    expect(empty.some((shown) => shown.field.generated)).toBe(false);
    const filled = reviewGroups(template, { [folded!.key]: 'x' }).flatMap(([, f]) => f);
    expect(filled.find((shown) => shown.field.key === folded!.key)?.value).toBe('x');
  });
});
