// Worker entry when running from TypeScript source (tsx, vitest); the bundle uses its own entry instead.
import { startPairsWorkerIfRequested } from './pairsWorker.js';

startPairsWorkerIfRequested();
