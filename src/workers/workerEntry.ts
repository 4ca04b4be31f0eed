// Worker entry when running from TypeScript source (tsx, vitest); a bundle is its own entry instead.
import { startWorkerIfRequested } from './worker.js';

startWorkerIfRequested();
