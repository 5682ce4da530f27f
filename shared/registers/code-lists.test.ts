import { describe, expect, it } from 'vitest';
import {
  codeLists,
  getCodeList,
  matchCode,
  matchKey,
  searchCodeList,
  writtenValue,
} from './code-lists';

const label = (listId: string, input: string): string | undefined =>
  matchCode(getCodeList(listId), input)?.label;
const code = (listId: string, input: string): string | undefined =>
  matchCode(getCodeList(listId), input)?.code;

describe('code list data', () => {
  it('has the lists templates refer to, each with unique codes and unique match keys', () => {
    expect(codeLists.map((list) => list.id)).toEqual([
      'gioiTinh',
      'loaiDangKyKS',
      'loaiDangKyKT',
      'loaiDangKyKH',
      'loaiDangKyCMC',
      'loaiGiayTo',
      'loaiKhaiSinh',
      'loaiCuTru',
      'tuyenBo',
      'loaiGiayBaoTu',
      'tinhTrangKetHon',
      'mucDichSuDung',
      'loaiXacNhan',
      'danToc',
      'quocTich',
      'quanHe',
    ]);
    for (const list of codeLists) {
      const codes = list.items.map((item) => item.code);
      expect(new Set(codes).size, list.id).toBe(codes.length);
      // No spelling may point at two different items, or matching would depend on order.
      const owner = new Map<string, string>();
      for (const item of list.items) {
        for (const name of [item.label, ...(item.aliases ?? [])]) {
          const key = matchKey(name);
          const previous = owner.get(key);
          expect(previous === undefined || previous === item.code, `${list.id}: ${name}`).toBe(
            true,
          );
          owner.set(key, item.code);
        }
      }
    }
  });

  it('numbers the number-coded lists as the Ministry does', () => {
    const rows = (id: string) => getCodeList(id).items.map((item) => `${item.code} ${item.label}`);
    expect(rows('gioiTinh')).toEqual(['1 Nam', '2 Nữ', '3 Không xác định']);
    expect(rows('loaiDangKyKS')).toEqual([
      '1 Đăng kí đúng hạn',
      '2 Đăng kí lại',
      '3 Ghi vào sổ việc khai sinh đã đăng ký ở CQ có thẩm quyền nước ngoài',
      '4 Đăng kí quá hạn',
      '5 Cấp bản chính giấy khai sinh',
      '6 Không xác định',
    ]);
    expect(rows('loaiGiayTo')).toEqual([
      '1 Giấy CMND',
      '2 Hộ chiếu',
      '3 Thẻ thường trú',
      '4 Thẻ căn cước công dân',
      '5 Giấy chứng minh quân đội nhân dân',
      '6 Giấy chứng minh sĩ quan quân đội',
      '7 Giấy chứng minh công an nhân dân',
      '8 Giấy tờ khác',
    ]);
    expect(rows('tuyenBo')).toEqual(['1 Tuyên bố', '2 Hủy tuyên bố']);
    expect(rows('loaiCuTru')).toEqual(['1 Thường trú', '2 Tạm trú']);
    expect(getCodeList('loaiKhaiSinh').items.map((item) => item.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(getCodeList('loaiDangKyKT').items).toHaveLength(4);
    expect(getCodeList('loaiDangKyKH').items).toHaveLength(2);
    expect(getCodeList('loaiDangKyCMC').items).toHaveLength(2);
  });

  it('numbers the khai tử, kết hôn, hôn nhân and cha mẹ con lists as DOMAIN.md lists them', () => {
    const rows = (id: string) => getCodeList(id).items.map((item) => `${item.code} ${item.label}`);
    expect(rows('loaiGiayBaoTu')).toEqual([
      '1 Giấy báo tử',
      '2 Giấy xác nhận thi hành án tử hình',
      '3 Bản án, quyết định của Tòa án tuyên bố một người đã chết',
      '4 Văn bản của cơ quan công an hoặc kết quả giám định pháp y',
      '5 Văn bản của cơ quan y tế về nguyên nhân chết',
      '6 Biên bản xác nhận việc chết',
      '7 Văn bản của người làm chứng',
    ]);
    expect(rows('tinhTrangKetHon')).toEqual([
      '1 Đã ly hôn',
      '2 Đã hủy việc kết hôn',
      '3 Đã được công nhận việc kết hôn',
      '4 Không có thông tin',
    ]);
    expect(rows('mucDichSuDung')).toEqual([
      '1 Kết hôn trong nước với người Việt Nam',
      '2 Kết hôn trong nước với người nước ngoài',
      '3 Kết hôn ở nước ngoài với người Việt Nam',
      '4 Kết hôn ở nước ngoài với người nước ngoài',
      '5 Mục đích khác',
    ]);
    expect(rows('loaiXacNhan')).toEqual([
      '1 Cha nhận con',
      '2 Mẹ nhận con',
      '3 Con nhận cha',
      '4 Con nhận mẹ',
    ]);
    for (const id of ['loaiGiayBaoTu', 'tinhTrangKetHon', 'mucDichSuDung', 'loaiXacNhan']) {
      expect(getCodeList(id).writes, id).toBe('code');
    }
  });

  it("matches the Ministry's abbreviations of the death-document types", () => {
    expect(code('loaiGiayBaoTu', 'GXN thi hành án tử hình')).toBe('2');
    expect(code('loaiGiayBaoTu', 'vb y te ve nguyen nhan chet')).toBe('5');
    expect(code('tinhTrangKetHon', 'da huy viec ket hon')).toBe('2');
    expect(code('mucDichSuDung', 'khác')).toBe('5');
  });

  it('has the 54 ethnic groups with GSO codes plus foreigners and unknown, written by name', () => {
    const danToc = getCodeList('danToc');
    expect(danToc.writes).toBe('label');
    expect(danToc.items).toHaveLength(56);
    danToc.items.forEach((item, index) => {
      expect(item.code).toBe(String(index + 1).padStart(2, '0'));
    });
    expect(danToc.items[0]?.label).toBe('Kinh');
    expect(danToc.items[12]?.label).toBe('Ba Na');
    expect(danToc.items[53]?.label).toBe('Rơ-măm');
    expect(danToc.items[54]?.label).toBe('Người nước ngoài');
    expect(danToc.items[55]?.label).toBe('Không rõ');
  });

  it('has every ISO 3166 country, Việt Nam first, written by Vietnamese name', () => {
    const quocTich = getCodeList('quocTich');
    expect(quocTich.writes).toBe('label');
    expect(quocTich.items).toHaveLength(249);
    expect(quocTich.items[0]).toMatchObject({ code: 'VN', label: 'Việt Nam' });
    for (const item of quocTich.items) expect(item.code).toMatch(/^[A-Z]{2}$/);
    const names = Object.fromEntries(quocTich.items.map((item) => [item.code, item.label]));
    expect(names).toMatchObject({
      LA: 'Lào',
      KH: 'Campuchia',
      CN: 'Trung Quốc',
      JP: 'Nhật Bản',
      KR: 'Hàn Quốc',
      US: 'Hoa Kỳ',
      FR: 'Pháp',
      DE: 'Đức',
      RU: 'Nga',
      GB: 'Vương quốc Anh',
      TW: 'Đài Loan',
      AU: 'Úc',
    });
  });

  it('keeps list labels in NFC', () => {
    for (const list of codeLists) {
      for (const item of list.items) {
        for (const name of [item.label, ...(item.aliases ?? [])]) {
          expect(name).toBe(name.normalize('NFC'));
        }
      }
    }
  });

  it('throws on an unknown list id', () => {
    expect(() => getCodeList('nope')).toThrow(/Unknown code list "nope"/);
  });
});

describe('matchCode', () => {
  it('finds by code, with or without leading zeros', () => {
    expect(label('danToc', '01')).toBe('Kinh');
    expect(label('danToc', '1')).toBe('Kinh');
    expect(label('danToc', ' 13 ')).toBe('Ba Na');
    expect(label('gioiTinh', '2')).toBe('Nữ');
    expect(label('gioiTinh', '02')).toBe('Nữ');
    expect(label('quocTich', 'VN')).toBe('Việt Nam');
    expect(label('quocTich', 'jp')).toBe('Nhật Bản');
  });

  it('finds by name or another spelling, ignoring accents, case, spaces and hyphens', () => {
    expect(label('danToc', 'kinh')).toBe('Kinh');
    expect(label('danToc', 'khome')).toBe('Khơ-me');
    expect(label('danToc', 'Khơ Me')).toBe('Khơ-me');
    expect(label('danToc', 'Khmer')).toBe('Khơ-me');
    expect(label('danToc', 'Ba Na (Rơ-ngao)')).toBe('Ba Na');
    expect(label('danToc', 'Mông')).toBe("H'Mông");
    expect(label('danToc', "H'mông")).toBe("H'Mông");
    expect(label('danToc', 'Hmông')).toBe("H'Mông");
    expect(label('danToc', 'Ê Đê')).toBe('Ê-đê');
    expect(label('danToc', 'gia rai')).toBe('Gia-rai');
    expect(label('danToc', 'Xơ Đăng')).toBe('Xơ-Đăng');
    expect(label('danToc', 'Cơ Ho')).toBe('Cơ-ho');
    expect(label('danToc', 'Tà Ôi')).toBe('Tà-ôi');
    expect(label('danToc', 'Bru - Vân Kiều')).toBe('Bru-Vân Kiều');
    expect(label('danToc', 'BA NA')).toBe('Ba Na');
    expect(label('quocTich', 'viet nam')).toBe('Việt Nam');
    expect(label('quocTich', 'Nhật Bản ')).toBe('Nhật Bản');
    expect(label('quocTich', 'Xin-ga-po')).toBe('Singapore');
    expect(label('quocTich', 'Mỹ')).toBe('Hoa Kỳ');
    expect(label('loaiDangKyKS', 'Đăng ký đúng hạn')).toBe('Đăng kí đúng hạn');
    expect(label('gioiTinh', 'nu')).toBe('Nữ');
  });

  it('reads decomposed input', () => {
    expect(label('danToc', 'Mu\u031bo\u031b\u0300ng')).toBe('Mường');
  });

  it('prefers a name over a code in other letter case, and an exact code over a name', () => {
    // "my" is Mỹ typed without accents; "MY" is Malaysia's code.
    expect(code('quocTich', 'my')).toBe('US');
    expect(code('quocTich', 'MY')).toBe('MY');
  });

  it('returns undefined for anything else', () => {
    expect(matchCode(getCodeList('danToc'), '')).toBeUndefined();
    expect(matchCode(getCodeList('danToc'), '   ')).toBeUndefined();
    expect(matchCode(getCodeList('danToc'), 'Klingon')).toBeUndefined();
    expect(matchCode(getCodeList('danToc'), '57')).toBeUndefined();
    expect(matchCode(getCodeList('gioiTinh'), '4')).toBeUndefined();
    expect(matchCode(getCodeList('gioiTinh'), '---')).toBeUndefined();
    expect(matchCode(getCodeList('quocTich'), 'XX')).toBeUndefined();
  });
});

describe('writtenValue', () => {
  it('gives the code for number-coded lists and the canonical name for name-written ones', () => {
    expect(writtenValue(getCodeList('gioiTinh'), 'nữ')).toBe('2');
    expect(writtenValue(getCodeList('loaiDangKyKS'), '04')).toBe('4');
    expect(writtenValue(getCodeList('danToc'), 'Khmer')).toBe('Khơ-me');
    expect(writtenValue(getCodeList('danToc'), '01')).toBe('Kinh');
    expect(writtenValue(getCodeList('quocTich'), 'vn')).toBe('Việt Nam');
    expect(writtenValue(getCodeList('danToc'), 'Klingon')).toBeUndefined();
  });
});

describe('searchCodeList', () => {
  const labels = (listId: string, query: string, limit?: number) =>
    searchCodeList(getCodeList(listId), query, limit).map((item) => item.label);

  it('puts names that start with the query first, then names containing it', () => {
    const found = labels('danToc', 'la', 20);
    expect(found.slice(0, 4)).toEqual(['Lào', 'La Chí', 'La Ha', 'La Hủ']);
    // "Cơ Lao" only has a word starting with "la"; "Phù Lá" too; both after the prefixes.
    expect(found.indexOf('Cơ Lao')).toBeGreaterThan(found.indexOf('La Hủ'));
    expect(found).toContain('Phù Lá');
  });

  it('is accent-insensitive and matches other spellings', () => {
    expect(labels('quocTich', 'viet')[0]).toBe('Việt Nam');
    expect(labels('quocTich', 'nhat')).toEqual([
      'Nhật Bản',
      'Các Tiểu vương quốc Ả Rập Thống nhất',
    ]);
    expect(labels('danToc', 'khmer')).toEqual(['Khơ-me']);
  });

  it('ranks an exact code first', () => {
    expect(labels('danToc', '13')[0]).toBe('Ba Na');
    expect(labels('danToc', '1')[0]).toBe('Kinh');
    expect(labels('quocTich', 'my')[0]).toBe('Malaysia');
    expect(labels('quocTich', 'my')).toContain('Hoa Kỳ');
  });

  it('finds a later word of a name and text inside a name', () => {
    expect(labels('quocTich', 'nam', 30)).toEqual(
      expect.arrayContaining(['Việt Nam', 'Nam Phi', 'Nam Sudan']),
    );
    expect(labels('quocTich', 'ngapo')).toEqual(['Singapore']);
  });

  it('respects the limit and gives the head of the list for an empty query', () => {
    expect(labels('quocTich', '', 3)).toEqual([
      'Việt Nam',
      'Andorra',
      'Các Tiểu vương quốc Ả Rập Thống nhất',
    ]);
    expect(labels('quocTich', 'a', 5)).toHaveLength(5);
    expect(labels('danToc', 'zzz')).toEqual([]);
    expect(labels('danToc', '--')).toEqual([]);
  });
});
