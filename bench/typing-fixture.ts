// A scripted khai sinh book as officers meet it: registration dates in runs, most children
// born at the commune health station, parents living in the commune's hamlets.
export type Entry = Record<string, string>;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const BOYS = ['An', 'Bảo', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khang', 'Minh', 'Phúc'];
const GIRLS = ['Anh', 'Bích', 'Chi', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Lan', 'Mai', 'Ngọc'];
const HAMLETS = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn Đồng Tâm', 'Thôn Phú Lộc'];
const COMMUNE = 'xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng';

const pad = (n: number) => String(n).padStart(2, '0');

export function typingFixture(count = 50): Entry[] {
  const entries: Entry[] = [];
  let day = 3;
  let month = 1;
  for (let i = 0; i < count; i++) {
    // A new registration day every 3 entries, a new page every 2.
    if (i > 0 && i % 3 === 0) {
      day += 2;
      if (day > 27) {
        day = 3;
        month += 1;
      }
    }
    const family = FAMILY[(i * 7) % FAMILY.length] ?? 'Nguyễn';
    const isBoy = i % 2 === 0;
    const given = (isBoy ? BOYS : GIRLS)[(i * 3) % 10] ?? 'An';
    const motherFamily = FAMILY[(i * 3 + 1) % FAMILY.length] ?? 'Trần';
    const hamlet = `${HAMLETS[i % HAMLETS.length] ?? 'Thôn 1'}, ${COMMUNE}`;
    const father = `${family} Văn ${BOYS[(i + 4) % 10] ?? 'An'}`;
    const mother = `${motherFamily} Thị ${GIRLS[(i + 2) % 10] ?? 'Lan'}`;
    const birthDay = Math.max(1, day - 1 - (i % 5));
    entries.push({
      trangSo: String(Math.floor(i / 2) + 1),
      ngayDangKy: `${pad(day)}.${pad(month)}.2008`,
      loaiDangKy: i % 10 === 9 ? '4' : '1',
      ghiChu: '',
      nksHoTen: `${family} ${isBoy ? 'Văn' : 'Thị'} ${given}`,
      nksGioiTinh: isBoy ? '1' : '2',
      nksNgaySinh: `${pad(birthDay)}.${pad(month)}.2008`,
      nksNgaySinhBangChu: '',
      nksNoiSinh: i % 6 === 5 ? 'Bệnh viện huyện Đạ Tẻh' : 'Trạm y tế xã An Nhơn',
      nksQueQuan: COMMUNE,
      nksDanToc: i % 8 === 7 ? 'Mạ' : 'Kinh',
      nksQuocTich: 'Việt Nam',
      meHoTen: mother,
      meNgaySinh: String(1980 + (i % 9)),
      meDanToc: i % 8 === 7 ? 'Mạ' : 'Kinh',
      meQuocTich: 'Việt Nam',
      meNoiCuTru: hamlet,
      chaHoTen: father,
      chaNgaySinh: String(1976 + (i % 11)),
      chaDanToc: 'Kinh',
      chaQuocTich: 'Việt Nam',
      chaNoiCuTru: hamlet,
      nycHoTen: i % 3 === 0 ? mother : father,
      nycQuanHe: i % 3 === 0 ? 'Mẹ' : 'Cha',
    });
  }
  return entries;
}
