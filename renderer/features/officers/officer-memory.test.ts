import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../db/session';
import type { Person } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { rememberSessionInWindow } from './officer-memory';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const officer = { id: 'o1', name: 'Nguyễn Thị Lan', role: 'entry', active: true } as Person;

beforeEach(() => {
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('localStorage', memoryStorage());
  useUiStore.getState().clearNotices();
});

describe('the window follows the session', () => {
  it('leaves none of an officer’s messages on screen once they lock or sign out', () => {
    const session = createSession();
    rememberSessionInWindow(session);
    session.signIn(officer);
    useUiStore.getState().notify('error', 'Không lưu được trường hợp số 4.');
    useUiStore.getState().notify('info', 'Đã gửi 3 trường hợp.');
    expect(useUiStore.getState().notices).toHaveLength(2);
    session.signOut();
    expect(useUiStore.getState().notices).toEqual([]);
    expect(sessionStorage.getItem('sohoa.officer')).toBeNull();
  });
});
