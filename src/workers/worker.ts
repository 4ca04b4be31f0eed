/**
 * The worker side of the pool. A worker thread needs an entry file: from source that is workerEntry.ts; in an
 * ncc bundle it is the bundle itself, whose entry (src/bin.ts, src/index.ts) must call `startWorkerIfRequested()`
 * before doing anything else.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskInput, type TaskKind, type TaskOutput } from './tasks.js';
import { isAmtsWorkerThread } from './workerData.js';

/** A task: the kind travels with the input, so one worker serves every kind. */
export interface TaskMessage<K extends TaskKind = TaskKind> {
  readonly type: 'task';
  readonly id: number;
  readonly kind: K;
  readonly input: TaskInput<K>;
}

export type ToWorker = TaskMessage | { readonly type: 'stop' };

export type FromWorker =
  { readonly type: 'ready' } | { readonly type: 'result'; readonly id: number; readonly output: TaskOutput<TaskKind> };

/** Serves tasks when this thread was started as an AMTS worker; returns false (doing nothing) otherwise. */
export function startWorkerIfRequested(): boolean {
  const port = parentPort;
  if (!isAmtsWorkerThread() || port === null) return false;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    const reply: FromWorker = { type: 'result', id: message.id, output: runTask(message.kind, message.input) };
    port.postMessage(reply);
  });
  const ready: FromWorker = { type: 'ready' };
  port.postMessage(ready);
  return true;
}
