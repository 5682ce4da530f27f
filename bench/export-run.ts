// Child process of `npm run bench`: exports a generated khai sinh book from the scan at
// argv[2] and prints its time and peak memory as JSON.
import { readFile } from 'node:fs/promises';
import { buildBundle } from '../renderer/workers/export-core';
import type { ExportRequest } from '../renderer/workers/export-protocol';

const MiB = 2 ** 20;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Ngọc'];

/** Distinct children: the same name, birth date and parents would be held as duplicates. */
function personName(i: number): string {
  const pick = (list: string[], n: number) => list[n % list.length] ?? '';
  return `${pick(FAMILY, i)} ${pick(MIDDLE, Math.floor(i / 10))} ${pick(GIVEN, Math.floor(i / 60))}`;
}

function request(scan: Buffer, pages: number): ExportRequest {
  const day = (i: number) => String((i % 28) + 1).padStart(2, '0');
  const month = (i: number) => String((i % 12) + 1).padStart(2, '0');
  return {
    book: { type: 'KS', year: 2008, quyenSo: '01/2008', templateVersion: 'ks-70' },
    scans: [{ id: 'scan-1', data: new Blob([new Uint8Array(scan)]) }],
    entries: Array.from({ length: pages }, (_, i) => ({
      id: `e${i + 1}`,
      pages: [{ scanId: 'scan-1', indexInScan: i }],
      acknowledgements: [],
      fields: {
        so: String(i + 1),
        quyenSo: '01/2008',
        trangSo: String(i + 1),
        ngayDangKy: `${day(i)}.${month(i)}.2008`,
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
        meHoTen: 'Trần Thị Bình',
        chaHoTen: 'Nguyễn Văn Cường',
      },
    })),
  };
}

async function main(): Promise<void> {
  const [scanPath, pagesArg] = process.argv.slice(2);
  if (!scanPath || !pagesArg) throw new Error('usage: export-run.ts <scan.pdf> <pages>');
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  const scan = await readFile(scanPath);
  const result = await buildBundle(request(scan, Number(pagesArg)));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
  process.stdout.write(
    JSON.stringify({
      seconds,
      peakRssMiB: peak / MiB,
      baselineRssMiB: baseline / MiB,
      zipBytes: result.bundle.zip.data.byteLength,
      xlsxBytes: result.bundle.xlsx.data.byteLength,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
