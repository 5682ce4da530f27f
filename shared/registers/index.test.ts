import { describe, expect, it } from 'vitest';
import type { RegisterTypeCode } from './types';
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
    expect(templates.map((t) => t.version)).toEqual([
      'ks-70',
      'kt-48',
      'kh-44',
      'hn-35',
      'cmc-50',
      'tdht-1',
      'xddt-1',
      'gh-1',
      'ncn-1',
      'gclh-1',
      'ks-60',
    ]);
  });

  it('finds a template by version and explains an unknown one', () => {
    expect(getTemplate('ks-60').fields).toHaveLength(60);
    expect(getTemplate('kt-48').fields).toHaveLength(48);
    expect(() => getTemplate('ks-99')).toThrow(
      'Unknown register template version "ks-99" (known: ks-70, kt-48, kh-44, hn-35, cmc-50, ' +
        'tdht-1, xddt-1, gh-1, ncn-1, gclh-1, ks-60)',
    );
  });

  it('offers the ten register types in book order, the five importable ones first', () => {
    expect(registerTypes).toEqual([
      { type: 'KS', name: 'Khai sinh', defaultVersion: 'ks-70', importable: true },
      { type: 'KT', name: 'Khai tử', defaultVersion: 'kt-48', importable: true },
      { type: 'KH', name: 'Kết hôn', defaultVersion: 'kh-44', importable: true },
      {
        type: 'HN',
        name: 'Xác nhận tình trạng hôn nhân',
        defaultVersion: 'hn-35',
        importable: true,
      },
      { type: 'CMC', name: 'Nhận cha, mẹ, con', defaultVersion: 'cmc-50', importable: true },
      {
        type: 'TDHT',
        name: 'Thay đổi, cải chính, bổ sung hộ tịch',
        defaultVersion: 'tdht-1',
        importable: false,
      },
      { type: 'XDDT', name: 'Xác định lại dân tộc', defaultVersion: 'xddt-1', importable: false },
      { type: 'GH', name: 'Giám hộ', defaultVersion: 'gh-1', importable: false },
      { type: 'NCN', name: 'Nuôi con nuôi', defaultVersion: 'ncn-1', importable: false },
      { type: 'GCLH', name: 'Ghi chú ly hôn', defaultVersion: 'gclh-1', importable: false },
    ]);
  });

  it('opens each register type on a template of its own type, name and importability', () => {
    for (const info of registerTypes) {
      const template = defaultTemplateFor(info.type);
      expect(template.version).toBe(info.defaultVersion);
      expect(template).toMatchObject({
        type: info.type,
        name: info.name,
        importable: info.importable,
      });
    }
    expect(defaultTemplateFor('KS').version).toBe('ks-70');
  });

  it('explains a register type it has no template for (a book from a newer app)', () => {
    expect(() => defaultTemplateFor('XX' as RegisterTypeCode)).toThrow(
      'No register template for type "XX" yet',
    );
  });

  it('finds a field by key', () => {
    const template = getTemplate('ks-70');
    expect(fieldByKey(template, 'loaiDangKy')?.header).toBe('loaiDangKy \ni=[1,2,3,4,5,6]');
    expect(fieldByKey(template, 'nope')).toBeUndefined();
    expect(fieldByKey(getTemplate('ks-60'), 'STT')).toBeUndefined();
    expect(fieldByKey(getTemplate('hn-35'), 'noiCap')?.bookDefault).toBe('noiDangKy');
  });

  it('re-exports the code-list helpers for the UI', () => {
    expect(getCodeList('gioiTinh').items).toHaveLength(3);
  });
});

// What every template must hold, whatever its type: the form, validation and export rely on it.
describe.each(templates.map((template) => [template.version, template] as const))(
  'template %s',
  (_version, template) => {
    const field = (key: string) => template.fields.find((f) => f.key === key);
    const kindOf = (key: string) => field(key)?.kind;

    it('has unique keys and unique, non-empty labels', () => {
      const keys = template.fields.map((f) => f.key);
      const labels = template.fields.map((f) => f.label);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) {
        expect(label.trim()).not.toBe('');
        expect(label).toBe(label.normalize('NFC'));
      }
    });

    it('links every code column, and only those, to an existing code list', () => {
      for (const f of template.fields) {
        if (f.kind === 'code') expect(() => getCodeList(f.codeListId ?? '')).not.toThrow();
        else expect(f.codeListId, f.key).toBeUndefined();
      }
    });

    it('labels the registration fields the same in every register', () => {
      const labels = Object.fromEntries(template.fields.map((f) => [f.key, f.label]));
      expect(labels).toMatchObject({
        so: 'Số',
        quyenSo: 'Quyển số',
        ngayDangKy: 'Ngày đăng ký',
        nguoiKy: 'Người ký',
        chucVuNguoiKy: 'Chức vụ người ký',
        nguoiThucHien: 'Người thực hiện',
      });
    });

    it('requires the registration and the main name, filling the rest from the book', () => {
      for (const key of ['so', 'quyenSo', 'ngayDangKy', template.mainNameField]) {
        expect(field(key)?.required, key).toBe(true);
      }
      expect(kindOf(template.mainNameField)).toBe('personName');
      const fromBook = template.fields.filter((f) => f.bookDefault).map((f) => f.key);
      expect(fromBook).toEqual([
        'quyenSo',
        template.type === 'HN' ? 'noiCap' : 'noiDangKy',
        'nguoiKy',
        'chucVuNguoiKy',
        'nguoiThucHien',
      ]);
      for (const key of fromBook) expect(field(key), key).toMatchObject({ required: true });
      for (const f of template.fields) if (f.required) expect(f.shownByDefault, f.key).toBe(true);
    });

    it('derives words only from date columns', () => {
      for (const f of template.fields.filter((f) => f.wordsOf)) {
        expect(kindOf(f.wordsOf ?? ''), f.key).toBe('date');
      }
    });

    it('names only its own columns, of the right kind, in its checks', () => {
      const checks = template.checks ?? {};
      expect(checks.dateOrder?.length).toBeGreaterThan(0);
      for (const { earlier, later } of checks.dateOrder ?? []) {
        expect([kindOf(earlier), kindOf(later)], `${earlier} ≤ ${later}`).toEqual(['date', 'date']);
      }
      for (const { birth, at } of checks.minAge ?? []) {
        expect([kindOf(birth), kindOf(at)]).toEqual(['date', 'date']);
      }
      expect(checks.duplicateKey).toContain(template.mainNameField);
      for (const key of checks.duplicateKey ?? []) expect(field(key), key).toBeDefined();
      for (const { typeField, numberField } of checks.idDocuments ?? []) {
        expect(field(typeField)?.codeListId, typeField).toBe('loaiGiayTo');
        expect(kindOf(numberField), numberField).toBe('idNumber');
      }
      const idTypes = template.fields.filter((f) => f.key.endsWith('LoaiGiayToTuyThan'));
      expect(checks.idDocuments?.map((pair) => pair.typeField)).toEqual(idTypes.map((f) => f.key));
      for (const key of checks.personalIds ?? []) expect(kindOf(key), key).toBe('idNumber');
    });

    it('is written to the sheets of the Ministry workbook', () => {
      expect(template).toMatchObject({ sheetName: 'DL Import', notesSheetName: 'Ghi chu' });
    });
  },
);
