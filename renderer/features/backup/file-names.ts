// Names of the files the officer keeps: readable, sortable by time, safe on Windows and USB
// sticks (no ':' or '/'), and matched by the desktop shell's rotation of automatic backups.
const pad = (n: number) => String(n).padStart(2, '0');

/** 20261121-0705: local time, minutes, sorts as it reads. */
export function stamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
}

export function backupFileName(at: Date): string {
  return `sohoa-sao-luu-${stamp(at)}.sohoa`;
}

export function workPackageFileName(book: { type: string; quyenSo: string }, at: Date): string {
  const quyen = book.quyenSo.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '') || 'so';
  return `goi-${book.type}-${quyen}-${stamp(at)}.sohoa`;
}

export const SOHOA_FILE_ACCEPT = '.sohoa,application/octet-stream';
