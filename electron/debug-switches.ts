// A packaged app refuses to start with switches that open it to a debugger: with
// --remote-debugging-port any program on the PC (or the network) could read and change the
// officers' data and act as any officer. The fuses (electron-builder.yml) already stop Node's
// --inspect and NODE_OPTIONS; Chromium's own switches need this check.
import { mainTexts } from './main-text';

/**
 * Chromium and Node switches that attach a debugger, run code from outside or weaken the
 * sandbox. Matched by name with any value, in either `--name` or `--name=value` form.
 */
export const REFUSED_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
  'no-sandbox',
  'disable-web-security',
  'auto-open-devtools-for-tabs',
];

function switchName(arg: string): string | null {
  // Chromium also accepts "-name" (and "/name" on Windows); a switch may carry "=value".
  const match = /^(?:--?|\/)([A-Za-z][A-Za-z0-9-]*)(=.*)?$/.exec(arg.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** The refused switches present, as named on the command line or in app.commandLine. */
export function findRefusedSwitches(
  argv: readonly string[],
  hasSwitch: (name: string) => boolean = () => false,
): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const name = switchName(arg);
    if (name !== null && REFUSED_SWITCHES.includes(name)) found.add(`--${name}`);
  }
  for (const name of REFUSED_SWITCHES) {
    if (hasSwitch(name)) found.add(`--${name}`);
  }
  return [...found];
}

/**
 * What the officer reads before the app closes: no page has said which language they use yet,
 * so Vietnamese, then English.
 */
export function refusalMessage(found: readonly string[]): string {
  const { vi, en } = mainTexts;
  return `${vi.debugRefused(found.join(', '))}\n\n${en.debugRefused(found.join(', '))}`;
}

export interface SwitchCheckDeps {
  isPackaged: boolean;
  argv: readonly string[];
  hasSwitch: (name: string) => boolean;
  showError: (title: string, message: string) => void;
  exit: (code: number) => void;
}

/**
 * In a packaged build, shows why and exits when a refused switch is present; returns whether
 * the app may go on. Development builds keep their debugging tools.
 */
export function refuseDebugSwitches(deps: SwitchCheckDeps): boolean {
  if (!deps.isPackaged) return true;
  const found = findRefusedSwitches(deps.argv, deps.hasSwitch);
  if (found.length === 0) return true;
  console.error(`Refused to start with debugging switches: ${found.join(', ')}`);
  deps.showError(
    `${mainTexts.vi.debugRefusedTitle} / ${mainTexts.en.debugRefusedTitle}`,
    refusalMessage(found),
  );
  deps.exit(1);
  return false;
}
