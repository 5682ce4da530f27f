import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  installedBinary,
  startDesktop,
  type ElectronPackage,
  type StartSteps,
} from './start-desktop';

let folder: string;
let pkg: ElectronPackage;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sohoa-electron-pkg-'));
  pkg = { folder, version: '45.4.1' };
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** What the electron package's installer leaves behind once the binary is downloaded. */
function putBinary(): string {
  writeFileSync(join(folder, 'path.txt'), 'electron');
  mkdirSync(join(folder, 'dist'));
  const binary = join(folder, 'dist', 'electron');
  writeFileSync(binary, '');
  return binary;
}

function fakeSteps(overrides: Partial<StartSteps> = {}) {
  const printed: string[] = [];
  const steps = {
    install: vi.fn(() => false),
    build: vi.fn(() => 0),
    run: vi.fn(() => 0),
    print: (text: string) => printed.push(text),
    ...overrides,
  };
  return { steps, printed };
}

describe('npm start', () => {
  it('without the Electron binary, says so in Vietnamese and English, names npm run web, and fails', () => {
    const { steps, printed } = fakeSteps();
    expect(startDesktop(pkg, steps)).toBe(1);
    expect(steps.install).toHaveBeenCalledOnce();
    expect(steps.build).not.toHaveBeenCalled();
    expect(steps.run).not.toHaveBeenCalled();
    const text = printed.join('\n');
    expect(text).toContain('Máy này chưa có bộ khung ứng dụng máy tính (Electron 45.4.1)');
    expect(text).toContain('The desktop shell (Electron 45.4.1) is not installed');
    expect(text.match(/npm run web/g)).toHaveLength(2);
  });

  it('fetches the binary once when it can, then builds and opens the app', () => {
    const { steps, printed } = fakeSteps({ install: vi.fn(() => (putBinary(), true)) });
    expect(startDesktop(pkg, steps)).toBe(0);
    expect(steps.build).toHaveBeenCalledOnce();
    expect(steps.run).toHaveBeenCalledWith(join(folder, 'dist', 'electron'));
    expect(printed.join('\n')).not.toContain('npm run web');
  });

  it('with the binary installed, neither downloads nor prints, and passes on the app’s exit code', () => {
    putBinary();
    const { steps, printed } = fakeSteps({ run: vi.fn(() => 3) });
    expect(startDesktop(pkg, steps)).toBe(3);
    expect(steps.install).not.toHaveBeenCalled();
    expect(printed).toEqual([]);
  });

  it('does not open the app when the build fails', () => {
    putBinary();
    const { steps } = fakeSteps({ build: vi.fn(() => 2) });
    expect(startDesktop(pkg, steps)).toBe(2);
    expect(steps.run).not.toHaveBeenCalled();
  });

  it('an installer that reported success without a binary still ends with the message', () => {
    writeFileSync(join(folder, 'path.txt'), 'electron');
    const { steps, printed } = fakeSteps({ install: vi.fn(() => true) });
    expect(startDesktop(pkg, steps)).toBe(1);
    expect(printed.join('\n')).toContain('npm run web');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const other = mkdtempSync(join(tmpdir(), 'sohoa-electron-dist-'));
    try {
      writeFileSync(join(other, 'electron'), '');
      expect(installedBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: other })).toBe(
        join(other, 'electron'),
      );
      expect(installedBinary(pkg, {})).toBeNull();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
