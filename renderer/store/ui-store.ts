// The one UI store: view state that is not data (data lives in Dexie and is read with
// useLiveQuery). Slices keep unrelated concerns apart.
import { create } from 'zustand';
import { DEFAULT_VIEW, type ViewSettings } from './view-settings';
import { createStorageSlice, type StorageSlice } from './storage-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';

export interface ViewerSlice {
  /** Page shown per book, by page id, so returning to a book shows the same page. */
  pageByBook: Record<string, string>;
  /** How each book's scan is shown; absent until read back from disk or first changed. */
  viewByBook: Record<string, ViewSettings>;
  /**
   * A screen's own view of a book's scan (the arbitration zooms to each entry's box), shown
   * instead of the book's while that screen is open. Changes go to it; it is never saved, so
   * the book opens as the officer set it for typing, even after a restart on that screen.
   */
  ownViewByBook: Record<string, ViewSettings>;
  /**
   * The zoom the viewer shows now, per book. A fit mode decides it from the window size, which
   * only the viewer knows; keys pressed in the form step from it.
   */
  shownZoomByBook: Record<string, number>;
  /** Straightening of a crooked scan, in degrees per page: for this session only. */
  tiltByPage: Record<string, number>;
  /** The entry whose region the officer is drawing, if any. */
  drawingRegionFor: string | null;
  showPage: (bookId: string, pageId: string) => void;
  updateView: (bookId: string, change: (view: ViewSettings) => ViewSettings) => void;
  /** Settings read from disk; ignored when the officer already changed something this session. */
  restoreView: (bookId: string, view: ViewSettings) => void;
  /** Shows the book's scan in a screen's own view, starting from what is shown now. */
  setOwnView: (bookId: string, change: (view: ViewSettings) => ViewSettings) => void;
  /** Back to the book's own view, as it was before. */
  endOwnView: (bookId: string) => void;
  setShownZoom: (bookId: string, zoom: number) => void;
  tilt: (pageId: string, degrees: number) => void;
  resetTilt: (pageId: string) => void;
  setDrawingRegion: (entryId: string | null) => void;
}

/** What the viewer shows for a book: a screen's own view while it is open, else the book's. */
export function viewOf(
  state: Pick<ViewerSlice, 'viewByBook' | 'ownViewByBook'>,
  bookId: string,
): ViewSettings {
  return state.ownViewByBook[bookId] ?? state.viewByBook[bookId] ?? DEFAULT_VIEW;
}

/** Fine rotation is for slightly crooked scans; more than this is a wrong 90° turn. */
export const MAX_TILT = 10;
export const TILT_STEP = 0.5;

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** How many times the same message was given while it was shown. */
  count: number;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
  /** Another officer takes the screen (sign-out, lock): the last one's messages are not theirs. */
  clearNotices: () => void;
}

/** Confirmations fade on their own, errors after long enough to be read. */
export const INFO_NOTICE_MS = 6000;
export const ERROR_NOTICE_MS = 60_000;
/** Shown at once; older ones wait behind a "more" line instead of covering the form. */
export const MAX_NOTICES_SHOWN = 3;

const noticeTimers = new Map<number, ReturnType<typeof setTimeout>>();

let noticeSeq = 0;

type UiState = ViewerSlice & NoticeSlice & LayoutSlice & StorageSlice;

export const useUiStore = create<UiState>()((set, get, api) => ({
  ...createLayoutSlice(set, get, api),
  ...createStorageSlice(set, get, api),
  pageByBook: {},
  viewByBook: {},
  ownViewByBook: {},
  shownZoomByBook: {},
  tiltByPage: {},
  drawingRegionFor: null,
  showPage: (bookId, pageId) =>
    set((state) => ({ pageByBook: { ...state.pageByBook, [bookId]: pageId } })),
  updateView: (bookId, change) =>
    set((state) =>
      state.ownViewByBook[bookId]
        ? { ownViewByBook: { ...state.ownViewByBook, [bookId]: change(viewOf(state, bookId)) } }
        : { viewByBook: { ...state.viewByBook, [bookId]: change(viewOf(state, bookId)) } },
    ),
  restoreView: (bookId, view) =>
    set((state) =>
      state.viewByBook[bookId] ? {} : { viewByBook: { ...state.viewByBook, [bookId]: view } },
    ),
  setOwnView: (bookId, change) =>
    set((state) => ({
      ownViewByBook: { ...state.ownViewByBook, [bookId]: change(viewOf(state, bookId)) },
    })),
  endOwnView: (bookId) =>
    set((state) => {
      if (!state.ownViewByBook[bookId]) return {};
      const rest = { ...state.ownViewByBook };
      delete rest[bookId];
      return { ownViewByBook: rest };
    }),
  setShownZoom: (bookId, zoom) =>
    set((state) =>
      state.shownZoomByBook[bookId] === zoom
        ? {}
        : { shownZoomByBook: { ...state.shownZoomByBook, [bookId]: zoom } },
    ),
  tilt: (pageId, degrees) =>
    set((state) => {
      const next = Math.min(
        MAX_TILT,
        Math.max(-MAX_TILT, (state.tiltByPage[pageId] ?? 0) + degrees),
      );
      // Rounded so repeated half-degree steps come back to exactly 0.
      return { tiltByPage: { ...state.tiltByPage, [pageId]: Math.round(next * 10) / 10 } };
    }),
  resetTilt: (pageId) =>
    set((state) => {
      const rest = { ...state.tiltByPage };
      delete rest[pageId];
      return { tiltByPage: rest };
    }),
  setDrawingRegion: (entryId) => set({ drawingRegionFor: entryId }),
  notices: [],
  notify: (kind, text) => {
    // The same message again (a save retried, a file picked twice) counts up instead of
    // stacking another copy over the form.
    const same = get().notices.find((notice) => notice.kind === kind && notice.text === text);
    const id = same?.id ?? ++noticeSeq;
    set((state) => ({
      notices: [
        ...state.notices.filter((notice) => notice.id !== id),
        { id, kind, text, count: (same?.count ?? 0) + 1 },
      ],
    }));
    clearTimeout(noticeTimers.get(id));
    noticeTimers.set(
      id,
      setTimeout(() => get().dismiss(id), kind === 'info' ? INFO_NOTICE_MS : ERROR_NOTICE_MS),
    );
  },
  dismiss: (id) => {
    clearTimeout(noticeTimers.get(id));
    noticeTimers.delete(id);
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
  clearNotices: () => {
    for (const timer of noticeTimers.values()) clearTimeout(timer);
    noticeTimers.clear();
    set({ notices: [] });
  },
}));
