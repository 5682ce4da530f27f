import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegacyEncoding } from './legacy-encodings';
import {
  detectLegacyEncoding,
  legacyFontEncoding,
  legacyToUnicode,
  toUnicodeVietnamese,
  unicodeToLegacy,
} from './legacy-encodings';

/** The 67 lowercase letters Vietnamese adds to ASCII, typed out by vowel and tone. */
const LOWER =
  'àáảãạ' +
  'ăằắẳẵặ' +
  'âầấẩẫậ' +
  'đ' +
  'èéẻẽẹ' +
  'êềếểễệ' +
  'ìíỉĩị' +
  'òóỏõọ' +
  'ôồốổỗộ' +
  'ơờớởỡợ' +
  'ùúủũụ' +
  'ưừứửữự' +
  'ỳýỷỹỵ';
const lower = [...LOWER];
const upper = lower.map((letter) => letter.toUpperCase());
/** The capitals TCVN3 codes itself; the toned capitals exist only as a capital font. */
const TCVN3_CAPITALS = [...'ĂÂÊÔƠƯĐ'];

// Real-looking cells, as Excel shows them when the sheet was typed in .VnTime or VNI-Times.
const samples: [unicode: string, tcvn3: string, vni: string][] = [
  ['Nguyễn Thị Hồng Nhung', 'NguyÔn ThÞ Hång Nhung', 'Nguyeãn Thò Hoàng Nhung'],
  ['Trần Văn Đức', 'TrÇn V¨n §øc', 'Traàn Vaên Ñöùc'],
  ['Lê Thị Bích Ngọc', 'Lª ThÞ BÝch Ngäc', 'Leâ Thò Bích Ngoïc'],
  ['Phạm Quốc Khánh', 'Ph¹m Quèc Kh¸nh', 'Phaïm Quoác Khaùnh'],
  ['Hoàng Thị Thuỷ', 'Hoµng ThÞ Thuû', 'Hoaøng Thò Thuyû'],
  ['Đặng Hữu Lộc', '§Æng H÷u Léc', 'Ñaëng Höõu Loäc'],
  ['Võ Thị Sáu', 'Vâ ThÞ S¸u', 'Voõ Thò Saùu'],
  ['Dương Văn Mẫn', 'D\u00ad¬ng V¨n MÉn', 'Döông Vaên Maãn'],
  ['Huỳnh Tấn Phát', 'Huúnh TÊn Ph¸t', 'Huyønh Taán Phaùt'],
  ['Lý Thị Mỹ Duyên', 'Lý ThÞ Mü Duyªn', 'Lyù Thò Myõ Duyeân'],
  ['Bùi Thị Xuân', 'Bïi ThÞ Xu©n', 'Buøi Thò Xuaân'],
  ['Ngô Thừa Ân', 'Ng« Thõa ¢n', 'Ngoâ Thöøa AÂn'],
  ['Kiều Thị Ơn', 'KiÒu ThÞ ¥n', 'Kieàu Thò Ôn'],
  ['Ưng Hoàng Phúc', '¦ng Hoµng Phóc', 'Öng Hoaøng Phuùc'],
  [
    'Cộng hoà xã hội chủ nghĩa Việt Nam',
    'Céng hoµ x· héi chñ nghÜa ViÖt Nam',
    'Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam',
  ],
  [
    'Độc lập - Tự do - Hạnh phúc',
    '§éc lËp - Tù do - H¹nh phóc',
    'Ñoäc laäp - Töï do - Haïnh phuùc',
  ],
  [
    'xã Hoà Bình, huyện Từ Sơn, tỉnh Bắc Ninh',
    'x· Hoµ B×nh, huyÖn Tõ S¬n, tØnh B¾c Ninh',
    'xaõ Hoaø Bình, huyeän Töø Sôn, tænh Baéc Ninh',
  ],
  [
    'thôn Yên Lạc, phường Dương Nội, quận Hà Đông',
    'th«n Yªn L¹c, ph\u00adêng D\u00ad¬ng Néi, quËn Hµ §«ng',
    'thoân Yeân Laïc, phöôøng Döông Noäi, quaän Haø Ñoâng',
  ],
  ['Buôn Ma Thuột, Đắk Lắk', 'Bu«n Ma Thuét, §¾k L¾k', 'Buoân Ma Thuoät, Ñaék Laék'],
  ['Số 12, ngõ 5 Khâm Thiên', 'Sè 12, ngâ 5 Kh©m Thiªn', 'Soá 12, ngoõ 5 Khaâm Thieân'],
];

describe('legacyToUnicode and unicodeToLegacy on real-looking text', () => {
  it.each(samples)('%s', (unicode, tcvn3, vni) => {
    expect(unicodeToLegacy(unicode, 'tcvn3')).toBe(tcvn3);
    expect(unicodeToLegacy(unicode, 'vni')).toBe(vni);
    expect(legacyToUnicode(tcvn3, 'tcvn3')).toBe(unicode);
    expect(legacyToUnicode(vni, 'vni')).toBe(unicode);
  });

  it('covers every vowel with every tone across the samples', () => {
    const seen = new Set(samples.flatMap(([unicode]) => [...unicode.toLowerCase()]));
    const tones = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    for (const tone of tones) {
      expect(
        [...seen].some((ch) => ch.normalize('NFD').includes(tone)),
        tone,
      ).toBe(true);
    }
    for (const vowel of 'aăâeêioôơuưy') {
      expect(
        [...seen].some((ch) => ch.normalize('NFD').startsWith(vowel.normalize('NFD'))),
        vowel,
      ).toBe(true);
    }
  });
});

describe('round trips over the whole alphabet', () => {
  it('has the 134 Vietnamese letters to test', () => {
    expect(new Set([...lower, ...upper]).size).toBe(134);
  });

  it('VNI: every letter, alone and inside a word', () => {
    for (const letter of [...lower, ...upper]) {
      expect(legacyToUnicode(unicodeToLegacy(letter, 'vni'), 'vni')).toBe(letter);
      const word = `Ng${letter}nh`;
      expect(legacyToUnicode(unicodeToLegacy(word, 'vni'), 'vni')).toBe(word);
      expect(unicodeToLegacy(letter, 'vni')).toMatch(/^[\u0020-\u00ff]{1,2}$/u);
    }
  });

  it('TCVN3: every lowercase letter and the seven capitals, each one byte', () => {
    const codes = new Set<string>();
    for (const letter of [...lower, ...TCVN3_CAPITALS]) {
      const encoded = unicodeToLegacy(letter, 'tcvn3');
      expect(encoded).toMatch(/^[\u00a1-\u00fe]$/u);
      codes.add(encoded);
      expect(legacyToUnicode(encoded, 'tcvn3')).toBe(letter);
      expect(legacyToUnicode(unicodeToLegacy(`ng${letter}nh`, 'tcvn3'), 'tcvn3')).toBe(
        `ng${letter}nh`,
      );
    }
    expect(codes.size).toBe(lower.length + TCVN3_CAPITALS.length);
  });

  it('TCVN3: toned capitals come back as capitals inside a word in capitals', () => {
    for (const letter of upper) {
      const word = `NG${letter}NH`;
      expect(legacyToUnicode(unicodeToLegacy(word, 'tcvn3'), 'tcvn3')).toBe(word);
    }
  });

  it('TCVN3: a toned capital alone becomes lowercase (the font, not the code, made it a capital)', () => {
    expect(unicodeToLegacy('Tạ Ẩn Ỷ', 'tcvn3')).toBe('T¹ Èn û');
    expect(legacyToUnicode('T¹ Èn û', 'tcvn3')).toBe('Tạ ẩn ỷ');
    expect(legacyToUnicode(unicodeToLegacy('Tạ Ẩn Ỷ', 'vni'), 'vni')).toBe('Tạ Ẩn Ỷ');
  });

  const vietnameseText = (letters: string[]) =>
    fc
      .array(fc.constantFrom(...letters, ...'abcdeghiklmnopqrstuvxy', ' ', '-', '1', ','), {
        maxLength: 40,
      })
      .map((chars) => chars.join(''));

  it('VNI: any text of Vietnamese letters, ASCII and punctuation', () => {
    fc.assert(
      fc.property(vietnameseText([...lower, ...upper, ...'ABCDGHKLMNPQRSTVXY']), (text) => {
        expect(legacyToUnicode(unicodeToLegacy(text, 'vni'), 'vni')).toBe(text);
      }),
    );
  });

  it('TCVN3: any lowercase text', () => {
    fc.assert(
      fc.property(vietnameseText(lower), (text) => {
        expect(legacyToUnicode(unicodeToLegacy(text, 'tcvn3'), 'tcvn3')).toBe(text);
      }),
    );
  });

  it('composes decomposed input before encoding', () => {
    expect(unicodeToLegacy('Nguye\u0302\u0303n', 'tcvn3')).toBe('NguyÔn');
    expect(unicodeToLegacy('Nguye\u0302\u0303n', 'vni')).toBe('Nguyeãn');
  });
});

describe('TCVN3 capitals', () => {
  it('reads a word whose letters are capitals as written in a capital font', () => {
    expect(legacyToUnicode('NGUYÔN V¡N §øC', 'tcvn3')).toBe('NGUYỄN VĂN ĐỨC');
    expect(legacyToUnicode('TRÇN ThÞ', 'tcvn3')).toBe('TRẦN Thị');
  });

  it('lets the cell decide for words too short to tell', () => {
    expect(legacyToUnicode('§ç', 'tcvn3')).toBe('Đỗ');
    expect(legacyToUnicode('Hå', 'tcvn3')).toBe('Hồ');
    expect(legacyToUnicode('§ç V¡N', 'tcvn3')).toBe('ĐỖ VĂN');
    expect(legacyToUnicode('Hå ThÞ', 'tcvn3')).toBe('Hồ Thị');
    expect(legacyToUnicode('UBND X· HOµ B×NH', 'tcvn3')).toBe('UBND XÃ HOÀ BÌNH');
  });

  it('reads the toned capitals of the full TCVN 5712 table that converters write', () => {
    expect(legacyToUnicode('Än §é', 'tcvn3')).toBe('Ấn Độ');
    expect(legacyToUnicode('\u0083nh \u00dbng', 'tcvn3')).toBe('Ánh Ồng');
    expect(detectLegacyEncoding('Än §é')).toBe('tcvn3');
    // They are never written: the ABC fonts do not draw them.
    expect(unicodeToLegacy('Ấn', 'tcvn3')).toBe('Ên');
  });

  it('puts everything in capitals when the font is known to be a capital font', () => {
    expect(legacyToUnicode('nguyÔn v¨n ®øc', 'tcvn3', { uppercase: true })).toBe('NGUYỄN VĂN ĐỨC');
  });
});

describe('VNI details', () => {
  it('takes the case from the base letter, whatever the case of the mark', () => {
    expect(legacyToUnicode('NGUYEãN Vaên', 'vni')).toBe('NGUYỄN Văn');
  });

  it('reads a tone mark typed after i, and y with a dot', () => {
    expect(legacyToUnicode('Kieàu Liù Myï', 'vni')).toBe('Kiều Lí Mỵ');
    expect(legacyToUnicode('tiù tIÙ', 'vni')).toBe('tí tÍ');
  });

  it('keeps what is not in the table', () => {
    expect(legacyToUnicode('Số 5/2008 (x)', 'vni')).toBe('Số 5/2008 (x)');
    expect(legacyToUnicode('Số 5/2008 (x)', 'tcvn3')).toBe('Số 5/2008 (x)');
    expect(unicodeToLegacy('王 €', 'tcvn3')).toBe('王 €');
  });
});

describe('detectLegacyEncoding', () => {
  it.each(samples)('finds the legacy font of %j', (unicode, tcvn3, vni) => {
    expect(detectLegacyEncoding(tcvn3)).toBe('tcvn3');
    expect(detectLegacyEncoding(vni)).toBe('vni');
    expect(detectLegacyEncoding(unicode)).toBeNull();
    expect(detectLegacyEncoding(unicode.normalize('NFD'))).toBeNull();
  });

  it('finds short cells too', () => {
    expect(detectLegacyEncoding('Lª')).toBe('tcvn3');
    expect(detectLegacyEncoding('Leâ')).toBe('vni');
    expect(detectLegacyEncoding('NGUYÔN V¡N §øC')).toBe('tcvn3');
    expect(detectLegacyEncoding('NGUYEÃN VAÊN ÑÖÙC')).toBe('vni');
  });

  it.each([
    '',
    'Nguyen Van A',
    '12/2008',
    'Hoàng',
    'Hoà Bình',
    'Lý Thái Tổ',
    'HOÀNG BÌNH',
    'Müller',
    'naïve café in Zürich',
    '© 2008 Microsoft®',
    'São Paulo',
    'Straße',
    'The «café» costs 5 £',
    'Señor Muñoz',
    'Ångström',
    'Björk Guðmundsdóttir',
    'Crème brûlée',
    'Noël à Genève',
    'façade',
    'Hôtel de Ville',
    "Ksor H'Bia",
    'Y Blô Êban',
  ])('stays quiet on %j', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('reads text that means the same either way as Unicode (VNI "Hoàng" is "Hồng")', () => {
    expect(legacyToUnicode('Hoàng', 'vni')).toBe('Hồng');
    expect(toUnicodeVietnamese('Hoàng')).toBe('Hoàng');
  });

  const syllables = [
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
    'Thị',
    'Văn',
    'Hữu',
    'Đức',
    'Minh',
    'Hồng',
    'Thuỷ',
    'Thúy',
    'Ngọc',
    'Bích',
    'Khánh',
    'Lộc',
    'Quốc',
    'Tuấn',
    'Hà',
    'Bình',
    'Tô',
    'Hoà',
    'Xuân',
    'Ánh',
    'Ân',
    'Ước',
    'Yến',
    'Nguyệt',
    'Khuê',
    'Giang',
    'Quỳnh',
    'Thư',
    'Mỹ',
    'Kỳ',
    'Sơn',
    'Hải',
  ];
  const names = fc
    .array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 5 })
    .chain((words) =>
      fc.constantFrom(
        words.join(' '),
        words.join(' ').toUpperCase(),
        words.join(' ').toLowerCase(),
      ),
    );

  it('never changes Unicode Vietnamese names', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(detectLegacyEncoding(name)).toBeNull();
        expect(toUnicodeVietnamese(name)).toBe(name);
      }),
    );
  });

  it.each<LegacyEncoding>(['tcvn3', 'vni'])(
    'never takes %s names for the other font, and reads them back when it finds them',
    (encoding) => {
      let found = 0;
      fc.assert(
        fc.property(names, (name) => {
          const legacy = unicodeToLegacy(name, encoding);
          const detected = detectLegacyEncoding(legacy);
          expect([encoding, null]).toContain(detected);
          if (detected === null) return;
          found += 1;
          expect(toUnicodeVietnamese(legacy).toLowerCase()).toBe(name.toLowerCase());
        }),
        { numRuns: 300 },
      );
      // Names whose legacy form is also plain Unicode ("Hà", "Bình") cannot be found, and a
      // few read as well in either font; most names are found.
      expect(found).toBeGreaterThan(150);
    },
  );

  it('gives up on a word that reads as well in either font', () => {
    // TCVN3 "Thö" is "Thử", VNI "Thö" is "Thư".
    expect(legacyToUnicode('Thö', 'tcvn3')).toBe('Thử');
    expect(legacyToUnicode('Thö', 'vni')).toBe('Thư');
    expect(detectLegacyEncoding('Thö')).toBeNull();
    expect(detectLegacyEncoding('Nguyeãn Thò Anh Thö')).toBe('vni');
  });
});

describe('toUnicodeVietnamese', () => {
  it('converts legacy text and leaves everything else as it is', () => {
    expect(toUnicodeVietnamese('TrÇn V¨n §øc')).toBe('Trần Văn Đức');
    expect(toUnicodeVietnamese('Traàn Vaên Ñöùc')).toBe('Trần Văn Đức');
    expect(toUnicodeVietnamese('Trần Văn Đức')).toBe('Trần Văn Đức');
    expect(toUnicodeVietnamese('Müller')).toBe('Müller');
  });
});

describe('legacyFontEncoding', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', uppercase: false }],
    ['.VnTimeH', { encoding: 'tcvn3', uppercase: true }],
    [' .VnArial NarrowH ', { encoding: 'tcvn3', uppercase: true }],
    ['.vnArial', { encoding: 'tcvn3', uppercase: false }],
    ['VNI-Times', { encoding: 'vni', uppercase: false }],
    ['VNI Helve', { encoding: 'vni', uppercase: false }],
    ['Times New Roman', null],
    ['Arial', null],
    ['Vni', null],
  ])('%j → %j', (font, expected) => {
    expect(legacyFontEncoding(font)).toEqual(expected);
  });
});
