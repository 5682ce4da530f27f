// The khai sinh book the import benchmark reads and writes: distinct entries, every shown
// field filled, as a team's sheet would hold them.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng'];
const PLACES = ['Xã An Nhơn', 'Xã Đắk Ơ', 'Thị trấn Đạ Tẻh', 'Xã Quảng Trị', 'Phường 1'];

const pick = (list: readonly string[], n: number) => list[n % list.length] ?? '';
const pad2 = (n: number) => String(n).padStart(2, '0');

export function importBenchEntries(count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(FAMILY, i)} ${pick(MIDDLE, Math.floor(i / 10))} ${pick(GIVEN, Math.floor(i / 60))}`;
    const date = `${pad2((i % 28) + 1)}.${pad2((Math.floor(i / 28) % 12) + 1)}.2008`;
    return {
      so: String(i + 1),
      quyenSo: '01/2008',
      trangSo: String(Math.floor(i / 2) + 1),
      ngayDangKy: date,
      loaiDangKy: '1',
      noiDangKy: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng',
      nguoiKy: 'Lê Đức Tuấn',
      chucVuNguoiKy: 'Chủ tịch UBND xã',
      nguoiThucHien: 'Nguyễn Văn Sơn',
      nksHoTen: name,
      nksGioiTinh: String((i % 2) + 1),
      nksNgaySinh: `${pad2((i % 27) + 1)}.01.2008`,
      nksNoiSinh: `Trạm y tế ${pick(PLACES, i)}`,
      nksQueQuan: pick(PLACES, i + 1),
      nksDanToc: 'Kinh',
      nksQuocTich: 'Việt Nam',
      meHoTen: `Trần Thị ${pick(GIVEN, i)}`,
      meNgaySinh: '1985',
      meDanToc: 'Kinh',
      meQuocTich: 'Việt Nam',
      meNoiCuTru: pick(PLACES, i + 2),
      chaHoTen: `${pick(FAMILY, i)} Văn ${pick(GIVEN, i + 3)}`,
      chaNgaySinh: '1982',
      chaDanToc: 'Kinh',
      chaQuocTich: 'Việt Nam',
      chaNoiCuTru: pick(PLACES, i + 2),
      nycHoTen: `${pick(FAMILY, i)} Văn ${pick(GIVEN, i + 3)}`,
      nycQuanHe: 'Cha',
    };
  });
}
