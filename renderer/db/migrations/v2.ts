// Schema v2's upgrade: entries typed under v1 get the folded main name as an index, and an empty
// list of confirmed warnings. It keeps its own copy of the folding and of each template's main
// name field as they were when v2 shipped, so a later change to live code cannot change it.
import type { Transaction } from 'dexie';

/** The field holding the entry's main person, per template version, as of v2. */
const mainNameField: Readonly<Record<string, string>> = {
  'ks-70': 'nksHoTen',
  'ks-60': 'nksHoTen',
  'kt-48': 'nktHoTen',
  'kh-44': 'chongHoTen',
  'hn-35': 'nxnHoTen',
  'cmc-50': 'cmHoTen',
  'tdht-1': 'ntdHoTen',
  'xddt-1': 'ntdHoTen',
  'gh-1': 'ntdHoTen',
  'ncn-1': 'ntdHoTen',
  'gclh-1': 'ntdHoTen',
};

/** "Nguyễn  Văn Đức" → "nguyen van duc": spaces collapsed, marks dropped, đ → d, lower case. */
export function foldedNameV2(templateVersion: string, fields: Record<string, string>): string {
  const field = mainNameField[templateVersion];
  if (field === undefined) throw new Error(`Unknown register template: ${templateVersion}`);
  return (fields[field] ?? '')
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .normalize('NFC')
    .toLowerCase();
}

/** An entry as v1 stored it, with what v2 adds. */
interface RecordV2 {
  templateVersion: string;
  fields: Record<string, string>;
  nameKey?: string;
  acknowledgements?: unknown[];
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<RecordV2>('records')
    .toCollection()
    .modify((record) => {
      record.nameKey = foldedNameV2(record.templateVersion, record.fields);
      record.acknowledgements ??= [];
    });
}
