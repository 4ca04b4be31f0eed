// The Action's entry (dist/index.js): the only module that does something when imported. The same
// bundle is also the entry of its own worker threads, so it serves a worker instead when started as one.
import { main } from './main.js';
import { startWorkerIfRequested } from './workers/worker.js';

if (!startWorkerIfRequested()) await main();
