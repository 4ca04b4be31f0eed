/**
 * What the client does when GitHub says "not now": one place that decides whether to wait (within the run's
 * budget), says in the log what is retried and why, and remembers why it gave up so the error can say so.
 */
import type { WaitBudget } from './waitBudget.js';

/** Tries after the first, for one request: enough to ride out a blip, few enough to fail fast when GitHub is down. */
export const RETRIES = 3;

/** The request a retry or wait is for, as the log and the errors name it. */
export interface LimitedRequest {
  readonly method: string;
  readonly url: string;
}

export class GitHubLimits {
  /** Why a request was not retried, by `METHOD /path` (hooks see the path, errors the full URL), for its error. */
  private readonly refusals = new Map<string, string>();

  constructor(
    private readonly budget: WaitBudget,
    private readonly log: (line: string) => void,
  ) {}

  /** A 5xx or a dropped connection: the retry plugin retries it with a growing backoff. */
  noteServerError(request: LimitedRequest, what: string, retryCount: number): void {
    if (retryCount >= RETRIES) return;
    this.log(`GitHub API ${describe(request)}: ${what}; retrying (${retryCount + 1} of ${RETRIES}) after a backoff`);
  }

  /**
   * A rate limit that asks to wait `seconds`: true (and a log line) when the run may wait that long, else false
   * with the reason kept for the error.
   */
  mayWait(request: LimitedRequest, limit: string, seconds: number, retryCount: number): boolean {
    const key = keyOf(request);
    if (retryCount >= RETRIES) {
      this.refusals.set(key, `still held by ${limit} after ${RETRIES} waits; stopped. Run again later.`);
      return false;
    }
    const { remaining } = this.budget;
    if (!this.budget.take(seconds)) {
      this.refusals.set(
        key,
        `${limit} asks to wait ${seconds} s, more than the ${remaining} s left of rate-limit-wait-seconds (${this.budget.seconds} s a run); stopped without waiting. Run again later.`,
      );
      return false;
    }
    this.log(
      `GitHub API ${describe(request)}: ${limit}; waiting ${seconds} s, then retrying (${retryCount + 1} of ${RETRIES})`,
    );
    return true;
  }

  /** The reason a request was given up on, once (a later try of the same request starts afresh). */
  takeRefusal(request: LimitedRequest): string | undefined {
    const key = keyOf(request);
    const reason = this.refusals.get(key);
    this.refusals.delete(key);
    return reason;
  }
}

function keyOf(request: LimitedRequest): string {
  return describe(request);
}

/** `GET /repos/o/r/pulls`: the path without the host or the query, which say nothing a reader needs. */
export function describe(request: LimitedRequest): string {
  return `${request.method} ${new URL(request.url, 'http://github.invalid').pathname}`;
}
