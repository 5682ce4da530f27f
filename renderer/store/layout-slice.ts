// Screen layout the officer chose: where the scan/form split sits and how large the text is.
// Kept in localStorage: it belongs to the PC and its screen, not to the data.
import type { StateCreator } from 'zustand';

export interface LayoutSlice {
  /** Share of the width given to the scan, in percent. */
  splitPercent: number;
  /** Root font size in px. */
  textSize: number;
  setSplitPercent: (percent: number) => void;
  setTextSize: (size: number) => void;
}

export const SPLIT_LIMITS = { min: 25, max: 75 } as const;
export const TEXT_SIZES = { min: 12, max: 20, normal: 14 } as const;

const STORAGE_KEY = 'sohoa.layout';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function readStored(): { splitPercent: number; textSize: number } {
  const fallback = { splitPercent: 50, textSize: TEXT_SIZES.normal };
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    return {
      splitPercent:
        typeof stored.splitPercent === 'number'
          ? clamp(stored.splitPercent, SPLIT_LIMITS.min, SPLIT_LIMITS.max)
          : fallback.splitPercent,
      textSize:
        typeof stored.textSize === 'number'
          ? clamp(stored.textSize, TEXT_SIZES.min, TEXT_SIZES.max)
          : fallback.textSize,
    };
  } catch {
    return fallback;
  }
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = (set, get) => {
  const save = () => {
    const { splitPercent, textSize } = get();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ splitPercent, textSize }));
  };
  return {
    ...readStored(),
    setSplitPercent: (percent) => {
      set({ splitPercent: clamp(Math.round(percent), SPLIT_LIMITS.min, SPLIT_LIMITS.max) });
      save();
    },
    setTextSize: (size) => {
      set({ textSize: clamp(size, TEXT_SIZES.min, TEXT_SIZES.max) });
      save();
    },
  };
};
