// Checks the new-book form before anything is written; returns the input or what to fix.
import type { NewBookInput } from '../../db/repositories';
import { defaultTemplateFor } from '../../../shared/registers';
import { versionsOf } from '../../../shared/registers/template-migration';
import type { RegisterTypeCode } from '../../../shared/registers/types';

export interface NewBookForm {
  type: RegisterTypeCode;
  quyenSo: string;
  year: string;
  noiDangKy: string;
  nguoiKy: string;
  chucVuNguoiKy: string;
  nguoiThucHien: string;
  expectedCount: string;
  /** A template version of `type`; '' or another type's version: the type's current one. */
  templateVersion: string;
}

export type NewBookProblem = 'quyenSoFormat' | 'yearRange' | 'expectedCount';

export function checkNewBook(
  form: NewBookForm,
  currentYear = new Date().getFullYear(),
):
  | { ok: true; input: NewBookInput }
  | { ok: false; problems: Partial<Record<keyof NewBookForm, NewBookProblem>> } {
  const problems: Partial<Record<keyof NewBookForm, NewBookProblem>> = {};
  const quyenSo = form.quyenSo.trim();
  if (!/^\d{1,3}\/\d{4}$/.test(quyenSo)) problems.quyenSo = 'quyenSoFormat';
  const year = Number(form.year.trim());
  if (!Number.isInteger(year) || year < 1900 || year > currentYear) problems.year = 'yearRange';
  const expectedText = form.expectedCount.trim();
  const expected = expectedText === '' ? null : Number(expectedText);
  if (expected !== null && (!Number.isInteger(expected) || expected < 0)) {
    problems.expectedCount = 'expectedCount';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const [number = '', bookYear = ''] = quyenSo.split('/');
  return {
    ok: true,
    input: {
      type: form.type,
      templateVersion: versionsOf(form.type).some((t) => t.version === form.templateVersion)
        ? form.templateVersion
        : defaultTemplateFor(form.type).version,
      quyenSo: `${number.padStart(2, '0')}/${bookYear}`,
      year,
      noiDangKy: form.noiDangKy.trim().normalize('NFC'),
      nguoiKy: form.nguoiKy.trim().normalize('NFC'),
      chucVuNguoiKy: form.chucVuNguoiKy.trim().normalize('NFC'),
      nguoiThucHien: form.nguoiThucHien.trim().normalize('NFC'),
      expectedCount: expected,
    },
  };
}
