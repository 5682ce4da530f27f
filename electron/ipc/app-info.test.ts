import { describe, expect, it, vi } from 'vitest';
import { readAppInfo } from './app-info';

vi.mock('electron', () => ({}));

describe('readAppInfo', () => {
  it('reports name, version, platform and whether the app is installed', () => {
    const app = { getName: () => 'SoHoa', getVersion: () => '0.1.0', isPackaged: false };
    expect(readAppInfo(app, 'win32')).toEqual({
      name: 'SoHoa',
      version: '0.1.0',
      platform: 'win32',
      isPackaged: false,
    });
    expect(readAppInfo(app).platform).toBe(process.platform);
  });
});
