// The generated khai sinh book both export benchmarks use: `entries` distinct, valid entries
// spread evenly over a `pages`-page scan (two or three to a page, as in a real book).

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Ngọc'];

/** Distinct children: the same name, birth date and parents would be held as duplicates. */
function personName(i: number): string {
  const pick = (list: string[], n: number) => list[n % list.length] ?? '';
  return `${pick(FAMILY, i)} ${pick(MIDDLE, Math.floor(i / 10))} ${pick(GIVEN, Math.floor(i / 60))}`;
}

/** Số 1000 is over the 3 digits the Ministry's importer takes: the officer confirmed it. */
export function entryAcknowledgements(
  fields: Record<string, string>,
  at: number,
): { field: string; rule: 'soOver999'; reason: string; at: number }[] {
  return Number(fields.so) > 999
    ? [{ field: 'so', rule: 'soOver999', reason: 'Sổ ghi như vậy', at }]
    : [];
}

/** The scan page (0-based) entry `i` is on. */
export function pageOfEntry(i: number, pages: number, entries: number): number {
  return Math.floor((i * pages) / entries);
}

export function entryFields(i: number, pages: number, entries: number): Record<string, string> {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    so: String(i + 1),
    quyenSo: '01/2008',
    trangSo: String(pageOfEntry(i, pages, entries) + 1),
    ngayDangKy: `${day}.${month}.2008`,
    loaiDangKy: '1',
    noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
    nguoiKy: 'Lê Đức Tuấn',
    chucVuNguoiKy: 'Chủ tịch UBND xã',
    nguoiThucHien: 'Nguyễn Văn Sơn',
    nksHoTen: personName(i),
    nksGioiTinh: '1',
    nksNgaySinh: '01.12.2007',
    nksDanToc: 'Kinh',
    nksQuocTich: 'Việt Nam',
    meHoTen: `Trần Thị ${GIVEN[i % GIVEN.length] ?? ''}`,
    chaHoTen: `Nguyễn Văn ${GIVEN[Math.floor(i / 7) % GIVEN.length] ?? ''}`,
  };
}

/**
 * Pages the app prepared, read out of its IndexedDB for the Node run of the same export: the
 * first `distinct` pages of the scan, whose images the others repeat.
 */
export interface PreparedFixture {
  distinct: number;
  targetBytesPerPage: number;
  pages: {
    indexInScan: number;
    result:
      | {
          kind: 'reencoded';
          jpegBase64: string;
          legibility: number;
          isOverTarget: boolean;
          source: { width: number; height: number; bytes: number };
        }
      | {
          kind: 'kept';
          isOverTarget: boolean;
          source: { width: number; height: number; bytes: number };
        };
  }[];
}
