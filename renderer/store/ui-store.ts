// The one UI store: view state that is not data (data lives in Dexie and is read with
// useLiveQuery). Slices keep unrelated concerns apart.
import { create } from 'zustand';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';

export interface ViewerSlice {
  zoom: number;
  /** Page shown per book, by page id, so returning to a book shows the same page. */
  pageByBook: Record<string, string>;
  setZoom: (zoom: number) => void;
  showPage: (bookId: string, pageId: string) => void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

/** Confirmations fade on their own; errors stay until the officer closes them. */
export const INFO_NOTICE_MS = 6000;

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

let noticeSeq = 0;

export const useUiStore = create<ViewerSlice & NoticeSlice & LayoutSlice>()((set, get, api) => ({
  ...createLayoutSlice(set, get, api),
  zoom: 1,
  pageByBook: {},
  setZoom: (zoom) => set({ zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) }),
  showPage: (bookId, pageId) =>
    set((state) => ({ pageByBook: { ...state.pageByBook, [bookId]: pageId } })),
  notices: [],
  notify: (kind, text) => {
    const id = ++noticeSeq;
    set((state) => ({ notices: [...state.notices, { id, kind, text }] }));
    if (kind === 'info') setTimeout(() => get().dismiss(id), INFO_NOTICE_MS);
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
