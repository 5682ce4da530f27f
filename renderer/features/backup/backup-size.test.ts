import { describe, expect, it } from 'vitest';
import { DISK_MARGIN_BYTES, SCANS_FIT_BYTES, planScans } from './backup-size';

const MB = 1024 * 1024;

describe('planScans', () => {
  it('keeps scans that fit the limit and the disk', () => {
    expect(planScans({ scanBytes: 300 * MB, entries: 2000, freeBytes: 10_000 * MB })).toEqual({
      withScans: true,
    });
    expect(planScans({ scanBytes: 300 * MB, entries: 2000, freeBytes: null })).toEqual({
      withScans: true,
    });
  });

  it('leaves out scans over the limit, saying why', () => {
    expect(planScans({ scanBytes: SCANS_FIT_BYTES + 1, entries: 10, freeBytes: null })).toEqual({
      withScans: false,
      reason: 'too-big',
      scanBytes: SCANS_FIT_BYTES + 1,
    });
  });

  it('leaves out scans the disk has no room for (the file, its copy, and a margin)', () => {
    const scanBytes = 100 * MB;
    const enough = 2 * (scanBytes + 10 * 4096) + DISK_MARGIN_BYTES;
    expect(planScans({ scanBytes, entries: 10, freeBytes: enough }).withScans).toBe(true);
    expect(planScans({ scanBytes, entries: 10, freeBytes: enough - 1 })).toEqual({
      withScans: false,
      reason: 'no-room',
      scanBytes,
    });
  });
});
