// Location lives in the URL hash so a reload, a crash or a restart reopens the same screen.
import { useSyncExternalStore } from 'react';
import { afterPaint } from './after-paint';

export type Route =
  | { name: 'books' }
  | { name: 'book'; bookId: string }
  | { name: 'entry'; bookId: string; entryId: string }
  | { name: 'review'; bookId: string }
  | { name: 'keying'; bookId: string; entryId: string | null }
  | { name: 'arbitration'; bookId: string }
  | { name: 'history'; bookId: string; entryId: string }
  | { name: 'stats' }
  | { name: 'reconcile' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'stats') return { name: 'stats' };
  if (parts[0] === 'reconcile') return { name: 'reconcile' };
  if (parts[0] === 'books' && parts[1]) {
    if (parts[2] === 'entries' && parts[3]) {
      if (parts[4] === 'history') return { name: 'history', bookId: parts[1], entryId: parts[3] };
      return { name: 'entry', bookId: parts[1], entryId: parts[3] };
    }
    if (parts[2] === 'review') return { name: 'review', bookId: parts[1] };
    if (parts[2] === 'keying')
      return { name: 'keying', bookId: parts[1], entryId: parts[3] ?? null };
    if (parts[2] === 'arbitration') return { name: 'arbitration', bookId: parts[1] };
    return { name: 'book', bookId: parts[1] };
  }
  return { name: 'books' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'books':
      return '#/';
    case 'book':
      return `#/books/${encodeURIComponent(route.bookId)}`;
    case 'entry':
      return `#/books/${encodeURIComponent(route.bookId)}/entries/${encodeURIComponent(route.entryId)}`;
    case 'review':
      return `#/books/${encodeURIComponent(route.bookId)}/review`;
    case 'keying':
      return `#/books/${encodeURIComponent(route.bookId)}/keying${
        route.entryId ? `/${encodeURIComponent(route.entryId)}` : ''
      }`;
    case 'arbitration':
      return `#/books/${encodeURIComponent(route.bookId)}/arbitration`;
    case 'history':
      return `#/books/${encodeURIComponent(route.bookId)}/entries/${encodeURIComponent(route.entryId)}/history`;
    case 'stats':
      return '#/stats';
    case 'reconcile':
      return '#/reconcile';
  }
}

// The screen follows navigate() at once; the address bar a frame later, because writing it
// costs milliseconds (pushState reaches the browser process) that typing should not wait for.
let pendingHash: string | null = null;
const listeners = new Set<() => void>();

/** The address of the screen shown, even before the address bar has caught up. */
export function currentHash(): string {
  return pendingHash ?? window.location.hash;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function onAddressChange(): void {
  // Back, forward or a typed address: the browser's location wins over one not yet written.
  pendingHash = null;
  notify();
}

export function navigate(route: Route): void {
  const hash = routeToHash(route);
  if (currentHash() === hash) return;
  pendingHash = hash;
  notify();
  afterPaint(() => {
    // A later navigate writes its own address; this one was only passed through.
    if (pendingHash !== hash) return;
    pendingHash = null;
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
  });
}

/** Calls `onChange` whenever the screen changes, by navigate() or by the address bar. */
export function subscribeToRoute(onChange: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', onAddressChange);
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onAddressChange);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToRoute, currentHash);
  return parseHash(hash);
}
