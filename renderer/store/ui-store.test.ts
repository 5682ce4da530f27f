import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW } from './view-settings';
import { ERROR_NOTICE_MS, INFO_NOTICE_MS, MAX_TILT, useUiStore, viewOf } from './ui-store';

beforeEach(() => {
  vi.useFakeTimers();
  useUiStore.setState({
    notices: [],
    pageByBook: {},
    viewByBook: {},
    ownViewByBook: {},
    tiltByPage: {},
  });
});
afterEach(() => vi.useRealTimers());

describe('notices', () => {
  it('lets confirmations fade soon and errors once they had time to be read', () => {
    const { notify } = useUiStore.getState();
    notify('info', 'Đã nhập «so.pdf»: 3 trang.');
    notify('error', 'Tệp «rong.pdf» rỗng (0 byte).');
    vi.advanceTimersByTime(INFO_NOTICE_MS + 1);
    const left = useUiStore.getState().notices;
    expect(left.map((n) => n.kind)).toEqual(['error']);
    vi.advanceTimersByTime(ERROR_NOTICE_MS - INFO_NOTICE_MS);
    expect(useUiStore.getState().notices).toEqual([]);
    notify('error', 'Tệp «rong.pdf» rỗng (0 byte).');
    useUiStore.getState().dismiss(useUiStore.getState().notices[0]!.id);
    expect(useUiStore.getState().notices).toEqual([]);
  });

  it('counts a message given again instead of stacking a copy, and keeps it up longer', () => {
    const { notify } = useUiStore.getState();
    notify('info', 'Đã lưu.');
    vi.advanceTimersByTime(INFO_NOTICE_MS - 1000);
    notify('info', 'Đã lưu.');
    vi.advanceTimersByTime(2000);
    expect(useUiStore.getState().notices).toMatchObject([{ text: 'Đã lưu.', count: 2 }]);
  });

  it('clears every message for the next officer', () => {
    const { notify } = useUiStore.getState();
    notify('error', 'Không lưu được.');
    notify('info', 'Đã gửi rà soát.');
    useUiStore.getState().clearNotices();
    expect(useUiStore.getState().notices).toEqual([]);
    vi.advanceTimersByTime(ERROR_NOTICE_MS);
    expect(useUiStore.getState().notices).toEqual([]);
  });
});

describe('viewer', () => {
  it('remembers the page and the view settings per book', () => {
    const state = useUiStore.getState();
    state.showPage('b1', 'p2');
    state.showPage('b2', 'p9');
    expect(useUiStore.getState().pageByBook).toEqual({ b1: 'p2', b2: 'p9' });
    state.updateView('b1', (view) => ({ ...view, invert: true }));
    expect(viewOf(useUiStore.getState(), 'b1').invert).toBe(true);
    expect(viewOf(useUiStore.getState(), 'b2')).toBe(DEFAULT_VIEW);
  });

  it("shows a screen's own view over the book's, takes its changes, then gives the book's back", () => {
    const state = useUiStore.getState();
    state.updateView('b1', (view) => ({ ...view, fit: 'page', contrast: 1.6 }));
    const bookView = viewOf(useUiStore.getState(), 'b1');
    state.setOwnView('b1', (view) => ({ ...view, fit: 'none', zoom: 2.5 }));
    expect(viewOf(useUiStore.getState(), 'b1')).toMatchObject({
      fit: 'none',
      zoom: 2.5,
      contrast: 1.6,
    });
    state.updateView('b1', (view) => ({ ...view, invert: true }));
    expect(viewOf(useUiStore.getState(), 'b1').invert).toBe(true);
    // What is saved for the book is its own view: none of the screen's changes.
    expect(useUiStore.getState().viewByBook.b1).toBe(bookView);
    state.endOwnView('b1');
    expect(viewOf(useUiStore.getState(), 'b1')).toBe(bookView);
  });

  it('lets settings read from disk lose to what the officer already changed', () => {
    const state = useUiStore.getState();
    state.restoreView('b1', { ...DEFAULT_VIEW, grayscale: true });
    expect(viewOf(useUiStore.getState(), 'b1').grayscale).toBe(true);
    state.updateView('b2', (view) => ({ ...view, invert: true }));
    state.restoreView('b2', { ...DEFAULT_VIEW, grayscale: true });
    expect(viewOf(useUiStore.getState(), 'b2')).toMatchObject({ invert: true, grayscale: false });
  });

  it('keeps fine rotation small and lets half steps come back to exactly level', () => {
    const state = useUiStore.getState();
    for (let i = 0; i < 3; i++) state.tilt('p1', 0.5);
    for (let i = 0; i < 3; i++) state.tilt('p1', -0.5);
    expect(useUiStore.getState().tiltByPage.p1).toBe(0);
    state.tilt('p1', 100);
    expect(useUiStore.getState().tiltByPage.p1).toBe(MAX_TILT);
  });
});
