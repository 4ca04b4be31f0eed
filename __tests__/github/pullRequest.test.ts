import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PullRequests } from '../../src/github/pullRequest.js';
import { GitHubApiError, createRestClient } from '../../src/github/rest.js';
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

  const client = () => createRestClient({ apiUrl: server.url, token: 'tok' });

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
    const pulls = await PullRequests.create(createRestClient({ apiUrl: server.url, token: 'wrong' }), {
      owner: 'd2l-ai',
      name: 'd2l-zh',
    });
    const failure = pulls.upsert(content);
    await expect(failure).rejects.toBeInstanceOf(GitHubApiError);
    await expect(failure).rejects.toThrow('failed with 401: Bad credentials');
  });
});
