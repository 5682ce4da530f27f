// `npm test`: every check the project has, side by side where they do not depend on each other.
// The type checks, ESLint, Prettier and the unit tests each keep one core busy for a while and
// need nothing from one another; the packaging check and the end-to-end tests need the build,
// which is quick, so they start as soon as it is done instead of after everything else.
// The build and the end-to-end tests are the long road, so they get the processor first: the
// other checks run at a lower priority and take what time they leave free.
// The first failing check stops the others, as the chain of `&&` it replaces did.
// Each check's output is printed whole when it ends (the end-to-end list line by line as it
// comes), then a table of what took how long.
import { spawn, type ChildProcess } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  /** Steps that must have passed before this one starts. */
  after?: string[];
  /** Print the output as it comes rather than whole at the end. */
  live?: boolean;
  /** Not on the way to the end-to-end tests: runs at a lower priority. */
  aside?: boolean;
}

// The desktop side (tsconfig.node.json) has no typecheck step of its own: the build compiles it
// with the same tsc and the same configuration, and fails on any type error.
const steps: Step[] = [
  { name: 'build', command: 'npm run build' },
  { name: 'typecheck (web)', command: 'tsc -p tsconfig.web.json --noEmit', aside: true },
  { name: 'eslint', command: 'eslint . --max-warnings 0', aside: true },
  { name: 'prettier', command: 'prettier --check .', aside: true },
  { name: 'unit tests', command: 'vitest run', aside: true },
  { name: 'packaging', command: 'npm run test:package', after: ['build'], aside: true },
  { name: 'end-to-end', command: 'playwright test', after: ['build'], live: true },
];

/** A nice value: below the build and end-to-end tests, still well above idle. */
const ASIDE_PRIORITY = 10;

interface Outcome {
  code: number;
  seconds: number;
  /** Ended because another step failed first. */
  stopped: boolean;
}

const started = Date.now();
const outcomes = new Map<string, Outcome>();
const running = new Map<string, ChildProcess>();
let failed = false;

const elapsed = (since: number) => Math.round((Date.now() - since) / 1000);

/** Sends a signal to each running step's whole process group. */
function signalAll(signal: NodeJS.Signals): void {
  for (const child of running.values()) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

function stopAll(): void {
  // Each step leads its own process group (detached), so its children go with it. Interrupted
  // as by Ctrl+C first, so that Playwright stops the web server it started; killed if still
  // there a while later.
  signalAll('SIGINT');
  setTimeout(() => signalAll('SIGKILL'), 15_000).unref();
}

function verdictOf(outcome: Outcome | undefined): string {
  if (!outcome) return 'not run';
  if (outcome.code === 0) return 'passed';
  return outcome.stopped ? 'stopped' : 'FAILED';
}

function run(step: Step): Promise<void> {
  return new Promise((resolve) => {
    const stepStarted = Date.now();
    // Through `nice`, so that every process and thread of the step has the lower priority from
    // its start (Linux gives each thread its own; the suite runs on Linux only).
    const command = step.aside ? `nice -n ${ASIDE_PRIORITY} ${step.command}` : step.command;
    const child = spawn(command, {
      shell: true,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.set(step.name, child);
    const chunks: Buffer[] = [];
    const take = (chunk: Buffer) => {
      if (step.live) process.stdout.write(chunk);
      else chunks.push(chunk);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    if (step.live) console.log(`\n── ${step.name}: ${step.command}`);
    child.on('close', (code, signal) => {
      running.delete(step.name);
      const outcome = {
        code: code ?? (signal ? 1 : 0),
        seconds: elapsed(stepStarted),
        stopped: failed,
      };
      outcomes.set(step.name, outcome);
      const verdict = verdictOf(outcome);
      if (!step.live) {
        console.log(`\n── ${step.name}: ${step.command}`);
        process.stdout.write(Buffer.concat(chunks));
      }
      console.log(`── ${step.name} ${verdict} in ${outcome.seconds} s`);
      if (outcome.code !== 0 && !failed) {
        failed = true;
        stopAll();
      }
      resolve();
    });
  });
}

async function main(): Promise<void> {
  // The project's own binaries, as `npm run` finds them.
  process.env.PATH = `${process.cwd()}/node_modules/.bin:${process.env.PATH ?? ''}`;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      failed = true;
      stopAll();
    });
  }
  const done = new Map<string, Promise<void>>();
  const start = (step: Step): Promise<void> => {
    const existing = done.get(step.name);
    if (existing) return existing;
    const waitFor = (step.after ?? []).map((name) => {
      const before = steps.find((other) => other.name === name);
      if (!before) throw new Error(`${step.name} waits for an unknown step ${name}`);
      return start(before);
    });
    const promise = Promise.all(waitFor).then(() => {
      const blocked = (step.after ?? []).some((name) => outcomes.get(name)?.code !== 0);
      if (failed || blocked) return;
      return run(step);
    });
    done.set(step.name, promise);
    return promise;
  };
  await Promise.all(steps.map(start));

  console.log('\nstep                  result   seconds');
  for (const step of steps) {
    const outcome = outcomes.get(step.name);
    console.log(
      `${step.name.padEnd(22)}${verdictOf(outcome).padEnd(9)}${outcome ? String(outcome.seconds).padStart(7) : ''}`,
    );
  }
  console.log(`all checks took ${elapsed(started)} s`);
  process.exitCode = failed ? 1 : 0;
}

void main();
