import { availableParallelism } from 'node:os';

/**
 * Threads for chapter work when not told: one core is left to V8's collector and compiler, which
 * keep a second core busy for a single parsing thread (measured on 2 cores: one thread 5.5 s for
 * `pairs` over d2l-zh, two worker threads 8.2 s).
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}
