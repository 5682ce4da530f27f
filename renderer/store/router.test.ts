import { describe, expect, it } from 'vitest';
import { parseHash, routeToHash, type Route } from './router';

describe('hash routes', () => {
  it('round-trips every screen so a reload reopens it', () => {
    const routes: Route[] = [
      { name: 'books' },
      { name: 'book', bookId: 'b-1' },
      { name: 'entry', bookId: 'b-1', entryId: 'e/2' },
      { name: 'review', bookId: 'b-1' },
      { name: 'history', bookId: 'b-1', entryId: 'e/2' },
      { name: 'stats' },
    ];
    for (const route of routes) expect(parseHash(routeToHash(route))).toEqual(route);
  });

  it('falls back to the book list for unknown locations', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'books' });
    expect(parseHash('')).toEqual({ name: 'books' });
    expect(parseHash('#/books/')).toEqual({ name: 'books' });
  });
});
