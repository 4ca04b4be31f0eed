/**
 * The work a worker thread can do: each task kind is a pure function from plain data to plain data, so its input
 * and output survive structured cloning and the pool can run it in any thread with the same result.
 */
import type { ResourceLimits } from 'node:worker_threads';
import { alignChapter } from '../pairs/alignChapter.js';
import type { ChapterOutcome, ChapterTask } from '../pairs/types.js';
import { prepareChapter, type ChapterSyncTask, type PreparedChapter } from '../sync/prepareChapter.js';

interface TaskSignatures {
  /** `amts pairs`: one chapter aligned with its translation. */
  'align-chapter': { readonly input: ChapterTask; readonly output: ChapterOutcome };
  /** `amts sync` and the action: one chapter parsed, aligned, checked and planned. */
  'prepare-sync-chapter': { readonly input: ChapterSyncTask; readonly output: PreparedChapter };
}

export type TaskKind = keyof TaskSignatures;
export type TaskInput<K extends TaskKind> = TaskSignatures[K]['input'];
export type TaskOutput<K extends TaskKind> = TaskSignatures[K]['output'];

interface TaskDefinition<K extends TaskKind> {
  readonly run: (input: TaskInput<K>) => TaskOutput<K>;
  /** Heap limits of a worker that runs this kind; V8's defaults where absent. */
  readonly workerHeap: ResourceLimits;
}

const TASKS: { readonly [K in TaskKind]: TaskDefinition<K> } = {
  'align-chapter': {
    run: alignChapter,
    /**
     * V8 grows a heap long before it has to collect, so an uncapped worker holds far more than the one chapter it
     * works on (measured on d2l-zh: 273 MB peak for the process with one uncapped worker beside a working main
     * thread, 224 MB with two capped workers), and `amts pairs` must stay under 300 MB. The cap makes it collect
     * sooner; a chapter too large for it kills only the worker, and the main thread aligns that chapter instead.
     */
    workerHeap: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
  },
  'prepare-sync-chapter': {
    run: prepareChapter,
    /**
     * No old-generation cap: a sync chapter holds three parsed documents and their alignment, and under a cap V8
     * collects so often that it costs more than the second core gains (d2l-zh's 138 changed chapters in one
     * worker: 11-12 s of CPU uncapped, 16-22 s with a 64 MB old generation, 14-15 s at 1 GB). A young generation
     * larger than V8's default lets parsing's short-lived nodes die young instead of being promoted: 13 s of CPU
     * for two workers instead of 14 s, for about 90 MB more peak memory.
     */
    workerHeap: { maxYoungGenerationSizeMb: 96 },
  },
};

export function runTask<K extends TaskKind>(kind: K, input: TaskInput<K>): TaskOutput<K> {
  const task: TaskDefinition<K> = TASKS[kind];
  return task.run(input);
}

export function workerHeapOf(kind: TaskKind): ResourceLimits {
  return TASKS[kind].workerHeap;
}
