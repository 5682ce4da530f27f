// Which fields say who an entry is about, per register type, as data: the linker reads these
// and nothing else about a template. Parents' (or a spouse's) names count as "relatives".
import type { RegisterTypeCode } from '../registers/types';

export interface LinkProfile {
  /** The person the entry is about. */
  name: string;
  birth?: string;
  sex?: string;
  /** Names of the people around them (mother, father, spouse, parent); mother first. */
  relatives: string[];
  place?: string;
  /** Another date that tells the event apart (death). */
  eventDate?: string;
}

const profiles: Partial<Record<RegisterTypeCode, LinkProfile>> = {
  KS: {
    name: 'nksHoTen',
    birth: 'nksNgaySinh',
    sex: 'nksGioiTinh',
    relatives: ['meHoTen', 'chaHoTen'],
    place: 'nksNoiSinh',
  },
  KT: {
    name: 'nktHoTen',
    birth: 'nktNgaySinh',
    sex: 'nktGioiTinh',
    relatives: [],
    place: 'nktNoiChet',
    eventDate: 'nktNgayChet',
  },
  KH: { name: 'chongHoTen', birth: 'chongNgaySinh', relatives: ['voHoTen'] },
  HN: { name: 'nxnHoTen', birth: 'nxnNgaySinh', sex: 'nxnGioiTinh', relatives: [] },
  CMC: { name: 'ncHoTen', birth: 'ncNgaySinh', relatives: ['cmHoTen'] },
};

/** The profile of a register type; books the Ministry does not take yet use their subject. */
export function profileOf(type: RegisterTypeCode): LinkProfile {
  return profiles[type] ?? { name: 'ntdHoTen', birth: 'ntdNgaySinh', relatives: [] };
}
