/**
 * Runs chapter tasks on every core: `jobs` worker threads take tasks from one queue while the main thread only
 * hands them out, so its heap stays small (each thread's heap grows with the chapters it parses). One job, or one
 * task, runs in the main thread without paying for a worker start. A worker that fails to start or dies hands
 * its tasks back; the main thread finishes whatever is left.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { describeError } from '../errors.js';
import { runTask, workerHeapOf, type TaskInput, type TaskKind, type TaskOutput } from './tasks.js';
import type { FromWorker, TaskMessage, ToWorker } from './worker.js';
import { AMTS_WORKER_DATA } from './workerData.js';

export interface PoolOptions<K extends TaskKind> {
  /** Threads that run tasks at the same time. */
  readonly jobs: number;
  /** Whether the main thread is one of them (default false: all `jobs` are workers when there are two or more). */
  readonly mainThread?: boolean;
  /** Called as each task finishes, in completion order. */
  readonly onOutcome?: (index: number, outcome: TaskOutput<K>) => void;
  /** Heap limits of each worker, instead of those of the task kind; a task that needs more kills its worker, not the run. */
  readonly workerHeap?: ResourceLimits;
}

export interface PoolStats {
  readonly workersStarted: number;
  /** Why workers stopped early (failed start, crash); their chapters were finished elsewhere. */
  readonly workerFailures: readonly string[];
  readonly chaptersInWorkers: number;
  readonly chaptersInMainThread: number;
}

export interface PoolResult<K extends TaskKind> {
  /** In input order. */
  readonly outcomes: TaskOutput<K>[];
  readonly stats: PoolStats;
}

/** A worker that loads but never says it is ready (a bundle entry without the worker switch) is given up on. */
const WORKER_START_TIMEOUT_MS = 30_000;

export async function runInWorkers<K extends TaskKind>(
  kind: K,
  inputs: readonly TaskInput<K>[],
  options: PoolOptions<K>,
): Promise<PoolResult<K>> {
  const outcomes: Array<TaskOutput<K> | undefined> = new Array(inputs.length);
  const queue = inputs.map((_, index) => index);
  const stats = { workersStarted: 0, workerFailures: [] as string[], chaptersInWorkers: 0, chaptersInMainThread: 0 };
  const finish = (index: number, outcome: TaskOutput<K>) => {
    outcomes[index] = outcome;
    options.onOutcome?.(index, outcome);
  };
  const mainThread = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      // Let worker replies in between tasks, so workers never wait for their next one.
      await new Promise((resolve) => setImmediate(resolve));
      finish(index, runTask(kind, inputs[index] as TaskInput<K>));
      stats.chaptersInMainThread += 1;
    }
  };
  const threads = Math.min(Math.max(1, options.jobs), inputs.length);
  const useMainThread = threads === 1 || (options.mainThread ?? false);
  const workerCount = useMainThread ? threads - 1 : threads;
  const workerLane = async (worker: TaskWorker) => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const taken = index;
      const outcome = await worker.run(kind, inputs[taken] as TaskInput<K>).catch((error: unknown) => {
        queue.unshift(taken);
        throw error;
      });
      finish(taken, outcome);
      stats.chaptersInWorkers += 1;
    }
  };
  const workers = Array.from({ length: workerCount }, async () => {
    let worker: TaskWorker | undefined;
    try {
      worker = await startTaskWorker(options.workerHeap ?? workerHeapOf(kind));
      stats.workersStarted += 1;
      // Two tasks in flight: the next one is already waiting in the worker while the main thread is busy.
      const lanes = await Promise.allSettled([workerLane(worker), workerLane(worker)]);
      const failure = lanes.find((lane) => lane.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    } catch (error) {
      stats.workerFailures.push(describeError(error));
    } finally {
      await worker?.stop();
    }
  });
  await Promise.all(useMainThread ? [mainThread(), ...workers] : workers);
  // Tasks handed back by a worker that died after the main thread ran out of work, or no worker started.
  await mainThread();
  return { outcomes: outcomes as TaskOutput<K>[], stats };
}

interface TaskWorker {
  run<K extends TaskKind>(kind: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
  stop(): Promise<void>;
}

function startTaskWorker(heap: ResourceLimits): Promise<TaskWorker> {
  const entry = workerEntry();
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: AMTS_WORKER_DATA,
    resourceLimits: heap,
    // Anything a worker prints (a bundle entry that ran its CLI instead of serving) must not reach our output.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const pending = new Map<number, { resolve(output: TaskOutput<TaskKind>): void; reject(error: Error): void }>();
  let failed: Error | undefined;
  let nextId = 0;
  let timer: NodeJS.Timeout | undefined;
  const taskWorker: TaskWorker = {
    run<K extends TaskKind>(kind: K, input: TaskInput<K>): Promise<TaskOutput<K>> {
      if (failed !== undefined) return Promise.reject(failed);
      const id = nextId++;
      const message: TaskMessage<K> = { type: 'task', id, kind, input };
      const reply = new Promise<TaskOutput<TaskKind>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(message);
      });
      // The worker ran this kind, so its output is this kind's output.
      return reply as Promise<TaskOutput<K>>;
    },
    async stop() {
      if (failed === undefined) {
        const message: ToWorker = { type: 'stop' };
        worker.postMessage(message);
      }
      await worker.terminate();
    },
  };
  const started = new Promise<TaskWorker>((resolve, reject) => {
    const fail = (error: Error) => {
      failed ??= error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      reject(error);
    };
    timer = setTimeout(
      () => fail(new Error(`worker did not start within ${WORKER_START_TIMEOUT_MS} ms`)),
      WORKER_START_TIMEOUT_MS,
    );
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        resolve(taskWorker);
        return;
      }
      pending.get(message.id)?.resolve(message.output);
      pending.delete(message.id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
  });
  return started.then(
    (ready) => {
      clearTimeout(timer);
      return ready;
    },
    async (error: unknown) => {
      clearTimeout(timer);
      await worker.terminate();
      throw error;
    },
  );
}

/** What the build names every bundle's entry file (see scripts/package.mjs). */
const BUNDLE_ENTRY = 'index.js';

interface WorkerEntry {
  readonly code: string | URL;
  readonly eval: boolean;
}

/**
 * Bundled, the bundle's entry (`index.js`, beside the chunks loaded on demand, one of which may hold this
 * module) is its own worker entry. From TypeScript source
 * the worker must first register tsx: Node 20 applies neither the parent's hooks nor an `--import` loader in a
 * worker's execArgv to the worker's entry, so a small bootstrap registers tsx and then imports the entry.
 */
function workerEntry(): WorkerEntry {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { code: new URL(BUNDLE_ENTRY, self), eval: false };
  const tsxApi = tsxApiUrl(self);
  const entry = new URL('./workerEntry.ts', self).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return { code, eval: true };
}

/** tsx's ESM register API, resolved from its package exports rather than a guessed file layout. */
function tsxApiUrl(from: string): string {
  const require = createRequire(from);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports: Record<string, { import?: { default?: string } } | string> };
  const api = manifest.exports['./esm/api'];
  const file = typeof api === 'object' ? api.import?.default : undefined;
  if (file === undefined) throw new Error('tsx does not export ./esm/api for import');
  return new URL(file, pathToFileURL(manifestPath)).href;
}

// Where it always was for its importers; its own module keeps the command-line parsers from loading the pool.
export { defaultJobs } from './defaultJobs.js';
