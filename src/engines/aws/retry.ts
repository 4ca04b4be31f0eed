/**
 * Waiting and retrying for AWS calls. The SDK retries throttling a few times on its own; these
 * helpers cover what it does not: longer bursts of throttling, one-at-a-time resource updates
 * (Conflict), and polling long-running jobs with backoff and jitter against a deadline.
 */

export interface RetryPolicy {
  /** Delay before the first retry; doubles each time, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts including the first one. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8 };

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Exponential backoff with "equal jitter": never less than half the nominal delay. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return nominal / 2 + Math.random() * (nominal / 2);
}

interface ServiceErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const shaped = error as ServiceErrorShape;
  return typeof shaped.name === 'string' ? shaped.name : typeof shaped.code === 'string' ? shaped.code : '';
}

export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as ServiceErrorShape).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

const THROTTLING_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'SlowDown',
  'RequestLimitExceeded',
]);
const TRANSIENT_NAMES = new Set([
  'InternalServerException',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

export function isThrottlingError(error: unknown): boolean {
  return THROTTLING_NAMES.has(errorName(error)) || httpStatusOf(error) === 429;
}

/** Throttling, 5xx and dropped connections: worth trying again with the same request. */
export function isTransientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return isThrottlingError(error) || TRANSIENT_NAMES.has(errorName(error)) || (status !== undefined && status >= 500);
}

export function isConflictError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'ConflictException' || name === 'ConcurrentModificationException';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = errorName(error);
    return name && !error.message.startsWith(name) ? `${name}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Runs `operation`, retrying while `shouldRetry` says so. The same request is sent again, so an
 * idempotency token inside it stays the same across attempts.
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  shouldRetry: (error: unknown) => boolean = isTransientError,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt + 1 >= policy.maxAttempts || !shouldRetry(error)) throw error;
      await sleep(backoffDelay(attempt, policy));
    }
  }
}

export interface PollOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Absolute time (ms since epoch) after which polling stops. */
  readonly deadline: number;
}

export type PollOutcome<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly last: T };

/**
 * Calls `check` until `isDone` holds or the deadline passes; the delay grows by half each poll
 * (with jitter) up to `maxDelayMs`. Returns the last value seen either way.
 */
export async function pollUntil<T>(
  check: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: PollOptions,
): Promise<PollOutcome<T>> {
  let delay = options.initialDelayMs;
  for (;;) {
    const value = await check();
    if (isDone(value)) return { done: true, value };
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) return { done: false, last: value };
    const jittered = delay * (0.8 + Math.random() * 0.4);
    await sleep(Math.min(jittered, remaining));
    delay = Math.min(options.maxDelayMs, delay * 1.5);
  }
}

export { mapWithConcurrency } from '../../io/mapWithConcurrency.js';
