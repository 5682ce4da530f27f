// Location lives in the URL hash so a reload, a crash or a restart reopens the same screen.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'books' }
  | { name: 'book'; bookId: string }
  | { name: 'entry'; bookId: string; entryId: string }
  | { name: 'review'; bookId: string }
  | { name: 'history'; bookId: string; entryId: string }
  | { name: 'stats' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'stats') return { name: 'stats' };
  if (parts[0] === 'books' && parts[1]) {
    if (parts[2] === 'entries' && parts[3]) {
      if (parts[4] === 'history') return { name: 'history', bookId: parts[1], entryId: parts[3] };
      return { name: 'entry', bookId: parts[1], entryId: parts[3] };
    }
    if (parts[2] === 'review') return { name: 'review', bookId: parts[1] };
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
    case 'history':
      return `#/books/${encodeURIComponent(route.bookId)}/entries/${encodeURIComponent(route.entryId)}/history`;
    case 'stats':
      return '#/stats';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeToHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
