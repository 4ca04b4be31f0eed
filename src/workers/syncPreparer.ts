/**
 * Sync's chapter preparation (parse, align, check, plan) on every core. It lives here, not in src/sync, because
 * src/sync stays free of threads: syncBook takes any ChapterPreparer and prepares inline without one.
 */
import { availableParallelism } from 'node:os';
import type { ChapterPreparer } from '../sync/syncBook.js';
import { runInWorkers, type PoolStats } from './pool.js';

export function createParallelPreparer(
  jobs: number = availableParallelism(),
  log?: (message: string) => void,
): ChapterPreparer {
  return async (tasks) => {
    const { outcomes, stats } = await runInWorkers('prepare-sync-chapter', tasks, { jobs });
    log?.(describePoolRun(stats));
    return outcomes;
  };
}

function describePoolRun(stats: PoolStats): string {
  const where =
    stats.workersStarted === 0
      ? `${stats.chaptersInMainThread} in the main thread`
      : `${stats.chaptersInWorkers} in ${stats.workersStarted} worker thread(s), ${stats.chaptersInMainThread} in the main thread`;
  const failures = stats.workerFailures.map(
    (failure) => `; a worker stopped (its chapters ran in the main thread): ${failure}`,
  );
  return `prepared ${stats.chaptersInWorkers + stats.chaptersInMainThread} chapters: ${where}${failures.join('')}`;
}
