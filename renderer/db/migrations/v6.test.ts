// v6: what one PC remembers leaves the settings a backup carries, and nothing else moves.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb, openAtVersion, uniqueName } from '../test-harness';

describe('v6: settings of the data apart from what this PC remembers', () => {
  beforeEach(() => freshIndexedDb());

  it('moves the screen, focus, viewer and automatic-backup memory into the PC’s own table', async () => {
    const name = uniqueName();
    const v5 = openAtVersion(name, 5);
    await v5.settings.bulkAdd([
      { key: 'officers.idleLockMinutes', value: 5 },
      { key: 'session.lastRoute', value: '#/books/b1' },
      { key: 'session.focus.r1', value: 'nksHoTen' },
      { key: 'viewer:b1', value: { version: 1, zoom: 2 } },
      { key: 'backup.last', value: { at: 3, reason: 'daily' } },
      { key: 'backup.schedule', value: { everyEntries: 20, keep: 5 } },
    ]);
    v5.close();

    const v6 = openAtVersion(name, 6);
    expect(await v6.settings.toArray()).toEqual([{ key: 'officers.idleLockMinutes', value: 5 }]);
    const local = Object.fromEntries(
      (await v6.localSettings.toArray()).map((setting) => [setting.key, setting.value]),
    );
    expect(local).toEqual({
      'session.lastRoute': '#/books/b1',
      'session.focus.r1': 'nksHoTen',
      'viewer:b1': { version: 1, zoom: 2 },
      'backup.last': { at: 3, reason: 'daily' },
      'backup.schedule': { everyEntries: 20, keep: 5 },
    });
    v6.close();
  });

  it('opens an empty profile of v5 with both tables empty', async () => {
    const name = uniqueName();
    const v5 = openAtVersion(name, 5);
    await v5.open();
    v5.close();
    const v6 = openAtVersion(name, 6);
    expect(await v6.settings.count()).toBe(0);
    expect(await v6.localSettings.count()).toBe(0);
    v6.close();
  });
});
