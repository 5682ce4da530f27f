import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/registers';
import { sampleBook } from '../../db/sample-data';
import type { Book } from '../../db/types';
import { secondKeyingStart } from './second-keying-start';

const book = { ...sampleBook, id: 'b1', createdAt: 1, updatedAt: 1 } as Book;
const template = getTemplate(book.templateVersion);

describe('a second keying', () => {
  it("starts from the book's defaults only, with no number before the officer's own first", () => {
    const start = secondKeyingStart(book, template, undefined);
    expect(start).toMatchObject({ noiDangKy: 'UBND xã An Nhơn', nguoiKy: 'Lê Đức Tuấn' });
    expect(start.so).toBeUndefined();
    expect(start.nksHoTen).toBeUndefined();
  });

  it("numbers after the officer's own previous keying", () => {
    expect(secondKeyingStart(book, template, { fields: { so: '7' } }).so).toBe('8');
  });
});
