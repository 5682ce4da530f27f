import { describe, expect, it, vi } from 'vitest';
import { createSession } from '../../db/session';
import type { Person } from '../../db/types';
import { lockWith } from './lock';

const officer: Person = { id: 'o1', name: 'Phạm Thị Hoa', role: 'entry', createdAt: 0 };

function signedIn() {
  const session = createSession();
  session.signIn(officer);
  return session;
}

describe('locking the screen', () => {
  it('signs the officer out only after every pending save is on disk', async () => {
    const session = signedIn();
    const steps: string[] = [];
    let finishSave: (ok: boolean) => void = () => undefined;
    const result = lockWith({
      session,
      flushAll: () =>
        new Promise<boolean>((resolve) => {
          steps.push('saving');
          finishSave = (ok) => {
            steps.push('saved');
            resolve(ok);
          };
        }),
      remember: (id) => steps.push(`remember ${id}`),
    });
    await Promise.resolve();
    expect(session.officer()).toEqual(officer);
    finishSave(true);
    expect(await result).toBe('locked');
    expect(steps).toEqual(['saving', 'saved', 'remember o1']);
    expect(session.officer()).toBeNull();
  });

  it('keeps the officer signed in when typing could not be saved', async () => {
    const session = signedIn();
    const remember = vi.fn();
    const result = await lockWith({ session, flushAll: () => Promise.resolve(false), remember });
    expect(result).toBe('not-saved');
    expect(session.officer()).toEqual(officer);
    expect(remember).not.toHaveBeenCalled();
  });

  it('does not sign out someone who signed in while the saves were running', async () => {
    const session = signedIn();
    const other: Person = { ...officer, id: 'o2', name: 'Lê Văn Nam' };
    const result = await lockWith({
      session,
      flushAll: () => {
        session.signIn(other);
        return Promise.resolve(true);
      },
      remember: vi.fn(),
    });
    expect(result).toBe('not-signed-in');
    expect(session.officer()).toEqual(other);
  });

  it('has nothing to lock when nobody is signed in', async () => {
    const flushAll = vi.fn(() => Promise.resolve(true));
    const result = await lockWith({ session: createSession(), flushAll, remember: vi.fn() });
    expect(result).toBe('not-signed-in');
    expect(flushAll).not.toHaveBeenCalled();
  });
});
