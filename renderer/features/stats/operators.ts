// Operator statistics as CSPro's data-entry reports count them, from the keying time rows and
// the arbitrations: keystrokes per hour over the time actually keyed, errors per 1,000
// keystrokes, fields verified, and the first keyer's errors apart from the verifier's.
// Pure: the screen reads the rows and hands them over.
import { localDayOf } from '../../../shared/keying/keying-time';
import {
  errorsPerThousandKeystrokes,
  keystrokesPerHour,
  verificationCounts,
} from '../../../shared/keying/operator-stats';
import type { Arbitration, KeyingTime } from '../../db/types';

export interface OperatorLine {
  /** What the line is about: an officer's id, a book's id, a day, or a combination. */
  key: string;
  officerId: string | null;
  bookId: string | null;
  day: string | null;
  keystrokes: number;
  totalSeconds: number;
  pausedSeconds: number;
  fieldsKeyed: number;
  /** Keystrokes × 3600 / (total − paused seconds); null before any time was keyed. */
  perHour: number | null;
  /** Fields this officer (as the second keyer) verified against the first keying. */
  fieldsVerified: number;
  /** Fields the arbitrator found wrong in the first keying. */
  keyerErrors: number;
  /** Fields the arbitrator found wrong in the second keying (the verifier's). */
  verifierErrors: number;
  /** Both kinds of error per 1,000 keystrokes of the first and second keying. */
  errorsPerThousand: number | null;
}

export type Grouping = 'officer' | 'book' | 'day' | 'officerDay';

interface Where {
  officerId: string;
  bookId: string;
  day: string;
}

function keyOf(grouping: Grouping, where: Where): string {
  if (grouping === 'officer') return where.officerId;
  if (grouping === 'book') return where.bookId;
  if (grouping === 'day') return where.day;
  return `${where.officerId}|${where.day}`;
}

/**
 * One line per officer, book, day, or officer and day. Errors count on the day the entry was
 * arbitrated. With `onlyOfficerId` (a keyer looking at their own numbers) everything else is
 * left out, the other officers' errors in the same arbitrations included.
 */
export function operatorLines(
  times: readonly KeyingTime[],
  arbitrations: readonly Arbitration[],
  grouping: Grouping,
  onlyOfficerId: string | null = null,
  dayOf = localDayOf,
): OperatorLine[] {
  const lines = new Map<string, OperatorLine & { keyingKeystrokes: number }>();
  const lineAt = (where: Where) => {
    const key = keyOf(grouping, where);
    let line = lines.get(key);
    if (!line) {
      line = {
        key,
        officerId: grouping === 'officer' || grouping === 'officerDay' ? where.officerId : null,
        bookId: grouping === 'book' ? where.bookId : null,
        day: grouping === 'day' || grouping === 'officerDay' ? where.day : null,
        keystrokes: 0,
        totalSeconds: 0,
        pausedSeconds: 0,
        fieldsKeyed: 0,
        perHour: null,
        fieldsVerified: 0,
        keyerErrors: 0,
        verifierErrors: 0,
        errorsPerThousand: null,
        keyingKeystrokes: 0,
      };
      lines.set(key, line);
    }
    return line;
  };
  const shown = (officerId: string) => onlyOfficerId === null || officerId === onlyOfficerId;

  for (const time of times) {
    if (!shown(time.officerId)) continue;
    const line = lineAt(time);
    line.keystrokes += time.keystrokes;
    line.totalSeconds += time.totalSeconds;
    line.pausedSeconds += time.pausedSeconds;
    line.fieldsKeyed += time.fieldsKeyed;
    if (time.pass !== 'arbitration') line.keyingKeystrokes += time.keystrokes;
  }
  for (const arbitration of arbitrations) {
    const counts = verificationCounts(arbitration.fieldsVerified, arbitration.blames);
    const day = dayOf(arbitration.at);
    if (shown(arbitration.keyerA)) {
      const line = lineAt({ officerId: arbitration.keyerA, bookId: arbitration.bookId, day });
      line.keyerErrors += counts.keyerErrors;
    }
    if (shown(arbitration.keyerB)) {
      const line = lineAt({ officerId: arbitration.keyerB, bookId: arbitration.bookId, day });
      line.verifierErrors += counts.verifierErrors;
      line.fieldsVerified += counts.fieldsVerified;
    }
  }
  return [...lines.values()]
    .map(({ keyingKeystrokes, ...line }) => ({
      ...line,
      perHour: keystrokesPerHour(line),
      errorsPerThousand: errorsPerThousandKeystrokes(
        line.keyerErrors + line.verifierErrors,
        keyingKeystrokes,
      ),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
