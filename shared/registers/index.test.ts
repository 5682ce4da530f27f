import { describe, expect, it } from 'vitest';
import {
  defaultTemplateFor,
  fieldByKey,
  getCodeList,
  getTemplate,
  registerTypes,
  templates,
} from './index';

describe('register index', () => {
  it('lists every template version once', () => {
    expect(templates.map((t) => t.version)).toEqual(['ks-70', 'ks-60']);
  });

  it('finds a template by version and explains an unknown one', () => {
    expect(getTemplate('ks-60').fields).toHaveLength(60);
    expect(() => getTemplate('ks-99')).toThrow(
      'Unknown register template version "ks-99" (known: ks-70, ks-60)',
    );
  });

  it('opens new khai sinh books on the 70-column template', () => {
    expect(registerTypes).toEqual([{ type: 'KS', name: 'Khai sinh', defaultVersion: 'ks-70' }]);
    expect(defaultTemplateFor('KS').version).toBe('ks-70');
    expect(() => defaultTemplateFor('KT')).toThrow('No register template for type "KT" yet');
  });

  it('every register type has a template of its own type', () => {
    for (const info of registerTypes) expect(defaultTemplateFor(info.type).type).toBe(info.type);
  });

  it('finds a field by key', () => {
    const template = getTemplate('ks-70');
    expect(fieldByKey(template, 'loaiDangKy')?.header).toBe('loaiDangKy \ni=[1,2,3,4,5,6]');
    expect(fieldByKey(template, 'nope')).toBeUndefined();
    expect(fieldByKey(getTemplate('ks-60'), 'STT')).toBeUndefined();
  });

  it('re-exports the code-list helpers for the UI', () => {
    expect(getCodeList('gioiTinh').items).toHaveLength(3);
  });
});
