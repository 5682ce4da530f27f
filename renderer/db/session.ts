// Who is at the keyboard. The repositories read it for every write: the trail names the officer,
// and actions their role does not allow are refused in the data layer itself.
import type { Person } from './types';

export interface Session {
  officer(): Person | null;
  signIn(officer: Person): void;
  signOut(): void;
  subscribe(listener: () => void): () => void;
}

export function createSession(): Session {
  let current: Person | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    officer: () => current,
    signIn(officer) {
      current = officer;
      notify();
    },
    signOut() {
      current = null;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
