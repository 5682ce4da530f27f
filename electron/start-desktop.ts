// `npm start`: opens the desktop app when the Electron binary is on this machine, fetching it
// once if it can; where it cannot, says so in Vietnamese and English and points to the browser
// mode, which runs the same app. Never part of the packaged app.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainTexts } from './main-text';

export interface ElectronPackage {
  /** The folder of node_modules/electron. */
  folder: string;
  version: string;
}

/** The Electron executable if it is installed, without starting a download as `electron` does. */
export function installedBinary(
  pkg: ElectronPackage,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const pathFile = join(pkg.folder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (relative === '') return null;
  const binary = join(pkg.folder, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

export function missingShellMessage(version: string): string {
  return [...mainTexts.vi.missingShell(version), '', ...mainTexts.en.missingShell(version)].join(
    '\n',
  );
}

export interface StartSteps {
  /** Fetches the binary as the electron package's own installer does; true when it worked. */
  install(): boolean;
  /** Builds the renderer and the main process; the exit code. */
  build(): number;
  /** Runs the desktop app; its exit code. */
  run(binary: string): number;
  print(text: string): void;
}

/** The whole start-up, as an exit code: 1 with the message when the shell cannot be had. */
export function startDesktop(pkg: ElectronPackage, steps: StartSteps): number {
  let binary = installedBinary(pkg);
  if (binary === null) {
    steps.print(
      `${mainTexts.vi.downloadingShell(pkg.version)} / ${mainTexts.en.downloadingShell(pkg.version)}`,
    );
    if (steps.install()) binary = installedBinary(pkg);
  }
  if (binary === null) {
    steps.print(missingShellMessage(pkg.version));
    return 1;
  }
  const built = steps.build();
  if (built !== 0) return built;
  return steps.run(binary);
}

function exitCode(result: SpawnSyncReturns<Buffer>): number {
  return result.status ?? 1;
}

function main(): void {
  // Not require('electron'): the package's index.js starts a download as soon as it is loaded.
  const folder = join(__dirname, '..', 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version: string;
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = startDesktop(
    { folder, version },
    {
      install: () =>
        exitCode(
          spawnSync(process.execPath, [join(folder, 'install.js')], {
            stdio: ['ignore', 'ignore', 'ignore'],
            timeout: 15 * 60_000,
          }),
        ) === 0,
      build: () => exitCode(spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: true })),
      run: (binary) => exitCode(spawnSync(binary, ['.'], { stdio: 'inherit' })),
      print: (text) => console.error(text),
    },
  );
  process.exitCode = code;
}

if (require.main === module) main();
