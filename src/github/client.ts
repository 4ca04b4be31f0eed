/**
 * The small GitHub interface the rest of the action sees: a request and a paginated list. The real one is Octokit
 * (src/github/octokit.ts); tests hand in fakes or point the real one at a local server.
 */
import type { WaitBudget } from './waitBudget.js';

export interface GitHubRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path with query, e.g. `/repos/o/r/pulls?state=open`. */
  readonly path: string;
  readonly body?: unknown;
}

export interface GitHubClient {
  request(request: GitHubRequest): Promise<unknown>;
  /** Every page of a list, concatenated. */
  paginate(path: string): Promise<unknown[]>;
}

/** How long the client waits between tries and between writes; tests shrink it so the suite stays fast. */
export interface GitHubTiming {
  /** One "second" of a backoff, Retry-After or x-ratelimit-reset, in milliseconds. */
  readonly secondMs: number;
  /** Least time between two writes (GitHub asks for about one a second for content-creating requests). */
  readonly writeIntervalMs: number;
  /** Least time between two writes that notify people (a pull request, a review, reviewers). */
  readonly notificationIntervalMs: number;
}

export const GITHUB_TIMING: GitHubTiming = { secondMs: 1000, writeIntervalMs: 1000, notificationIntervalMs: 3000 };

export interface GitHubClientOptions {
  readonly apiUrl: string;
  /** '' for anonymous access. */
  readonly token: string;
  /** Sees one line per retry or wait: what, why and for how long. */
  readonly log?: (line: string) => void;
  /** Shared by every client of a run, so all their rate-limit waits together stay under one bound. */
  readonly waitBudget?: WaitBudget;
  readonly timing?: GitHubTiming;
}

export type GitHubClientFactory = (options: GitHubClientOptions) => GitHubClient;

/** A non-2xx answer; the message quotes GitHub's own message, never the request headers. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly request: string,
    readonly apiMessage: string,
  ) {
    super(`GitHub API ${request} failed${status ? ` with ${status}` : ''}: ${apiMessage}`);
    this.name = 'GitHubApiError';
  }
}

/** A rate limit that would keep the run waiting past its bound: the run stops instead, with this one line. */
export class GitHubRateLimitError extends GitHubApiError {
  constructor(status: number, request: string, reason: string) {
    super(status, request, reason);
    this.message = `GitHub API ${request}: ${reason}`;
    this.name = 'GitHubRateLimitError';
  }
}
