// A stand-in for the desktop shell, so the renderer's desktop path (window.sohoa present) can
// be driven in Chromium. It follows the main process's rules for officers and the session
// (electron/ipc/officers.ts, tested there); its state lives in the tab's sessionStorage under
// its own key, so, like the main process, it outlives a reload of the page. Files and backups
// are refused or ignored: these tests are about who is signed in.
import type { Page } from '@playwright/test';

export const FAKE_MAIN_KEY = 'e2e.fakeMain';

export async function installFakeDesktop(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    interface Officer {
      id: string;
      name: string;
      role: string;
      active: boolean;
      pin?: { salt: string; hash: string };
    }
    interface State {
      officers: Officer[];
      failures: Record<string, number>;
      session: { token: string; officerId: string; role: string; since: number } | null;
      heads: Record<string, { count: number; hash: string; at: number }>;
    }
    const load = (): State =>
      (JSON.parse(sessionStorage.getItem(key) ?? 'null') as State | null) ?? {
        officers: [],
        failures: {},
        session: null,
        heads: {},
      };
    const save = (state: State) => sessionStorage.setItem(key, JSON.stringify(state));
    const hex = (bytes: ArrayBuffer | Uint8Array) =>
      [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const digest = async (pin: string, salt: string) => {
      const material = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(pin),
        'PBKDF2',
        false,
        ['deriveBits'],
      );
      const bits = await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: 1000 },
        material,
        256,
      );
      return hex(bits);
    };
    const newPin = async (pin: string) => {
      const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
      return { salt, hash: await digest(pin, salt) };
    };
    const startSession = (state: State, officer: Officer) => {
      state.session = {
        token: hex(crypto.getRandomValues(new Uint8Array(32))),
        officerId: officer.id,
        role: officer.role,
        since: Date.now(),
      };
      return state.session;
    };
    const summary = ({ pin, ...officer }: Officer) => ({ ...officer, hasPin: pin !== undefined });
    const unavailable = () =>
      Promise.resolve({ ok: false, error: { code: 'unavailable', params: {} } });

    const bridge = {
      getAppInfo: () =>
        Promise.resolve({ name: 'SoHoa', version: '0.0.0', platform: 'win32', isPackaged: true }),
      getDiskSpace: () =>
        Promise.resolve({ ok: true, value: { free: 50 * 2 ** 30, total: 100 * 2 ** 30 } }),
      saveBundle: unavailable,
      exportOpen: unavailable,
      exportWrite: unavailable,
      exportRead: unavailable,
      exportCommit: unavailable,
      exportAbort: unavailable,
      writeBackup: unavailable,
      getBackupFolder: () => Promise.resolve({ folder: 'C:\\SoHoa', isDefault: true }),
      chooseBackupFolder: unavailable,
      waitForExit: () => new Promise<void>(() => undefined),
      exitBackupDone: () => Promise.resolve(),
      officersList: () => Promise.resolve(load().officers.map(summary)),
      async officersSetUp(request: { officer: Officer; pin: string }) {
        const state = load();
        if (state.officers.length > 0) return { ok: false, code: 'already-set-up' };
        const admin = { ...request.officer, role: 'admin', pin: await newPin(request.pin) };
        state.officers.push(admin);
        const session = startSession(state, admin);
        save(state);
        return { ok: true, value: session };
      },
      officersHandOver: () => Promise.resolve({ ok: true, value: { taken: [], refused: [] } }),
      async officersSave(request: { token: string; officer: Officer; pin?: string }) {
        const state = load();
        const actor = state.officers.find((o) => o.id === state.session?.officerId);
        if (!actor?.active || state.session?.token !== request.token) {
          return { ok: false, code: 'not-signed-in' };
        }
        const before = state.officers.find((o) => o.id === request.officer.id);
        const ownPin =
          before?.id === actor.id &&
          request.pin !== undefined &&
          before.role === request.officer.role &&
          before.active === request.officer.active &&
          before.name === request.officer.name;
        if (!ownPin && actor.role !== 'admin') return { ok: false, code: 'not-allowed' };
        const after = {
          ...before,
          ...request.officer,
          ...(request.pin ? { pin: await newPin(request.pin) } : {}),
        };
        state.officers = before
          ? state.officers.map((o) => (o.id === after.id ? after : o))
          : [...state.officers, after];
        save(state);
        return { ok: true, value: summary(after) };
      },
      async sessionSignIn(request: { officerId: string; pin: string }) {
        const state = load();
        const officer = state.officers.find((o) => o.id === request.officerId);
        if (!officer?.active || !officer.pin) return { ok: false, reason: 'no-pin', waitMs: 0 };
        if ((await digest(request.pin, officer.pin.salt)) !== officer.pin.hash) {
          state.failures[officer.id] = (state.failures[officer.id] ?? 0) + 1;
          save(state);
          return { ok: false, reason: 'wrong-pin', waitMs: 0 };
        }
        const session = startSession(state, officer);
        save(state);
        return { ok: true, session };
      },
      sessionCurrent: () => Promise.resolve(load().session),
      sessionSignOut(request: { token: string }) {
        const state = load();
        if (state.session?.token === request.token) state.session = null;
        save(state);
        return Promise.resolve();
      },
      auditReadHead: (request: { database: string }) =>
        Promise.resolve(load().heads[request.database] ?? null),
      auditWriteHead(request: { database: string; count: number; hash: string }) {
        const state = load();
        state.heads[request.database] = {
          count: request.count,
          hash: request.hash,
          at: Date.now(),
        };
        save(state);
        return Promise.resolve(true);
      },
    };
    Object.defineProperty(window, 'sohoa', { value: Object.freeze(bridge) });
  }, FAKE_MAIN_KEY);
}

/** The page's officer rows as IndexedDB holds them. */
export function peopleRows(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sohoa');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('people').objectStore('people').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    db.close();
    return rows;
  });
}

/** Changes one officer row behind the app's back, as someone editing the profile could. */
export function editPeopleRow(
  page: Page,
  id: string,
  changes: Record<string, unknown>,
): Promise<void> {
  return page.evaluate(
    async ({ id, changes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sohoa');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      const store = db.transaction('people', 'readwrite').objectStore('people');
      await new Promise<void>((resolve, reject) => {
        const get = store.get(id);
        get.onsuccess = () => {
          const put = store.put({ ...(get.result as object), ...changes });
          put.onsuccess = () => resolve();
          put.onerror = () => reject(new Error(String(put.error)));
        };
        get.onerror = () => reject(new Error(String(get.error)));
      });
      db.close();
    },
    { id, changes },
  );
}
