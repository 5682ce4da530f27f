import { describe, expect, it } from 'vitest';
import {
  assessStorage,
  CRITICAL_SPACE_BYTES,
  formatBytes,
  LOW_SPACE_BYTES,
} from './storage-health';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe('assessStorage', () => {
  it('counts what the browser still allows when the disk is not known (browser mode)', () => {
    expect(assessStorage({ usage: 2 * GB, quota: 30 * GB, diskFree: null })).toEqual({
      usage: 2 * GB,
      available: 28 * GB,
      level: 'ok',
    });
  });

  it('takes the smaller of the quota left and the free disk (desktop)', () => {
    const health = assessStorage({ usage: 1 * GB, quota: 60 * GB, diskFree: 700 * MB });
    expect(health.available).toBe(700 * MB);
    expect(health.level).toBe('low');
  });

  it('warns early, then loudly, as space runs out', () => {
    const at = (free: number) => assessStorage({ usage: 0, quota: free, diskFree: null }).level;
    expect(at(LOW_SPACE_BYTES)).toBe('ok');
    expect(at(LOW_SPACE_BYTES - 1)).toBe('low');
    expect(at(CRITICAL_SPACE_BYTES)).toBe('low');
    expect(at(CRITICAL_SPACE_BYTES - 1)).toBe('critical');
    expect(at(0)).toBe('critical');
    expect(LOW_SPACE_BYTES).toBeGreaterThan(CRITICAL_SPACE_BYTES);
  });

  it('never reports negative space when usage is over the quota', () => {
    expect(assessStorage({ usage: 5 * GB, quota: 4 * GB, diskFree: null })).toMatchObject({
      available: 0,
      level: 'critical',
    });
  });

  it('says unknown rather than guessing when nothing could be measured', () => {
    expect(assessStorage({ usage: null, quota: null, diskFree: null })).toEqual({
      usage: null,
      available: null,
      level: 'unknown',
    });
    expect(assessStorage({ usage: 3 * MB, quota: Number.NaN, diskFree: null }).level).toBe(
      'unknown',
    );
  });
});

describe('formatBytes', () => {
  it('writes sizes the way the officer reads them in Explorer', () => {
    expect(formatBytes(3.25 * GB, 'vi')).toBe('3,3 GB');
    expect(formatBytes(812 * MB, 'vi')).toBe('812 MB');
    expect(formatBytes(3.25 * GB, 'en')).toBe('3.3 GB');
    expect(formatBytes(0, 'vi')).toBe('0 byte');
  });
});
