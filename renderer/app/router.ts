// Location lives in the URL hash so a reload, a crash or a restart reopens the same screen.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'books' }
  | { name: 'book'; bookId: string }
  | { name: 'entry'; bookId: string; entryId: string };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'books' && parts[1]) {
    if (parts[2] === 'entries' && parts[3]) {
      return { name: 'entry', bookId: parts[1], entryId: parts[3] };
    }
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
  }
}

export function navigate(route: Route): void {
  const hash = routeToHash(route);
  if (window.location.hash === hash) return;
  // Setting location.hash lets Chromium deliver hashchange only tens of ms later (it goes
  // through a navigation); pushState changes the address at once, and screens follow now.
  const oldURL = window.location.href;
  window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
