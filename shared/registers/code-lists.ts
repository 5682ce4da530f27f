// The Ministry's code lists as data. Matching is forgiving (accents, case, spacing, hyphens,
// other spellings) because books and officers spell names many ways; export writes one form.
import type { CodeItem, CodeList } from './types';
import { foldAccents, toNFC } from '../text/vietnamese';
import { items } from './code-list-items';
import { quocTich } from './countries';
import { danToc } from './ethnic-groups';

const gioiTinh: CodeList = {
  id: 'gioiTinh',
  title: 'Giới tính',
  writes: 'code',
  items: items(['1', 'Nam', 'Trai'], ['2', 'Nữ', 'Gái'], ['3', 'Không xác định']),
};

// Labels follow the template's `Ghi chu` sheet ("Đăng kí"); the "ký" spelling is an alias.
const loaiDangKyKS: CodeList = {
  id: 'loaiDangKyKS',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng kí đúng hạn', 'Đăng ký đúng hạn', 'Đúng hạn'],
    ['2', 'Đăng kí lại', 'Đăng ký lại'],
    [
      '3',
      'Ghi vào sổ việc khai sinh đã đăng ký ở CQ có thẩm quyền nước ngoài',
      'Ghi vào sổ việc khai sinh đã đăng ký ở cơ quan có thẩm quyền nước ngoài',
      'Ghi vào sổ',
    ],
    ['4', 'Đăng kí quá hạn', 'Đăng ký quá hạn', 'Quá hạn'],
    ['5', 'Cấp bản chính giấy khai sinh', 'Cấp bản chính'],
    ['6', 'Không xác định'],
  ),
};

const loaiDangKyKT: CodeList = {
  id: 'loaiDangKyKT',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng ký đúng hạn', 'Đăng kí đúng hạn', 'Đúng hạn'],
    ['2', 'Đăng ký lại', 'Đăng kí lại'],
    ['3', 'Ghi vào sổ việc khai tử đã đăng ký ở cơ quan có thẩm quyền nước ngoài', 'Ghi vào sổ'],
    ['4', 'Đăng ký quá hạn', 'Đăng kí quá hạn', 'Quá hạn'],
  ),
};

const loaiDangKyKH: CodeList = {
  id: 'loaiDangKyKH',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(['1', 'Đăng ký mới', 'Đăng kí mới'], ['2', 'Đăng ký lại', 'Đăng kí lại']),
};

const loaiDangKyCMC: CodeList = {
  id: 'loaiDangKyCMC',
  title: 'Loại đăng ký',
  writes: 'code',
  items: items(
    ['1', 'Đăng ký mới', 'Đăng kí mới'],
    ['2', 'Ghi vào sổ việc đã đăng ký ở cơ quan có thẩm quyền nước ngoài', 'Ghi vào sổ'],
  ),
};

// This numbering is the Ministry's; other national systems number documents differently.
const loaiGiayTo: CodeList = {
  id: 'loaiGiayTo',
  title: 'Loại giấy tờ tùy thân',
  writes: 'code',
  items: items(
    ['1', 'Giấy CMND', 'Chứng minh nhân dân', 'CMND', 'Giấy chứng minh nhân dân'],
    ['2', 'Hộ chiếu', 'Passport'],
    ['3', 'Thẻ thường trú'],
    ['4', 'Thẻ căn cước công dân', 'CCCD', 'Thẻ CCCD', 'Căn cước công dân', 'Thẻ căn cước'],
    ['5', 'Giấy chứng minh quân đội nhân dân', 'Giấy CM QĐND', 'CM QĐND'],
    ['6', 'Giấy chứng minh sĩ quan quân đội', 'Giấy CM sĩ quan QĐ', 'CM sĩ quan'],
    ['7', 'Giấy chứng minh công an nhân dân', 'Giấy CM CAND', 'CM CAND'],
    ['8', 'Giấy tờ khác', 'Khác'],
  ),
};

const loaiKhaiSinh: CodeList = {
  id: 'loaiKhaiSinh',
  title: 'Loại khai sinh',
  writes: 'code',
  items: items(
    ['1', 'Xác định được cả cha lẫn mẹ'],
    ['2', 'Chưa xác định được mẹ'],
    ['3', 'Chưa xác định được cha'],
    ['4', 'Chưa xác định được cả cha lẫn mẹ'],
    ['5', 'Trẻ bị bỏ rơi'],
  ),
};

const loaiCuTru: CodeList = {
  id: 'loaiCuTru',
  title: 'Loại cư trú',
  writes: 'code',
  items: items(['1', 'Thường trú'], ['2', 'Tạm trú']),
};

// KT gbtLoai: the paper the death was declared on (a giấy báo tử or what stands in for one).
const loaiGiayBaoTu: CodeList = {
  id: 'loaiGiayBaoTu',
  title: 'Loại giấy báo tử',
  writes: 'code',
  items: items(
    ['1', 'Giấy báo tử'],
    ['2', 'Giấy xác nhận thi hành án tử hình', 'GXN thi hành án tử hình'],
    [
      '3',
      'Bản án, quyết định của Tòa án tuyên bố một người đã chết',
      'Bản án/QĐ tòa tuyên bố đã chết',
    ],
    [
      '4',
      'Văn bản của cơ quan công an hoặc kết quả giám định pháp y',
      'VB công an/giám định pháp y',
    ],
    ['5', 'Văn bản của cơ quan y tế về nguyên nhân chết', 'VB y tế về nguyên nhân chết'],
    ['6', 'Biên bản xác nhận việc chết'],
    ['7', 'Văn bản của người làm chứng', 'VB của người làm chứng'],
  ),
};

// KH: what later happened to the marriage. The labels are the vendor's; the codes 1–4 are
// our reading of its order and are unconfirmed against the Ministry's importer.
const tinhTrangKetHon: CodeList = {
  id: 'tinhTrangKetHon',
  title: 'Tình trạng kết hôn',
  writes: 'code',
  items: items(
    ['1', 'Đã ly hôn'],
    ['2', 'Đã hủy việc kết hôn'],
    ['3', 'Đã được công nhận việc kết hôn'],
    ['4', 'Không có thông tin'],
  ),
};

// HN nxnLoaiMucDichSuDung: what the marital-status certificate is for.
const mucDichSuDung: CodeList = {
  id: 'mucDichSuDung',
  title: 'Loại mục đích sử dụng',
  writes: 'code',
  items: items(
    ['1', 'Kết hôn trong nước với người Việt Nam'],
    ['2', 'Kết hôn trong nước với người nước ngoài'],
    ['3', 'Kết hôn ở nước ngoài với người Việt Nam'],
    ['4', 'Kết hôn ở nước ngoài với người nước ngoài'],
    ['5', 'Mục đích khác', 'Khác'],
  ),
};

// CMC: who recognises whom.
const loaiXacNhan: CodeList = {
  id: 'loaiXacNhan',
  title: 'Loại xác nhận',
  writes: 'code',
  items: items(
    ['1', 'Cha nhận con'],
    ['2', 'Mẹ nhận con'],
    ['3', 'Con nhận cha'],
    ['4', 'Con nhận mẹ'],
  ),
};

// The template titles this list with the two column names it serves.
const tuyenBo: CodeList = {
  id: 'tuyenBo',
  title: 'nksMatTich & nksHanCheNangLucHanhVi',
  writes: 'code',
  items: items(['1', 'Tuyên bố'], ['2', 'Hủy tuyên bố', 'Huỷ tuyên bố']),
};

// Relations of the person who came to register (nycQuanHe, nycQH…). The Ministry has no list
// for them: the cell holds free text, so this list only settles how the usual ones are written
// ("cha" → "Cha"; "bố", a synonym, too). Aliases are only other words for the same thing, so
// wording a value never changes what it says. Its codes are ours and never written.
const quanHe: CodeList = {
  id: 'quanHe',
  title: 'Quan hệ',
  writes: 'label',
  items: items(
    ['cha', 'Cha', 'Bố', 'Thân phụ'],
    ['me', 'Mẹ', 'Má', 'Thân mẫu'],
    ['chanuoi', 'Cha nuôi', 'Bố nuôi'],
    ['menuoi', 'Mẹ nuôi'],
    ['ongnoi', 'Ông nội'],
    ['banoi', 'Bà nội'],
    ['ongngoai', 'Ông ngoại'],
    ['bangoai', 'Bà ngoại'],
    ['anh', 'Anh'],
    ['anhruot', 'Anh ruột'],
    ['chi', 'Chị'],
    ['chiruot', 'Chị ruột'],
    ['em', 'Em'],
    ['emruot', 'Em ruột'],
    ['con', 'Con'],
    ['connuoi', 'Con nuôi'],
    ['vo', 'Vợ'],
    ['chong', 'Chồng'],
    ['chu', 'Chú'],
    ['bac', 'Bác'],
    ['co', 'Cô'],
    ['di', 'Dì'],
    ['cau', 'Cậu'],
    ['mo', 'Mợ'],
    ['thim', 'Thím'],
    ['duong', 'Dượng'],
    ['chau', 'Cháu'],
    ['chaunoi', 'Cháu nội'],
    ['chaungoai', 'Cháu ngoại'],
    ['banthan', 'Bản thân'],
    ['giamho', 'Người giám hộ'],
    ['nuoiduong', 'Người nuôi dưỡng'],
    ['uyquyen', 'Người được ủy quyền', 'Người được uỷ quyền'],
    ['hohang', 'Họ hàng'],
  ),
};

export const codeLists: readonly CodeList[] = [
  gioiTinh,
  loaiDangKyKS,
  loaiDangKyKT,
  loaiDangKyKH,
  loaiDangKyCMC,
  loaiGiayTo,
  loaiKhaiSinh,
  loaiCuTru,
  tuyenBo,
  loaiGiayBaoTu,
  tinhTrangKetHon,
  mucDichSuDung,
  loaiXacNhan,
  danToc,
  quocTich,
  quanHe,
];

const byId = new Map(codeLists.map((list) => [list.id, list]));

/** The code list with this id; throws for an unknown id, which is a template-data bug. */
export function getCodeList(id: string): CodeList {
  const list = byId.get(id);
  if (!list) throw new Error(`Unknown code list "${id}"`);
  return list;
}

/**
 * The form two spellings share when they name the same thing: accents, case, spaces,
 * hyphens, apostrophes and other punctuation dropped ("Khơ Me", "khome" → "khome").
 */
export function matchKey(text: string): string {
  return foldAccents(toNFC(text)).replace(/[^\p{L}\p{N}]/gu, '');
}

/** "01" and "1" are the same numeric code. */
function sameNumericCode(a: string, b: string): boolean {
  return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b);
}

function namesOf(item: CodeItem): string[] {
  return [item.label, ...(item.aliases ?? [])];
}

// Keys are computed once per list: type-ahead calls these on every keystroke.
const keyCache = new WeakMap<CodeList, { item: CodeItem; keys: string[] }[]>();

function keyedItems(list: CodeList): { item: CodeItem; keys: string[] }[] {
  let keyed = keyCache.get(list);
  if (!keyed) {
    keyed = list.items.map((item) => ({ item, keys: namesOf(item).map(matchKey) }));
    keyCache.set(list, keyed);
  }
  return keyed;
}

/**
 * The item a typed value means: its code ("01", "1", "VN"), else its name or another spelling
 * after normalising ("kinh", "khome", "viet nam"), else a code in other letter case ("vn").
 * A name wins over a differently-cased code so that "my" means Mỹ, not Malaysia (MY).
 */
export function matchCode(list: CodeList, input: string): CodeItem | undefined {
  const text = toNFC(input).trim();
  if (text === '') return undefined;
  const byCode = list.items.find((item) => item.code === text || sameNumericCode(item.code, text));
  if (byCode) return byCode;
  const key = matchKey(text);
  if (key !== '') {
    const byName = keyedItems(list).find((entry) => entry.keys.includes(key));
    if (byName) return byName.item;
  }
  const upper = text.toUpperCase();
  return list.items.find((item) => item.code.toUpperCase() === upper);
}

/** What the cell holds for a typed value: the code, or the canonical name for name-written lists. */
export function writtenValue(list: CodeList, input: string): string | undefined {
  const item = matchCode(list, input);
  if (!item) return undefined;
  return list.writes === 'code' ? item.code : item.label;
}

/**
 * Type-ahead: the code itself first, then names that start with the query, then names with a
 * word starting with it, then names containing it; list order within each rank. An empty
 * query gives the head of the list.
 */
export function searchCodeList(list: CodeList, query: string, limit = 10): CodeItem[] {
  const text = toNFC(query).trim();
  if (text === '') return list.items.slice(0, limit);
  const key = matchKey(text);
  const words = foldAccents(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
  const ranked: { item: CodeItem; rank: number; index: number }[] = [];
  keyedItems(list).forEach(({ item, keys }, index) => {
    const rank = rankItem(item, keys, text, key, words);
    if (rank !== null) ranked.push({ item, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.item);
}

function rankItem(
  item: CodeItem,
  keys: string[],
  text: string,
  key: string,
  words: string,
): number | null {
  if (item.code.toUpperCase() === text.toUpperCase() || sameNumericCode(item.code, text)) return 0;
  if (key === '') return null;
  if (keys.some((k) => k.startsWith(key))) return 1;
  if (words !== '' && namesOf(item).some((name) => wordStarts(name, words))) return 2;
  if (keys.some((k) => k.includes(key))) return 3;
  return null;
}

/** Whether some word of the name (after folding) begins the query ("nam" in "Việt Nam"). */
function wordStarts(name: string, words: string): boolean {
  const folded = foldAccents(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return folded.some((_, i) => folded.slice(i).join(' ').startsWith(words));
}
