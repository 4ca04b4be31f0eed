import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApiError, GitHubRateLimitError } from '../../src/github/client.js';
import type { GitHubClientOptions } from '../../src/github/client.js';
import { createOctokitClient } from '../../src/github/octokit.js';
import { WaitBudget } from '../../src/github/waitBudget.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { GitHubServer } from '../servers/githubServer.js';

const REPO = 'd2l-ai/d2l-zh';
const TOKEN = 'ghs_octokitTestToken0123456789';

describe('the Octokit client', () => {
  let server: GitHubServer;
  let lines: string[];
  beforeEach(async () => {
    server = await GitHubServer.start();
    server.addRepository(REPO, { token: TOKEN });
    lines = [];
  });
  afterEach(() => server.close());

  const client = (options: Partial<GitHubClientOptions> = {}) =>
    createOctokitClient({
      apiUrl: server.url,
      token: TOKEN,
      timing: FAST_TIMING,
      log: (line) => lines.push(line),
      ...options,
    });
  const openPull = {
    method: 'POST' as const,
    path: `/repos/${REPO}/pulls`,
    body: { title: 'T', head: 'b', base: 'main' },
  };
  const hits = (method: string, suffix: string) =>
    server.requests.filter((request) => request.method === method && request.path.endsWith(suffix)).length;

  it('retries a 502 and a dropped connection with a backoff, and says so', async () => {
    server.injectFault('GET', /\/pulls$/, { kind: 'bad-gateway' });
    server.injectFault('GET', /\/pulls$/, { kind: 'connection-reset' });
    server.openPullRequest(REPO, 'amts/zh/nightly', 'main');
    const pulls = await client().paginate(`/repos/${REPO}/pulls?state=open`);
    expect(pulls).toHaveLength(1);
    expect(hits('GET', '/pulls')).toBe(3);
    expect(lines).toEqual([
      `GitHub API GET /repos/${REPO}/pulls: GitHub answered 502; retrying (1 of 3) after a backoff`,
      expect.stringMatching(
        new RegExp(`^GitHub API GET /repos/${REPO}/pulls: no answer \\(.+\\); retrying \\(2 of 3\\)`),
      ),
    ]);
  });

  it('gives up on a server that keeps failing, after three retries, with one clear line', async () => {
    server.injectFault('GET', /d2l-zh$/, { kind: 'bad-gateway' }, 4);
    const failure = client().request({ method: 'GET', path: `/repos/${REPO}` });
    await expect(failure).rejects.toThrow(`GitHub API GET /repos/${REPO} failed with 502: Server Error`);
    expect(hits('GET', '/d2l-zh')).toBe(4);
  });

  it('waits out the Retry-After of a 429, then creates the pull request once', async () => {
    server.injectFault('POST', /\/pulls$/, { kind: 'too-many-requests', retryAfter: 30 });
    const started = performance.now();
    const created = await client().request(openPull);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30 * FAST_TIMING.secondMs);
    expect(created).toMatchObject({ number: 1 });
    expect(server.pulls(REPO)).toHaveLength(1);
    expect(lines).toEqual([
      `GitHub API POST /repos/${REPO}/pulls: 429 Too Many Requests (Retry-After: 30); waiting 30 s, then retrying (1 of 3)`,
    ]);
  });

  it('waits out a secondary rate limit for its Retry-After', async () => {
    server.injectFault('POST', /\/pulls$/, { kind: 'secondary-rate-limit', retryAfter: 20 });
    const started = performance.now();
    await client().request(openPull);
    expect(performance.now() - started).toBeGreaterThanOrEqual(20 * FAST_TIMING.secondMs);
    expect(server.pulls(REPO)).toHaveLength(1);
    expect(lines).toEqual([
      `GitHub API POST /repos/${REPO}/pulls: a secondary rate limit (Retry-After); waiting 20 s, then retrying (1 of 3)`,
    ]);
  });

  it('waits for x-ratelimit-reset when the primary limit is used up', async () => {
    server.injectFault('GET', /d2l-zh$/, { kind: 'primary-rate-limit', resetIn: 40 });
    const repository = await client().request({ method: 'GET', path: `/repos/${REPO}` });
    expect(repository).toMatchObject({ full_name: REPO });
    expect(hits('GET', '/d2l-zh')).toBe(2);
    const [line, ...others] = lines;
    expect(others).toEqual([]);
    // the reset is 40 s away; the plugin adds a second so the retry lands after it
    expect(line).toMatch(
      /^GitHub API GET \/repos\/d2l-ai\/d2l-zh: the rate limit of the token is used up \(x-ratelimit-reset\); waiting 4[0-2] s/,
    );
  });

  it('stops with one clear line, without waiting, when a limit would outlast the budget', async () => {
    server.injectFault('POST', /\/pulls$/, { kind: 'secondary-rate-limit', retryAfter: 3600 });
    const started = performance.now();
    const failure = client({ waitBudget: new WaitBudget(600) }).request(openPull);
    await expect(failure).rejects.toBeInstanceOf(GitHubRateLimitError);
    await expect(failure).rejects.toThrow(
      `GitHub API POST /repos/${REPO}/pulls: a secondary rate limit (Retry-After) asks to wait 3600 s, more than the 600 s left of rate-limit-wait-seconds (600 s a run); stopped without waiting. Run again later.`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.pulls(REPO)).toEqual([]);
    expect(hits('POST', '/pulls')).toBe(1);
  });

  it('counts every wait of the run against one budget', async () => {
    const budget = new WaitBudget(50);
    server.injectFault('GET', /d2l-zh$/, { kind: 'too-many-requests', retryAfter: 30 });
    await client({ waitBudget: budget }).request({ method: 'GET', path: `/repos/${REPO}` });
    expect(budget.remaining).toBe(20);
    server.injectFault('GET', /d2l-zh$/, { kind: 'primary-rate-limit', resetIn: 30 });
    const failure = client({ waitBudget: budget }).request({ method: 'GET', path: `/repos/${REPO}` });
    await expect(failure).rejects.toThrow(/asks to wait 3[0-2] s, more than the 20 s left of rate-limit-wait-seconds/);
  });

  it('never retries a 4xx that cannot succeed', async () => {
    const missing = client().request({ method: 'GET', path: `/repos/d2l-ai/nowhere` });
    await expect(missing).rejects.toThrow('GitHub API GET /repos/d2l-ai/nowhere failed with 404: Not Found');
    const refused = client({ token: 'wrong' }).request(openPull);
    await expect(refused).rejects.toBeInstanceOf(GitHubApiError);
    await expect(refused).rejects.toThrow('failed with 401: Bad credentials');
    server.interceptOnce('POST', /\/pulls$/, () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    await expect(client().request(openPull)).rejects.toThrow('failed with 403: Resource not accessible by integration');
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /repos/d2l-ai/nowhere',
      `POST /repos/${REPO}/pulls`,
      `POST /repos/${REPO}/pulls`,
    ]);
    expect(lines).toEqual([]);
  });

  it('does not retry a 404 that follows a retried 502 of the same request', async () => {
    server.injectFault('GET', /nowhere$/, { kind: 'bad-gateway' });
    await expect(client().request({ method: 'GET', path: '/repos/d2l-ai/nowhere' })).rejects.toThrow('404');
    expect(hits('GET', '/nowhere')).toBe(2);
  });

  it('sends writes one at a time, at least the write interval apart', async () => {
    const interval = 50;
    const paced = client({ timing: { ...FAST_TIMING, writeIntervalMs: interval, notificationIntervalMs: interval } });
    await paced.request({ method: 'GET', path: `/repos/${REPO}` });
    const started = performance.now();
    await Promise.all(
      ['a', 'b', 'c'].map((head) => paced.request({ ...openPull, body: { title: head, head, base: 'main' } })),
    );
    // the third write may leave two intervals after the first at the earliest; a busy machine only adds to that
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * interval);
    expect(server.writes().map((request) => asTitle(request.body))).toEqual(['a', 'b', 'c']);
    expect(server.pulls(REPO).map((pull) => pull.title)).toEqual(['a', 'b', 'c']);
  });

  it('reads every page through Octokit pagination, with anonymous access', async () => {
    const files = Array.from({ length: 230 }, (_, index) => ({
      filename: `c/${index}.md`,
      status: 'modified' as const,
    }));
    server.setPullRequestFiles(REPO, 7, files);
    const listed = await client({ token: '' }).paginate(`/repos/${REPO}/pulls/7/files`);
    expect(listed).toEqual(files);
    const pages = server.requests.filter((request) => request.path.endsWith('/files'));
    expect(pages.map((request) => request.query.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.every((request) => request.authorization === undefined)).toBe(true);
  });

  it('sends the token as GitHub expects and never puts it in an error', async () => {
    server.injectFault('POST', /\/pulls$/, { kind: 'bad-gateway' }, 4);
    const failure = await client()
      .request(openPull)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitHubApiError);
    expect(String((failure as Error).message)).not.toContain(TOKEN);
    expect(JSON.stringify(failure)).not.toContain(TOKEN);
    expect(server.requests[0]?.authorization).toBe(`token ${TOKEN}`);
  });
});

function asTitle(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'title' in body ? body.title : undefined;
}
