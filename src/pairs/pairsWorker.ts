/**
 * The worker side of the chapter pool. A worker thread needs an entry file: from source that is
 * pairsWorkerEntry.ts; in the ncc bundle it is the bundle itself, whose entry (src/bin.ts) must call
 * `startPairsWorkerIfRequested()` before running the CLI.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { alignChapter } from './alignChapter.js';
import type { ChapterOutcome, ChapterTask } from './types.js';

/** workerData of a pairs worker. */
export const PAIRS_WORKER_DATA = { amtsWorker: 'pairs' } as const;

export type ToWorker =
  { readonly type: 'task'; readonly id: number; readonly task: ChapterTask } | { readonly type: 'stop' };

export type FromWorker =
  { readonly type: 'ready' } | { readonly type: 'result'; readonly id: number; readonly outcome: ChapterOutcome };

export function isPairsWorkerThread(): boolean {
  if (isMainThread || typeof workerData !== 'object' || workerData === null) return false;
  return (workerData as Record<string, unknown>).amtsWorker === PAIRS_WORKER_DATA.amtsWorker;
}

/** Serves chapter tasks when this thread was started as a pairs worker; returns false (doing nothing) otherwise. */
export function startPairsWorkerIfRequested(): boolean {
  const port = parentPort;
  if (!isPairsWorkerThread() || port === null) return false;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    const reply: FromWorker = { type: 'result', id: message.id, outcome: alignChapter(message.task) };
    port.postMessage(reply);
  });
  const ready: FromWorker = { type: 'ready' };
  port.postMessage(ready);
  return true;
}
