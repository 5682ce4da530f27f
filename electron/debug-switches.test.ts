import { describe, expect, it, vi } from 'vitest';
import { findRefusedSwitches, refuseDebugSwitches, type SwitchCheckDeps } from './debug-switches';

describe('findRefusedSwitches', () => {
  it('finds debugger switches in every spelling Chromium accepts', () => {
    expect(findRefusedSwitches(['SoHoa.exe', '--remote-debugging-port=9222'])).toEqual([
      '--remote-debugging-port',
    ]);
    expect(findRefusedSwitches(['SoHoa.exe', '-remote-debugging-port=9222'])).toEqual([
      '--remote-debugging-port',
    ]);
    expect(findRefusedSwitches(['SoHoa.exe', '/remote-debugging-port=9222'])).toEqual([
      '--remote-debugging-port',
    ]);
    expect(findRefusedSwitches(['SoHoa.exe', '--REMOTE-DEBUGGING-PIPE'])).toEqual([
      '--remote-debugging-pipe',
    ]);
    expect(
      findRefusedSwitches([
        'SoHoa.exe',
        '--inspect',
        '--inspect-brk=127.0.0.1:9229',
        '--js-flags=--allow-natives-syntax',
        '--no-sandbox',
      ]),
    ).toEqual(['--inspect', '--inspect-brk', '--js-flags', '--no-sandbox']);
  });

  it('leaves ordinary arguments alone: paths, files, harmless switches', () => {
    expect(
      findRefusedSwitches([
        'C:\\Program Files\\SoHoa\\SoHoa.exe',
        '/home/officer/so-khai-sinh.sohoa',
        '--lang=vi',
        '--inspector-notes',
        '--remote-debugging',
      ]),
    ).toEqual([]);
  });

  it('also asks Chromium, which may have read switches from elsewhere', () => {
    const hasSwitch = (name: string) => name === 'remote-debugging-port';
    expect(findRefusedSwitches(['SoHoa.exe'], hasSwitch)).toEqual(['--remote-debugging-port']);
  });
});

function deps(overrides: Partial<SwitchCheckDeps>): SwitchCheckDeps {
  return {
    isPackaged: true,
    argv: ['SoHoa.exe'],
    hasSwitch: () => false,
    showError: vi.fn(),
    exit: vi.fn(),
    ...overrides,
  };
}

describe('refuseDebugSwitches', () => {
  it('explains in Vietnamese and English and exits a packaged build', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const check = deps({ argv: ['SoHoa.exe', '--remote-debugging-port=9222'] });
    expect(refuseDebugSwitches(check)).toBe(false);
    expect(check.exit).toHaveBeenCalledWith(1);
    expect(check.showError).toHaveBeenCalledWith(
      'SoHoa không mở được / SoHoa cannot open',
      expect.stringContaining('--remote-debugging-port'),
    );
    expect(vi.mocked(check.showError).mock.calls[0]?.[1]).toMatch(/sẽ đóng lại.*will close/su);
    error.mockRestore();
  });

  it('lets a clean start go on', () => {
    const check = deps({});
    expect(refuseDebugSwitches(check)).toBe(true);
    expect(check.exit).not.toHaveBeenCalled();
    expect(check.showError).not.toHaveBeenCalled();
  });

  it('lets development builds keep their debugger', () => {
    const check = deps({ isPackaged: false, argv: ['electron', '--inspect'] });
    expect(refuseDebugSwitches(check)).toBe(true);
    expect(check.exit).not.toHaveBeenCalled();
  });
});
