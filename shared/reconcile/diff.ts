// Which fields of a linked pair say different things, compared the way the register reads them:
// dates by their value, numbers without padding, text without case or extra spaces.
import { formatDate } from '../text/dates';
import { collapseSpaces } from '../text/vietnamese';
import { parseDate, plainNumber } from './prepare';

function canonical(key: string, value: string): string {
  if (/ngay/iu.test(key) && !/BangChu$/u.test(key)) {
    const date = parseDate(value);
    if (date) return formatDate(date);
  }
  if (key === 'so' || key === 'quyenSo' || key === 'trangSo') return plainNumber(value);
  return collapseSpaces(value.normalize('NFC')).toLowerCase();
}

/** Keys filled on both sides whose values differ, in the order of `keys`. */
export function differingFields(
  keys: readonly string[],
  a: Record<string, string>,
  b: Record<string, string>,
): string[] {
  return keys.filter((key) => {
    const x = a[key]?.trim() ?? '';
    const y = b[key]?.trim() ?? '';
    return x !== '' && y !== '' && canonical(key, x) !== canonical(key, y);
  });
}
