import { describe, expect, it } from 'vitest';
import { safeFileNameSchema } from '../../../shared/bridge';
import { backupFileName, workPackageFileName } from './file-names';

describe('file names', () => {
  const at = new Date(2026, 10, 21, 7, 5);

  it('names backups by local date and time, so they sort in the folder as they were made', () => {
    expect(backupFileName(at)).toBe('sohoa-sao-luu-20261121-0705.sohoa');
    expect(backupFileName(new Date(2026, 10, 21, 17, 0)) > backupFileName(at)).toBe(true);
  });

  it('names a work package after its book, with nothing Windows refuses', () => {
    const name = workPackageFileName({ type: 'KS', quyenSo: '01/2008' }, at);
    expect(name).toBe('goi-KS-01-2008-20261121-0705.sohoa');
    expect(safeFileNameSchema.safeParse(name).success).toBe(true);
    expect(workPackageFileName({ type: 'KT', quyenSo: '' }, at)).toBe(
      'goi-KT-so-20261121-0705.sohoa',
    );
  });
});
