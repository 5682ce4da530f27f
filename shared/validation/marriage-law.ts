// The age of marriage by the Marriage and Family Law (Luật Hôn nhân và gia đình) in force on
// the registration date. A book records marriages as they were registered, so an entry is
// measured against its own law, not today's; an under-age spouse is a warning, never a refusal.
import { ageBounds, compareDates, type PartialDate } from '../text/dates';

export interface MarriageLaw {
  /** The year the law is known by ("Luật Hôn nhân và gia đình năm 2014"). */
  law: string;
  /** First day it governed registrations. */
  from: { year: number; month: number; day: number };
  /** Minimum age in years, as the law words it. */
  male: number;
  female: number;
  /**
   * How the age is counted. 'completed': the birthday must have been reached ("từ đủ 20
   * tuổi"). 'entered': being in that year of life is enough ("từ 20 tuổi trở lên", read by
   * the Supreme People's Court as "đã bước sang tuổi 20"), so one year less completed.
   */
  counting: 'completed' | 'entered';
}

/**
 * Oldest first. The 2000 law's reading is Nghị quyết 02/2000/NQ-HĐTP; the 2014 law says "từ
 * đủ" itself. The 1959 and 1986 laws word the age like the 2000 law, but no reading of them is
 * confirmed here, so they are counted strictly (birthday reached), which can only warn more.
 */
export const marriageLaws: readonly MarriageLaw[] = [
  {
    law: '1959',
    from: { year: 1960, month: 1, day: 13 },
    male: 20,
    female: 18,
    counting: 'completed',
  },
  {
    law: '1986',
    from: { year: 1987, month: 1, day: 3 },
    male: 20,
    female: 18,
    counting: 'completed',
  },
  {
    law: '2000',
    from: { year: 2001, month: 1, day: 1 },
    male: 20,
    female: 18,
    counting: 'entered',
  },
  {
    law: '2014',
    from: { year: 2015, month: 1, day: 1 },
    male: 20,
    female: 18,
    counting: 'completed',
  },
];

/**
 * The law in force on a registration date; undefined before the first one. A partial date
 * ("2015") counts as on or after a law that starts within it.
 */
export function marriageLawOn(
  date: PartialDate,
  laws: readonly MarriageLaw[] = marriageLaws,
): MarriageLaw | undefined {
  let found: MarriageLaw | undefined;
  for (const law of laws) if (compareDates(date, law.from) >= 0) found = law;
  return found;
}

export interface UnderMarriageAge {
  law: string;
  /** The legal age as the law words it. */
  years: number;
  /** The spouse's completed years, the most the dates allow. */
  age: number;
}

/**
 * Whether a spouse was under the age of marriage on the registration date: only when every
 * reading of partial dates is under age, and never for a birth after the registration (that is
 * the date-order rule's business).
 */
export function underMarriageAge(
  birth: PartialDate,
  registered: PartialDate,
  sex: 'male' | 'female',
  laws: readonly MarriageLaw[] = marriageLaws,
): UnderMarriageAge | null {
  const law = marriageLawOn(registered, laws);
  if (!law) return null;
  const years = sex === 'male' ? law.male : law.female;
  const least = law.counting === 'completed' ? years : years - 1;
  const { max } = ageBounds(birth, registered);
  if (max >= 0 && max < least) return { law: law.law, years, age: max };
  return null;
}
