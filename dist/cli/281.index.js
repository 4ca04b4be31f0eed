export const id = 281;
export const ids = [281];
export const modules = {

/***/ 6281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startWorkerIfRequested: () => (/* binding */ startWorkerIfRequested)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tasks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1948);
/* harmony import */ var _workerData_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(977);
/**
 * The worker side of the pool. A worker thread needs an entry file: from source that is workerEntry.ts; in an
 * ncc bundle it is the bundle itself, whose entry (src/bin.ts, src/index.ts) must call `startWorkerIfRequested()`
 * before doing anything else.
 */



/** Serves tasks when this thread was started as an AMTS worker; returns false (doing nothing) otherwise. */
function startWorkerIfRequested() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    if (!(0,_workerData_js__WEBPACK_IMPORTED_MODULE_2__/* .isAmtsWorkerThread */ .O)() || port === null)
        return false;
    port.on('message', (message) => {
        if (message.type === 'stop') {
            port.close();
            return;
        }
        const reply = { type: 'result', id: message.id, output: (0,_tasks_js__WEBPACK_IMPORTED_MODULE_1__/* .runTask */ .Z)(message.kind, message.input) };
        port.postMessage(reply);
    });
    const ready = { type: 'ready' };
    port.postMessage(ready);
    return true;
}


/***/ })

};
