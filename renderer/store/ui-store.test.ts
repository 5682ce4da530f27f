import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INFO_NOTICE_MS, MAX_ZOOM, MIN_ZOOM, useUiStore } from './ui-store';

beforeEach(() => {
  vi.useFakeTimers();
  useUiStore.setState({ notices: [], zoom: 1, pageByBook: {} });
});
afterEach(() => vi.useRealTimers());

describe('notices', () => {
  it('lets confirmations fade but keeps errors until closed', () => {
    const { notify } = useUiStore.getState();
    notify('info', 'Đã nhập «so.pdf»: 3 trang.');
    notify('error', 'Tệp «rong.pdf» rỗng (0 byte).');
    vi.advanceTimersByTime(INFO_NOTICE_MS + 1);
    const left = useUiStore.getState().notices;
    expect(left.map((n) => n.kind)).toEqual(['error']);
    useUiStore.getState().dismiss(left[0]!.id);
    expect(useUiStore.getState().notices).toEqual([]);
  });
});

describe('viewer', () => {
  it('keeps zoom within readable limits and remembers the page per book', () => {
    const state = useUiStore.getState();
    state.setZoom(100);
    expect(useUiStore.getState().zoom).toBe(MAX_ZOOM);
    state.setZoom(0);
    expect(useUiStore.getState().zoom).toBe(MIN_ZOOM);
    state.showPage('b1', 'p2');
    state.showPage('b2', 'p9');
    expect(useUiStore.getState().pageByBook).toEqual({ b1: 'p2', b2: 'p9' });
  });
});
