/**
 * Runs chapter tasks on every core: `jobs` worker threads take chapters from one queue while the main thread only
 * hands them out, so its heap stays small (each thread's heap grows with the chapters it parses). One job, or one
 * chapter, runs in the main thread without paying for a worker start. A worker that fails to start or dies hands
 * its chapter back; the main thread finishes whatever is left.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeError } from '../errors.js';
import { alignChapter } from './alignChapter.js';
import type { FromWorker, ToWorker } from './pairsWorker.js';
import { PAIRS_WORKER_DATA } from './pairsWorker.js';
import type { ChapterOutcome, ChapterTask } from './types.js';

export interface PoolOptions {
  /** Threads that align chapters at the same time. */
  readonly jobs: number;
  /** Whether the main thread is one of them (default false: all `jobs` are workers when there are two or more). */
  readonly mainThread?: boolean;
  /** Called as each chapter finishes, in completion order. */
  readonly onOutcome?: (index: number, outcome: ChapterOutcome) => void;
}

export interface PoolStats {
  readonly workersStarted: number;
  /** Why workers stopped early (failed start, crash); their chapters were finished elsewhere. */
  readonly workerFailures: readonly string[];
  readonly chaptersInWorkers: number;
  readonly chaptersInMainThread: number;
}

export interface PoolResult {
  readonly outcomes: ChapterOutcome[];
  readonly stats: PoolStats;
}

/**
 * V8 grows a heap long before it has to collect, so an uncapped worker holds far more than the one chapter it
 * works on (measured on d2l-zh: 273 MB peak for the process with one uncapped worker beside a working main
 * thread, 224 MB with two capped workers). The cap makes it collect sooner; a chapter too large for it kills
 * only the worker, and the main thread aligns that chapter instead.
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** A worker that loads but never says it is ready (a bundle entry without the worker switch) is given up on. */
const WORKER_START_TIMEOUT_MS = 30_000;

export async function runChapterTasks(tasks: readonly ChapterTask[], options: PoolOptions): Promise<PoolResult> {
  const outcomes: Array<ChapterOutcome | undefined> = new Array(tasks.length);
  const queue = tasks.map((_, index) => index);
  const stats = { workersStarted: 0, workerFailures: [] as string[], chaptersInWorkers: 0, chaptersInMainThread: 0 };
  const finish = (index: number, outcome: ChapterOutcome) => {
    outcomes[index] = outcome;
    options.onOutcome?.(index, outcome);
  };
  const mainThread = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      // Let worker replies in between chapters, so workers never wait for their next task.
      await new Promise((resolve) => setImmediate(resolve));
      finish(index, alignChapter(tasks[index] as ChapterTask));
      stats.chaptersInMainThread += 1;
    }
  };
  const threads = Math.min(Math.max(1, options.jobs), tasks.length);
  const useMainThread = threads === 1 || (options.mainThread ?? false);
  const workerCount = useMainThread ? threads - 1 : threads;
  const workerLane = async (worker: ChapterWorker) => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const taken = index;
      const outcome = await worker.align(tasks[taken] as ChapterTask).catch((error: unknown) => {
        queue.unshift(taken);
        throw error;
      });
      finish(taken, outcome);
      stats.chaptersInWorkers += 1;
    }
  };
  const workers = Array.from({ length: workerCount }, async () => {
    let worker: ChapterWorker | undefined;
    try {
      worker = await startChapterWorker();
      stats.workersStarted += 1;
      // Two chapters in flight: the next one is already waiting in the worker while the main thread is busy.
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
  // Chapters handed back by a worker that died after the main thread ran out of work, or no worker started.
  await mainThread();
  return { outcomes: outcomes as ChapterOutcome[], stats };
}

interface ChapterWorker {
  align(task: ChapterTask): Promise<ChapterOutcome>;
  stop(): Promise<void>;
}

function startChapterWorker(): Promise<ChapterWorker> {
  const entry = workerEntry();
  const worker = new Worker(entry.code, {
    eval: entry.eval,
    workerData: PAIRS_WORKER_DATA,
    resourceLimits: WORKER_HEAP_LIMITS,
    // Anything a worker prints (a bundle entry that ran the CLI instead of serving) must not reach our output.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const pending = new Map<number, { resolve(outcome: ChapterOutcome): void; reject(error: Error): void }>();
  let failed: Error | undefined;
  let nextId = 0;
  let timer: NodeJS.Timeout | undefined;
  const chapterWorker: ChapterWorker = {
    align(task) {
      if (failed !== undefined) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const message: ToWorker = { type: 'task', id, task };
        worker.postMessage(message);
      });
    },
    async stop() {
      if (failed === undefined) {
        const message: ToWorker = { type: 'stop' };
        worker.postMessage(message);
      }
      await worker.terminate();
    },
  };
  const started = new Promise<ChapterWorker>((resolve, reject) => {
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
        resolve(chapterWorker);
        return;
      }
      pending.get(message.id)?.resolve(message.outcome);
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

interface WorkerEntry {
  readonly code: string | URL;
  readonly eval: boolean;
}

/**
 * Bundled, every module shares the bundle's URL, so the bundle is its own worker entry. From TypeScript source
 * the worker must first register tsx: Node 20 applies neither the parent's hooks nor an `--import` loader in a
 * worker's execArgv to the worker's entry, so a small bootstrap registers tsx and then imports the entry.
 */
function workerEntry(): WorkerEntry {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { code: new URL(self), eval: false };
  const tsxApi = tsxApiUrl(self);
  const entry = new URL('./pairsWorkerEntry.ts', self).href;
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
