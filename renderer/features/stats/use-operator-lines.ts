// The operator statistics of whoever is signed in: everyone's for a supervisor, their own for a
// keyer (the query leaves the rest out), per officer, book, day, and officer and day.
import { statsReads, useLiveQuery } from '../../db/reads';
import { useOfficer } from '../officers';
import { operatorLines, type OperatorLine } from './operators';

export interface OperatorView {
  byOfficer: OperatorLine[];
  byBook: OperatorLine[];
  byDay: OperatorLine[];
  byOfficerDay: OperatorLine[];
  /** A keyer sees only their own numbers. */
  onlyOwn: boolean;
  /** The keyer whose numbers alone are shown; null for a supervisor, who sees everyone's. */
  ownerId: string | null;
}

export function useOperatorLines(): OperatorView | undefined {
  const viewerId = useOfficer()?.id ?? null;
  const sources = useLiveQuery(() => statsReads.operatorSources(viewerId), [viewerId]);
  if (!sources) return undefined;
  const { times, arbitrations, onlyOfficerId } = sources;
  const lines = (grouping: Parameters<typeof operatorLines>[2]) =>
    operatorLines(times, arbitrations, grouping, onlyOfficerId);
  return {
    byOfficer: lines('officer'),
    byBook: lines('book'),
    byDay: lines('day').reverse(),
    byOfficerDay: lines('officerDay'),
    onlyOwn: onlyOfficerId !== null,
    ownerId: onlyOfficerId,
  };
}
