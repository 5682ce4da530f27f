import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { translations } from '../../locales/resources';
import { explainWriteError, withExplainedError } from './explain-write-error';

const storage = translations.vi.storage as Record<string, string>;
const t = (key: string) => storage[key.replace('storage.', '')] ?? key;
const full = () =>
  new Dexie.AbortError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

describe('explainWriteError', () => {
  it('says a full disk in Vietnamese, with what to do', () => {
    expect(explainWriteError(full(), t)).toMatch(/^Ổ đĩa đã đầy.*Hãy /);
  });

  it('keeps the technical text of other failures for the supervisor', () => {
    expect(explainWriteError(new Error('Book b1 not found'), t)).toBe('Error: Book b1 not found');
  });
});

describe('withExplainedError', () => {
  it('replaces a full-disk failure by the explanation, keeping the cause', async () => {
    const failure = await Promise.reject(full())
      .catch(withExplainedError(t))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Ổ đĩa đã đầy/);
    expect((failure as Error).cause).toBeInstanceOf(Dexie.AbortError);
  });

  it('passes other failures through untouched', async () => {
    const original = new Error('decode failed');
    await expect(Promise.reject(original).catch(withExplainedError(t))).rejects.toBe(original);
  });
});
