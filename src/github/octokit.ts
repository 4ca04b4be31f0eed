/**
 * The GitHub client: `@actions/github`'s Octokit (the runner's proxy settings, GHES through `apiUrl`) with the retry
 * and throttling plugins. 5xx answers and dropped connections are retried with a growing backoff; a 429's
 * Retry-After, a secondary rate limit's Retry-After and a used-up primary limit's x-ratelimit-reset are waited out
 * while the run's wait budget lasts; other 4xx answers fail at once, since asking again cannot change them. Writes
 * go out one at a time, at most about one a second, as GitHub asks of content-creating requests.
 */
import { getOctokit } from '@actions/github';
import { GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { GitHubClient, GitHubClientOptions, GitHubRequest } from './client.js';
import { GITHUB_TIMING, GitHubApiError, GitHubRateLimitError } from './client.js';
import type { LimitedRequest } from './githubLimits.js';
import { GitHubLimits, RETRIES, describe } from './githubLimits.js';
import { asRecord, stringAt } from './json.js';
import { WaitBudget } from './waitBudget.js';

type Octokit = Parameters<typeof retry>[0];
/** The fields of a request's options the client reads (Octokit's hooks pass the whole endpoint options). */
type RequestOptions = LimitedRequest & object;
type RetryRequest = ReturnType<typeof retry>['retry']['retryRequest'];

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

export function createOctokitClient(options: GitHubClientOptions): GitHubClient {
  const timing = options.timing ?? GITHUB_TIMING;
  const limits = new GitHubLimits(
    options.waitBudget ?? new WaitBudget(DEFAULT_WAIT_SECONDS),
    options.log ?? (() => undefined),
  );
  const holder: { retryRequest?: RetryRequest } = {};
  const settings = {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'amts-action',
    log: { debug: ignore, info: ignore, warn: options.log ?? ignore, error: options.log ?? ignore },
    retry: { retries: RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: timing.secondMs },
    throttle: {
      retryAfterBaseValue: timing.secondMs,
      // Groups of this client alone: the plugin's shared ones would pace every client of the process together.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: timing.writeIntervalMs }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: timing.notificationIntervalMs }),
      onRateLimit: (seconds: number, request: RequestOptions, _octokit: unknown, retryCount: number) =>
        limits.mayWait(request, 'the rate limit of the token is used up (x-ratelimit-reset)', seconds, retryCount),
      onSecondaryRateLimit: (seconds: number, request: RequestOptions, _octokit: unknown, retryCount: number) =>
        limits.mayWait(request, 'a secondary rate limit (Retry-After)', seconds, retryCount),
    },
  };
  // Registered before the retry plugin, so its hook sees each failure first and can hand it a Retry-After.
  // Failures so far of each request (the plugins retry a request with the same options object).
  const failures = new WeakMap<object, number>();
  const notes = (octokit: Octokit): void => {
    octokit.hook.error('request', (error, request) => {
      const retryCount = failures.get(request) ?? 0;
      failures.set(request, retryCount + 1);
      throw honourRetryAfter(error, request, retryCount, limits, holder.retryRequest);
    });
  };
  const octokit = options.token
    ? getOctokit(options.token, settings, notes, retry, throttling)
    : new (GitHub.plugin(notes, retry, throttling))(settings);
  // getOctokit's type leaves out what its extra plugins add; the retry plugin is one of them.
  holder.retryRequest = (octokit as typeof octokit & ReturnType<typeof retry>).retry.retryRequest;

  return {
    async request({ method, path, body }: GitHubRequest) {
      try {
        const response = await octokit.request({
          method,
          url: path,
          // Its own request options: the plugins note retry counts there, and the defaults' object is shared.
          request: {},
          ...(body === undefined ? {} : { data: body }),
        });
        const data: unknown = response.data;
        return data === '' ? undefined : data;
      } catch (error) {
        throw apiError(error, limits);
      }
    },
    async paginate(path: string) {
      const items: unknown[] = [];
      try {
        let pages = 0;
        for await (const response of octokit.paginate.iterator({
          method: 'GET',
          url: path,
          per_page: 100,
          request: {},
        })) {
          const data: unknown = response.data;
          if (!Array.isArray(data)) throw new GitHubApiError(response.status, `GET ${path}`, 'expected a list');
          items.push(...(data as unknown[]));
          if (++pages >= MAX_PAGES) break;
        }
      } catch (error) {
        throw apiError(error, limits);
      }
      return items;
    },
  };
}

function ignore(): void {}

/** The fields of Octokit's RequestError the client reads. */
interface FailedRequest {
  readonly status: number;
  readonly message: string;
  readonly request: { readonly method: string; readonly url: string };
  readonly response?: { readonly headers: Record<string, string | number | undefined>; readonly data: unknown };
}

function isFailedRequest(error: unknown): error is Error & FailedRequest {
  if (!(error instanceof Error)) return false;
  const record = asRecord(error);
  return typeof record?.status === 'number' && asRecord(record.request) !== undefined;
}

/**
 * Logs the retry of a 5xx or dropped connection (the retry plugin then retries it), and turns a plain 429 into a
 * retry after its Retry-After while the budget lasts. Rate limits the throttling plugin knows (secondary, or
 * `x-ratelimit-remaining: 0`) are left to it.
 */
function honourRetryAfter(
  error: Error,
  request: RequestOptions,
  retryCount: number,
  limits: GitHubLimits,
  retryRequest: RetryRequest | undefined,
): Error {
  if (!isFailedRequest(error)) return error;
  if (error.status >= 500) {
    const what = error.response ? `GitHub answered ${error.status}` : `no answer (${error.message})`;
    limits.noteServerError(request, what, retryCount);
    return error;
  }
  const seconds = Number(error.response?.headers['retry-after']) || FALLBACK_RETRY_AFTER;
  const waits =
    error.status === 429 &&
    !isKnownRateLimit(error) &&
    limits.mayWait(request, `429 Too Many Requests (Retry-After: ${seconds})`, seconds, retryCount);
  // Marked either way: the retry plugin keeps what an earlier try of this request set, and would retry a 404 with it.
  return retryRequest?.(error as Parameters<RetryRequest>[0], waits ? RETRIES : 0, waits ? seconds : 0) ?? error;
}

function isKnownRateLimit(error: FailedRequest): boolean {
  return /\bsecondary rate\b/i.test(error.message) || String(error.response?.headers['x-ratelimit-remaining']) === '0';
}

/** Octokit's error as the rest of the action knows it: status, request and GitHub's own message, no headers. */
function apiError(error: unknown, limits: GitHubLimits): unknown {
  if (error instanceof GitHubApiError || !isFailedRequest(error)) return error;
  const request = describe(error.request);
  const refusal = limits.takeRefusal(error.request);
  if (refusal) return new GitHubRateLimitError(error.status, request, refusal);
  if (!error.response) {
    return new GitHubApiError(0, request, `no answer from GitHub (${error.message}) after ${RETRIES} retries`);
  }
  return new GitHubApiError(error.status, request, apiMessageOf(error.response.data));
}

function apiMessageOf(data: unknown): string {
  const record = asRecord(data);
  const message = stringAt(record, 'message') ?? (typeof data === 'string' ? data : JSON.stringify(data));
  const errors = Array.isArray(record?.errors) ? ` (${JSON.stringify(record.errors)})` : '';
  return `${message}${errors}`.slice(0, 500);
}
