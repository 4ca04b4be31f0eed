import type { GitHubTiming } from '../../src/github/client.js';

/**
 * The client's waits, shrunk for tests: a "second" of backoff, Retry-After or x-ratelimit-reset lasts a
 * millisecond, and writes are paced 5 ms apart instead of GitHub's second, so the retry paths run for real, fast.
 */
export const FAST_TIMING: GitHubTiming = { secondMs: 1, writeIntervalMs: 5, notificationIntervalMs: 5 };
