export const id = 677;
export const ids = [677];
export const modules = {

/***/ 1677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultJobs: () => (/* reexport safe */ _defaultJobs_js__WEBPACK_IMPORTED_MODULE_6__.y),
/* harmony export */   runInWorkers: () => (/* binding */ runInWorkers)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _tasks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1948);
/* harmony import */ var _workerData_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(977);
/* harmony import */ var _defaultJobs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2650);
/**
 * Runs chapter tasks on every core: `jobs` worker threads take tasks from one queue while the main thread only
 * hands them out, so its heap stays small (each thread's heap grows with the chapters it parses). One job, or one
 * task, runs in the main thread without paying for a worker start. A worker that fails to start or dies hands
 * its tasks back; the main thread finishes whatever is left.
 */






/** A worker that loads but never says it is ready (a bundle entry without the worker switch) is given up on. */
const WORKER_START_TIMEOUT_MS = 30_000;
async function runInWorkers(kind, inputs, options) {
    const outcomes = new Array(inputs.length);
    const queue = inputs.map((_, index) => index);
    const stats = { workersStarted: 0, workerFailures: [], chaptersInWorkers: 0, chaptersInMainThread: 0 };
    const finish = (index, outcome) => {
        outcomes[index] = outcome;
        options.onOutcome?.(index, outcome);
    };
    const mainThread = async () => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            // Let worker replies in between tasks, so workers never wait for their next one.
            await new Promise((resolve) => setImmediate(resolve));
            finish(index, (0,_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .runTask */ .Z)(kind, inputs[index]));
            stats.chaptersInMainThread += 1;
        }
    };
    const threads = Math.min(Math.max(1, options.jobs), inputs.length);
    const useMainThread = threads === 1 || (options.mainThread ?? false);
    const workerCount = useMainThread ? threads - 1 : threads;
    const workerLane = async (worker) => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            const taken = index;
            const outcome = await worker.run(kind, inputs[taken]).catch((error) => {
                queue.unshift(taken);
                throw error;
            });
            finish(taken, outcome);
            stats.chaptersInWorkers += 1;
        }
    };
    const workers = Array.from({ length: workerCount }, async () => {
        let worker;
        try {
            worker = await startTaskWorker(options.workerHeap ?? (0,_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .workerHeapOf */ .K)(kind));
            stats.workersStarted += 1;
            // Two tasks in flight: the next one is already waiting in the worker while the main thread is busy.
            const lanes = await Promise.allSettled([workerLane(worker), workerLane(worker)]);
            const failure = lanes.find((lane) => lane.status === 'rejected');
            if (failure !== undefined)
                throw failure.reason;
        }
        catch (error) {
            stats.workerFailures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error));
        }
        finally {
            await worker?.stop();
        }
    });
    await Promise.all(useMainThread ? [mainThread(), ...workers] : workers);
    // Tasks handed back by a worker that died after the main thread ran out of work, or no worker started.
    await mainThread();
    return { outcomes: outcomes, stats };
}
function startTaskWorker(heap) {
    const entry = workerEntry();
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(entry.code, {
        eval: entry.eval,
        workerData: _workerData_js__WEBPACK_IMPORTED_MODULE_5__/* .AMTS_WORKER_DATA */ .k,
        resourceLimits: heap,
        // Anything a worker prints (a bundle entry that ran its CLI instead of serving) must not reach our output.
        stdout: true,
        stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const pending = new Map();
    let failed;
    let nextId = 0;
    let timer;
    const taskWorker = {
        run(kind, input) {
            if (failed !== undefined)
                return Promise.reject(failed);
            const id = nextId++;
            const message = { type: 'task', id, kind, input };
            const reply = new Promise((resolve, reject) => {
                pending.set(id, { resolve, reject });
                worker.postMessage(message);
            });
            // The worker ran this kind, so its output is this kind's output.
            return reply;
        },
        async stop() {
            if (failed === undefined) {
                const message = { type: 'stop' };
                worker.postMessage(message);
            }
            await worker.terminate();
        },
    };
    const started = new Promise((resolve, reject) => {
        const fail = (error) => {
            failed ??= error;
            for (const waiting of pending.values())
                waiting.reject(error);
            pending.clear();
            reject(error);
        };
        timer = setTimeout(() => fail(new Error(`worker did not start within ${WORKER_START_TIMEOUT_MS} ms`)), WORKER_START_TIMEOUT_MS);
        worker.on('message', (message) => {
            if (message.type === 'ready') {
                resolve(taskWorker);
                return;
            }
            pending.get(message.id)?.resolve(message.output);
            pending.delete(message.id);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    });
    return started.then((ready) => {
        clearTimeout(timer);
        return ready;
    }, async (error) => {
        clearTimeout(timer);
        await worker.terminate();
        throw error;
    });
}
/** What the build names every bundle's entry file (see scripts/package.mjs). */
const BUNDLE_ENTRY = 'index.js';
/**
 * Bundled, the bundle's entry (`index.js`, beside the chunks loaded on demand, one of which may hold this
 * module) is its own worker entry. From TypeScript source
 * the worker must first register tsx: Node 20 applies neither the parent's hooks nor an `--import` loader in a
 * worker's execArgv to the worker's entry, so a small bootstrap registers tsx and then imports the entry.
 */
function workerEntry() {
    const self = import.meta.url;
    if (!self.endsWith('.ts'))
        return { code: new URL(BUNDLE_ENTRY, self), eval: false };
    const tsxApi = tsxApiUrl(self);
    const entry = new URL('./workerEntry.ts', self).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return { code, eval: true };
}
/** tsx's ESM register API, resolved from its package exports rather than a guessed file layout. */
function tsxApiUrl(from) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(from);
    const manifestPath = require.resolve('tsx/package.json');
    const manifest = require(manifestPath);
    const api = manifest.exports['./esm/api'];
    const file = typeof api === 'object' ? api.import?.default : undefined;
    if (file === undefined)
        throw new Error('tsx does not export ./esm/api for import');
    return new URL(file, (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(manifestPath)).href;
}
// Where it always was for its importers; its own module keeps the command-line parsers from loading the pool.



/***/ })

};
