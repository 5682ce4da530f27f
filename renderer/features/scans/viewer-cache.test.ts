import { describe, expect, it } from 'vitest';
import { LruCache } from './viewer-cache';

describe('LRU cache of rendered pages', () => {
  it('drops the least recently used entry and frees it', () => {
    const freed: string[] = [];
    const cache = new LruCache<string, string>({ maxEntries: 2, onEvict: (v) => freed.push(v) });
    cache.set('p1', 'bitmap 1');
    cache.set('p2', 'bitmap 2');
    expect(cache.get('p1')).toBe('bitmap 1');
    cache.set('p3', 'bitmap 3');
    expect(cache.has('p2')).toBe(false);
    expect(cache.has('p1')).toBe(true);
    expect(freed).toEqual(['bitmap 2']);
  });

  it('stays within a pixel budget but always keeps the newest page', () => {
    const freed: number[] = [];
    const cache = new LruCache<string, number>({
      maxEntries: 10,
      maxCost: 100,
      costOf: (pixels) => pixels,
      onEvict: (pixels) => freed.push(pixels),
    });
    cache.set('a', 40);
    cache.set('b', 40);
    cache.set('c', 40);
    expect(cache.has('a')).toBe(false);
    expect(cache.cost).toBe(80);
    cache.set('huge', 500);
    expect(cache.size).toBe(1);
    expect(cache.get('huge')).toBe(500);
    expect(freed).toEqual([40, 40, 40]);
  });

  it('frees a replaced value, but not when the same value is stored again', () => {
    const freed: string[] = [];
    const cache = new LruCache<string, string>({ maxEntries: 3, onEvict: (v) => freed.push(v) });
    cache.set('p1', 'old');
    cache.set('p1', 'new');
    cache.set('p1', 'new');
    expect(freed).toEqual(['old']);
    cache.clear();
    expect(freed).toEqual(['old', 'new']);
    expect(cache.size).toBe(0);
  });
});
