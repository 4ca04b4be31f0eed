import { isMainThread, workerData } from 'node:worker_threads';

/** workerData of an AMTS worker, which tells a bundle started as a worker to serve tasks instead of its CLI. */
export const AMTS_WORKER_DATA = { amtsWorker: 'tasks' } as const;

/** Kept apart from the worker's code so that a bundle's entry can ask without loading it. */
export function isAmtsWorkerThread(): boolean {
  if (isMainThread || typeof workerData !== 'object' || workerData === null) return false;
  return (workerData as Record<string, unknown>).amtsWorker === AMTS_WORKER_DATA.amtsWorker;
}
