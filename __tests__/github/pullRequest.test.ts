import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PullRequests } from '../../src/github/pullRequest.js';
import { GitHubApiError } from '../../src/github/client.js';
import { createOctokitClient } from '../../src/github/octokit.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { GitHubServer } from '../servers/githubServer.js';

const content = {
  branch: 'amts/zh/pr-9',
  base: 'main',
  title: 'Sync',
  body: 'Body',
  draft: true,
  labels: ['translation'],
  reviewers: ['mli'],
  teamReviewers: ['zh'],
};

describe('PullRequests', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await GitHubServer.start();
    server.addRepository('d2l-ai/d2l-zh', { token: 'tok' });
  });
  afterEach(() => server.close());

  const client = () => createOctokitClient({ apiUrl: server.url, token: 'tok', timing: FAST_TIMING });

  it('creates, then updates the same PR, asking reviewers only once', async () => {
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    const created = await pulls.upsert(content);
    const updated = await pulls.upsert({ ...content, title: 'Sync again', body: 'New body' });
    expect(created.operation).toBe('created');
    expect(updated).toMatchObject({ operation: 'updated', number: created.number });
    const [pull, ...rest] = server.pulls('d2l-ai/d2l-zh');
    expect(rest).toEqual([]);
    expect(pull).toMatchObject({
      title: 'Sync again',
      body: 'New body',
      draft: true,
      labels: ['translation'],
      requestedReviewers: ['mli'],
      requestedTeams: ['zh'],
    });
  });

  it('updates the PR a concurrent run opened between our look-up and our create (422)', async () => {
    server.interceptOnce('POST', /\/pulls$/, () => {
      server.openPullRequest('d2l-ai/d2l-zh', 'amts/zh/pr-9', 'main');
      return { status: 422, body: { message: 'A pull request already exists for d2l-ai:amts/zh/pr-9.' } };
    });
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    const result = await pulls.upsert(content);
    expect(result.operation).toBe('updated');
    expect(server.pulls('d2l-ai/d2l-zh')).toHaveLength(1);
    expect(server.pulls('d2l-ai/d2l-zh')[0]?.title).toBe('Sync');
  });

  it('retries a 409 on fresh state and gives up after three attempts', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      server.interceptOnce('POST', /\/pulls$/, () => ({ status: 409, body: { message: 'Conflict' } }));
    }
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    await expect(pulls.upsert(content)).rejects.toThrow(
      'GitHub API POST /repos/d2l-ai/d2l-zh/pulls failed with 409: Conflict',
    );
    expect(
      server.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/pulls')),
    ).toHaveLength(3);
  });

  it('reports a reviewer GitHub refuses as a warning, not a failure', async () => {
    server.interceptOnce('POST', /requested_reviewers$/, () => ({
      status: 422,
      body: { message: 'Reviews may only be requested from collaborators.' },
    }));
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    const result = await pulls.upsert(content);
    expect(result.warnings).toEqual([
      `Could not request reviewers on #${result.number}: Reviews may only be requested from collaborators.`,
    ]);
  });

  it('fails clearly with a bad token', async () => {
    const pulls = await PullRequests.create(
      createOctokitClient({ apiUrl: server.url, token: 'wrong', timing: FAST_TIMING }),
      {
        owner: 'd2l-ai',
        name: 'd2l-zh',
      },
    );
    const failure = pulls.upsert(content);
    await expect(failure).rejects.toBeInstanceOf(GitHubApiError);
    await expect(failure).rejects.toThrow('failed with 401: Bad credentials');
  });

  const commit = 'a'.repeat(40);
  const comment = (key: string, line: number) => ({
    path: 'chapter_x/a.md',
    line,
    key,
    body: `Draft ${key}\n\n<!-- amts:draft ${key} -->`,
  });

  it('posts one review of new comments, never one a previous run posted, up to the limit', async () => {
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    const { number } = await pulls.upsert(content);
    const keys = ['0123456789abcdef', '1123456789abcdef', '2123456789abcdef'];
    const first = await pulls.commentOnDrafts(number, commit, [comment(keys[0]!, 3)], 50);
    expect(first).toEqual({ posted: 1, alreadyPosted: 0, left: 0, warnings: [] });
    const second = await pulls.commentOnDrafts(
      number,
      commit,
      keys.map((key, index) => comment(key, 3 + index)),
      1,
    );
    expect(second).toEqual({ posted: 1, alreadyPosted: 1, left: 1, warnings: [] });
    const [pull] = server.pulls('d2l-ai/d2l-zh');
    expect(pull?.reviewComments.map((posted) => [posted.path, posted.line, posted.commitId])).toEqual([
      ['chapter_x/a.md', 3, commit],
      ['chapter_x/a.md', 4, commit],
    ]);
  });

  it('leaves the drafts to the description when GitHub refuses a line, and says so', async () => {
    const pulls = await PullRequests.create(client(), { owner: 'd2l-ai', name: 'd2l-zh' });
    const { number } = await pulls.upsert(content);
    server.interceptOnce('POST', /\/reviews$/, () => ({
      status: 422,
      body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] },
    }));
    const result = await pulls.commentOnDrafts(number, commit, [comment('0123456789abcdef', 3)], 50);
    expect(result).toMatchObject({ posted: 0, left: 1 });
    expect(result.warnings[0]).toMatch(/^Could not comment on the drafts of #\d+: .*they are in the description$/);
    expect(server.pulls('d2l-ai/d2l-zh')[0]?.reviewComments).toEqual([]);
  });
});
