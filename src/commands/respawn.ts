/**
 * V8 runs compilation and garbage collection on a pool of background threads, four by default. On a machine with
 * one or two cores those threads take turns with the main thread, and `amts pairs` over d2l-zh ran 10–15 % slower
 * than with a pool of one (2 vCPUs, interleaved runs). The pool size can only be set when Node starts, so on such
 * a machine the CLI starts itself again with `--v8-pool-size=1` for its CPU-heavy commands. A pool size chosen by
 * the caller (command line or NODE_OPTIONS) is left alone.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Commands that spend their time computing, not waiting for a service. */
const CPU_BOUND_COMMANDS: ReadonlySet<string> = new Set(['pairs', 'sync', 'status', 'evaluate', 'experiment']);
const POOL_SIZE_FLAG = '--v8-pool-size';
/**
 * With one background thread, TurboFan's compile jobs take turns with the main thread, and for `pairs` over
 * d2l-zh they were 38 % of the process's CPU time (perf, per thread), most of it spent on inlining. Without
 * inlining the run takes about a fifth less CPU (7.6–8.8 s → 5.8–6.7 s task-clock, 4 interleaved runs each) for
 * the same wall time on an idle machine, and less wall time on a busy one. Sync and status plan with the same
 * aligner and parser: d2l-zh against d2l-en-classic took 3.5 s of CPU instead of 4.3–4.6 s for either (3 interleaved
 * runs each, one thread), and 2.6–3.1 s of wall time instead of 3.0–4.7 s.
 */
const NO_INLINING = ['--no-turbo-inlining'];
/**
 * Planning a book keeps each chapter's parsed texts alive while it allocates its alignment, so a young generation
 * of V8's default size is collected about 80 times for d2l-zh against d2l-en-classic, each time copying what is
 * still alive. With 32 MB semi-spaces it is collected about 52 times: 226–272 ms of collection instead of
 * 354–457 ms (`--trace-gc`, 3 runs each), for about 30 MB more memory. `pairs` frees its chapters sooner and
 * showed no clear gain, so it keeps the default.
 */
const PLANNING = [...NO_INLINING, '--max-semi-space-size=32'];
const V8_FLAGS_BY_COMMAND: Readonly<Record<string, readonly string[]>> = {
  pairs: NO_INLINING,
  sync: PLANNING,
  status: PLANNING,
};
const MAX_CORES_FOR_ONE_THREAD = 2;

export interface ProcessFacts {
  /** The command line after `amts`. */
  readonly argv: readonly string[];
  /** Node's own options this process was started with (`process.execArgv`). */
  readonly execArgv: readonly string[];
  readonly nodeOptions: string | undefined;
  readonly cores: number;
  /** The script being run (`process.argv[1]`). */
  readonly script: string | undefined;
}

/** Node's arguments for running this command again with a pool of one thread, or undefined to run it here. */
export function respawnArguments(facts: ProcessFacts): string[] | undefined {
  const [command, ...rest] = facts.argv;
  if (command === undefined || !CPU_BOUND_COMMANDS.has(command)) return undefined;
  if (rest.includes('--help') || rest.includes('-h')) return undefined;
  if (facts.cores > MAX_CORES_FOR_ONE_THREAD || facts.script === undefined) return undefined;
  const chosen = [...facts.execArgv, ...(facts.nodeOptions ?? '').split(/\s+/u)].some(
    (option) => option === POOL_SIZE_FLAG || option.startsWith(`${POOL_SIZE_FLAG}=`),
  );
  if (chosen) return undefined;
  return [
    ...facts.execArgv,
    `${POOL_SIZE_FLAG}=1`,
    ...(V8_FLAGS_BY_COMMAND[command] ?? []),
    facts.script,
    ...facts.argv,
  ];
}

/**
 * Runs Node with `args`, sharing this process's standard streams, and returns its exit code (128 + the signal's
 * number when a signal ended it). Termination signals sent to this process are passed on. Undefined when the
 * child could not be started at all, so the caller can run the command itself.
 */
export function runRespawned(node: string, args: readonly string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(node, args, { stdio: 'inherit' });
    const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of forwarded) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of forwarded) process.off(signal, forward);
    };
    child.on('error', () => {
      stopForwarding();
      resolve(undefined);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}
