// The rows of keying time (the operator statistics' measure of speed), apart from the entries'
// own rows in row-schemas.ts; declared in tables.ts like every other table.
import { z } from 'zod';
import { keyingPasses } from '../../shared/keying/keying-time';

/**
 * Time and keystrokes an officer spent keying one book on one day, in one pass (first keying,
 * second keying, arbitration): what the operator statistics measure speed by. Added to in
 * batches while the officer types; the paused seconds (locked or idle) are inside the total.
 */
export const keyingTimeRow = z.looseObject({
  /** officerId|bookId|day|pass: one row per slot, added to as the work goes on. */
  id: z.string().min(1),
  officerId: z.string(),
  bookId: z.string().min(1),
  /** YYYY-MM-DD, local time. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  pass: z.enum(keyingPasses),
  keystrokes: z.number().int().nonnegative(),
  totalSeconds: z.number().nonnegative(),
  pausedSeconds: z.number().nonnegative(),
  fieldsKeyed: z.number().int().nonnegative(),
  updatedAt: z.number().finite(),
});
