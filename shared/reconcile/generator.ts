// Realistic khai sinh pairs with known truth, for tests and the bench: families with several
// children (near misses), twins, and the slips two typists make: diacritics dropped, a letter
// swapped or lost, day and month swapped, a partial date, a mother under another family name.
import { formatDate, type PartialDate } from '../text/dates';
import { stripMarks } from '../text/vietnamese';
import type { LinkRecord } from './prepare';
import { seededRandom } from '../seeded-random';

const FAMILIES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Gia', 'Anh'];
const MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thanh', 'Hồng', 'Thu', 'Kim', 'Mỹ', 'Bích', 'Phương'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Huy',
  'Khánh',
  'Kiên',
  'Long',
  'Minh',
  'Nam',
  'Phong',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thịnh',
  'Tiến',
  'Toàn',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Bảo',
];
const GIVEN_F = [
  'Anh',
  'Châu',
  'Giang',
  'Hà',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Ly',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thủy',
  'Trang',
  'Uyên',
  'Vân',
  'Yến',
  'Hằng',
  'Diệp',
  'Huyền',
  'Tuyết',
];
const PLACES = [
  'Trạm y tế xã Tân Lập',
  'Bệnh viện huyện Đông Anh',
  'Xã Tân Lập, huyện Đông Anh, Hà Nội',
  'Bệnh viện Phụ sản Hà Nội',
  'Thôn Đoài, xã Tân Lập',
  'Xã Vân Hà, huyện Đông Anh, Hà Nội',
];

export interface NoiseRates {
  noDiacritics: number;
  nameSlip: number;
  swappedDayMonth: number;
  partialDate: number;
  mothersOtherFamily: number;
  paddedNumber: number;
  missingSex: number;
}

export const defaultNoise: NoiseRates = {
  noDiacritics: 0.3,
  nameSlip: 0.08,
  swappedDayMonth: 0.03,
  partialDate: 0.04,
  mothersOtherFamily: 0.04,
  paddedNumber: 0.3,
  missingSex: 0.05,
};

export interface GeneratorOptions {
  /** Children registered (before the extract and SoHoa each drop some). */
  births: number;
  seed?: number;
  onlySohoa?: number;
  onlyExtract?: number;
  twins?: number;
  noise?: Partial<NoiseRates>;
}

export interface GeneratedPairs {
  sohoa: LinkRecord[];
  extract: LinkRecord[];
  /** sohoaId → extractId for entries about the same registration. */
  truth: Map<string, string>;
  twinIds: Set<string>;
}

interface Child {
  fields: Record<string, string>;
  isTwin: boolean;
}

export function generatePairs(options: GeneratorOptions): GeneratedPairs {
  const rnd = seededRandom(options.seed ?? 17);
  const noise = { ...defaultNoise, ...options.noise };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number) => rnd() < p;
  const person = (female: boolean) =>
    `${pick(FAMILIES)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
  const numbers = new Map<number, number>();
  const children: Child[] = [];
  while (children.length < options.births) {
    const father = person(false);
    const mother = person(true);
    const family = father.split(' ')[0] as string;
    let year = 1995 + Math.floor(rnd() * 25);
    const kids = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < kids && children.length < options.births; k += 1) {
      const birth: PartialDate = {
        year,
        month: 1 + Math.floor(rnd() * 12),
        day: 1 + Math.floor(rnd() * 28),
      };
      const reg = { ...birth, day: Math.min(28, (birth.day ?? 1) + Math.floor(rnd() * 20)) };
      const makeChild = (isTwin: boolean, avoid?: string): Child => {
        const female = chance(0.5);
        let given = pick(female ? GIVEN_F : GIVEN_M);
        while (given === avoid) given = pick(female ? GIVEN_F : GIVEN_M);
        const so = (numbers.get(reg.year) ?? 0) + 1;
        numbers.set(reg.year, so);
        return {
          isTwin,
          fields: {
            so: String(so),
            quyenSo: `01/${reg.year}`,
            ngayDangKy: formatDate(reg),
            nksHoTen: `${family} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${given}`,
            nksGioiTinh: female ? '2' : '1',
            nksNgaySinh: formatDate(birth),
            nksNoiSinh: pick(PLACES),
            meHoTen: mother,
            chaHoTen: father,
          },
        };
      };
      if (chance(options.twins ?? 0.02)) {
        const first = makeChild(true);
        const given = first.fields.nksHoTen?.split(' ').pop();
        children.push(first, makeChild(true, given));
      } else {
        children.push(makeChild(false));
      }
      year += 1 + Math.floor(rnd() * 4);
    }
  }

  const slip = (text: string): string => {
    const words = text.split(' ');
    const w = Math.floor(rnd() * words.length);
    const chars = [...(words[w] ?? '')];
    if (chars.length < 2) return text;
    const at = Math.floor(rnd() * (chars.length - 1));
    const kind = Math.floor(rnd() * 3);
    if (kind === 0) [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
    else if (kind === 1) chars.splice(at + 1, 1);
    else chars.splice(at, 0, chars[at] as string);
    words[w] = chars.join('');
    return words.join(' ');
  };
  const typedAgain = (source: Record<string, string>): Record<string, string> => {
    const f = { ...source };
    if (chance(noise.nameSlip)) {
      const key = pick(['nksHoTen', 'nksHoTen', 'meHoTen', 'chaHoTen']);
      f[key] = slip(f[key] ?? '');
    }
    const birth = f.nksNgaySinh?.split('.') ?? [];
    if (chance(noise.swappedDayMonth) && Number(birth[0]) <= 12 && birth[0] !== birth[1]) {
      f.nksNgaySinh = `${birth[1]}.${birth[0]}.${birth[2]}`;
    } else if (chance(noise.partialDate)) {
      f.nksNgaySinh = chance(0.5) ? `${birth[1]}.${birth[2]}` : `${birth[2]}`;
    }
    if (chance(noise.mothersOtherFamily)) {
      const [, ...rest] = (f.meHoTen ?? '').split(' ');
      f.meHoTen = [pick(FAMILIES), ...rest].join(' ');
    }
    if (chance(noise.paddedNumber)) f.so = (f.so ?? '').padStart(3, '0');
    if (chance(noise.missingSex)) f.nksGioiTinh = '';
    if (chance(noise.noDiacritics)) {
      for (const key of Object.keys(f)) f[key] = stripMarks(f[key] ?? '');
    }
    return f;
  };

  const result: GeneratedPairs = { sohoa: [], extract: [], truth: new Map(), twinIds: new Set() };
  children.forEach((child, i) => {
    const roll = rnd();
    const inSohoa = roll >= (options.onlyExtract ?? 0.1);
    const inExtract = roll < 1 - (options.onlySohoa ?? 0.1);
    const sohoaId = `s${i}`;
    const extractId = `x${i}`;
    if (inSohoa) result.sohoa.push({ id: sohoaId, type: 'KS', fields: child.fields, bookId: 'b1' });
    if (inExtract)
      result.extract.push({ id: extractId, type: 'KS', fields: typedAgain(child.fields) });
    if (inSohoa && inExtract) result.truth.set(sohoaId, extractId);
    if (child.isTwin) result.twinIds.add(sohoaId);
  });
  return result;
}
