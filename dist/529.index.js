export const id = 529;
export const ids = [529];
export const modules = {

/***/ 8529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokitClient: () => (/* binding */ createOctokitClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(5555);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
;// CONCATENATED MODULE: ./src/github/githubLimits.ts
/** Tries after the first, for one request: enough to ride out a blip, few enough to fail fast when GitHub is down. */
const RETRIES = 3;
class GitHubLimits {
    budget;
    log;
    /** Why a request was not retried, by `METHOD /path` (hooks see the path, errors the full URL), for its error. */
    refusals = new Map();
    constructor(budget, log) {
        this.budget = budget;
        this.log = log;
    }
    /** A 5xx or a dropped connection: the retry plugin retries it with a growing backoff. */
    noteServerError(request, what, retryCount) {
        if (retryCount >= RETRIES)
            return;
        this.log(`GitHub API ${describe(request)}: ${what}; retrying (${retryCount + 1} of ${RETRIES}) after a backoff`);
    }
    /**
     * A rate limit that asks to wait `seconds`: true (and a log line) when the run may wait that long, else false
     * with the reason kept for the error.
     */
    mayWait(request, limit, seconds, retryCount) {
        const key = keyOf(request);
        if (retryCount >= RETRIES) {
            this.refusals.set(key, `still held by ${limit} after ${RETRIES} waits; stopped. Run again later.`);
            return false;
        }
        const { remaining } = this.budget;
        if (!this.budget.take(seconds)) {
            this.refusals.set(key, `${limit} asks to wait ${seconds} s, more than the ${remaining} s left of rate-limit-wait-seconds (${this.budget.seconds} s a run); stopped without waiting. Run again later.`);
            return false;
        }
        this.log(`GitHub API ${describe(request)}: ${limit}; waiting ${seconds} s, then retrying (${retryCount + 1} of ${RETRIES})`);
        return true;
    }
    /** The reason a request was given up on, once (a later try of the same request starts afresh). */
    takeRefusal(request) {
        const key = keyOf(request);
        const reason = this.refusals.get(key);
        this.refusals.delete(key);
        return reason;
    }
}
function keyOf(request) {
    return describe(request);
}
/** `GET /repos/o/r/pulls`: the path without the host or the query, which say nothing a reader needs. */
function describe(request) {
    return `${request.method} ${new URL(request.url, 'http://github.invalid').pathname}`;
}

// EXTERNAL MODULE: ./src/github/json.ts
var json = __webpack_require__(8653);
// EXTERNAL MODULE: ./src/github/waitBudget.ts
var waitBudget = __webpack_require__(9939);
;// CONCATENATED MODULE: ./src/github/octokit.ts
/**
 * The GitHub client: `@actions/github`'s Octokit (the runner's proxy settings, GHES through `apiUrl`) with the retry
 * and throttling plugins. 5xx answers and dropped connections are retried with a growing backoff; a 429's
 * Retry-After, a secondary rate limit's Retry-After and a used-up primary limit's x-ratelimit-reset are waited out
 * while the run's wait budget lasts; other 4xx answers fail at once, since asking again cannot change them. Writes
 * go out one at a time, at most about one a second, as GitHub asks of content-creating requests.
 */









/** A budget for a client made on its own (tests, scripts); the action shares one among its clients. */
const DEFAULT_WAIT_SECONDS = 600;
/** Lists longer than this many pages are cut: no list the action reads is that long. */
const MAX_PAGES = 100;
/** What GitHub documents to wait on a 429 that names no time. */
const FALLBACK_RETRY_AFTER = 60;
/**
 * Answers no retry can turn around. 429 is here too: the plugin would retry it on its own backoff, and it
 * should wait out the Retry-After instead (see `honourRetryAfter`); 409 is retried by the caller, on fresh state.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 405, 409, 410, 422, 429, 451];
function createOctokitClient(options) {
    const timing = options.timing ?? client/* GITHUB_TIMING */.bl;
    const limits = new GitHubLimits(options.waitBudget ?? new waitBudget/* WaitBudget */.T(DEFAULT_WAIT_SECONDS), options.log ?? (() => undefined));
    const holder = {};
    const settings = {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: 'amts-action',
        log: { debug: ignore, info: ignore, warn: options.log ?? ignore, error: options.log ?? ignore },
        retry: { retries: RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: timing.secondMs },
        throttle: {
            retryAfterBaseValue: timing.secondMs,
            // Groups of this client alone: the plugin's shared ones would pace every client of the process together.
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: timing.writeIntervalMs }),
            notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: timing.notificationIntervalMs }),
            onRateLimit: (seconds, request, _octokit, retryCount) => limits.mayWait(request, 'the rate limit of the token is used up (x-ratelimit-reset)', seconds, retryCount),
            onSecondaryRateLimit: (seconds, request, _octokit, retryCount) => limits.mayWait(request, 'a secondary rate limit (Retry-After)', seconds, retryCount),
        },
    };
    // Registered before the retry plugin, so its hook sees each failure first and can hand it a Retry-After.
    // Failures so far of each request (the plugins retry a request with the same options object).
    const failures = new WeakMap();
    const notes = (octokit) => {
        octokit.hook.error('request', (error, request) => {
            const retryCount = failures.get(request) ?? 0;
            failures.set(request, retryCount + 1);
            throw honourRetryAfter(error, request, retryCount, limits, holder.retryRequest);
        });
    };
    const octokit = options.token
        ? (0,github/* getOctokit */.Q)(options.token, settings, notes, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A)
        : new (utils/* GitHub */.gq.plugin(notes, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A))(settings);
    // getOctokit's type leaves out what its extra plugins add; the retry plugin is one of them.
    holder.retryRequest = octokit.retry.retryRequest;
    return {
        async request({ method, path, body }) {
            try {
                const response = await octokit.request({
                    method,
                    url: path,
                    // Its own request options: the plugins note retry counts there, and the defaults' object is shared.
                    request: {},
                    ...(body === undefined ? {} : { data: body }),
                });
                const data = response.data;
                return data === '' ? undefined : data;
            }
            catch (error) {
                throw apiError(error, limits);
            }
        },
        async paginate(path) {
            const items = [];
            try {
                let pages = 0;
                for await (const response of octokit.paginate.iterator({
                    method: 'GET',
                    url: path,
                    per_page: 100,
                    request: {},
                })) {
                    const data = response.data;
                    if (!Array.isArray(data))
                        throw new client/* GitHubApiError */.OS(response.status, `GET ${path}`, 'expected a list');
                    items.push(...data);
                    if (++pages >= MAX_PAGES)
                        break;
                }
            }
            catch (error) {
                throw apiError(error, limits);
            }
            return items;
        },
    };
}
function ignore() { }
function isFailedRequest(error) {
    if (!(error instanceof Error))
        return false;
    const record = (0,json/* asRecord */.qY)(error);
    return typeof record?.status === 'number' && (0,json/* asRecord */.qY)(record.request) !== undefined;
}
/**
 * Logs the retry of a 5xx or dropped connection (the retry plugin then retries it), and turns a plain 429 into a
 * retry after its Retry-After while the budget lasts. Rate limits the throttling plugin knows (secondary, or
 * `x-ratelimit-remaining: 0`) are left to it.
 */
function honourRetryAfter(error, request, retryCount, limits, retryRequest) {
    if (!isFailedRequest(error))
        return error;
    if (error.status >= 500) {
        const what = error.response ? `GitHub answered ${error.status}` : `no answer (${error.message})`;
        limits.noteServerError(request, what, retryCount);
        return error;
    }
    const seconds = Number(error.response?.headers['retry-after']) || FALLBACK_RETRY_AFTER;
    const waits = error.status === 429 &&
        !isKnownRateLimit(error) &&
        limits.mayWait(request, `429 Too Many Requests (Retry-After: ${seconds})`, seconds, retryCount);
    // Marked either way: the retry plugin keeps what an earlier try of this request set, and would retry a 404 with it.
    return retryRequest?.(error, waits ? RETRIES : 0, waits ? seconds : 0) ?? error;
}
function isKnownRateLimit(error) {
    return /\bsecondary rate\b/i.test(error.message) || String(error.response?.headers['x-ratelimit-remaining']) === '0';
}
/** Octokit's error as the rest of the action knows it: status, request and GitHub's own message, no headers. */
function apiError(error, limits) {
    if (error instanceof client/* GitHubApiError */.OS || !isFailedRequest(error))
        return error;
    const request = describe(error.request);
    const refusal = limits.takeRefusal(error.request);
    if (refusal)
        return new client/* GitHubRateLimitError */.Rr(error.status, request, refusal);
    if (!error.response) {
        return new client/* GitHubApiError */.OS(0, request, `no answer from GitHub (${error.message}) after ${RETRIES} retries`);
    }
    return new client/* GitHubApiError */.OS(error.status, request, apiMessageOf(error.response.data));
}
function apiMessageOf(data) {
    const record = (0,json/* asRecord */.qY)(data);
    const message = (0,json/* stringAt */.bX)(record, 'message') ?? (typeof data === 'string' ? data : JSON.stringify(data));
    const errors = Array.isArray(record?.errors) ? ` (${JSON.stringify(record.errors)})` : '';
    return `${message}${errors}`.slice(0, 500);
}


/***/ })

};
