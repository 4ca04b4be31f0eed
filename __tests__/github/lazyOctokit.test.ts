import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLazyOctokitClient } from '../../src/github/lazyOctokit.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { GitHubServer } from '../servers/githubServer.js';

describe('the lazily loaded Octokit client', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await GitHubServer.start();
    server.addRepository('d2l-ai/d2l-zh', { token: 'tok' });
  });
  afterEach(() => server.close());

  it('asks nothing until used, then answers and retries as the Octokit client does', async () => {
    const lines: string[] = [];
    const client = createLazyOctokitClient({
      apiUrl: server.url,
      token: 'tok',
      timing: FAST_TIMING,
      log: (line) => lines.push(line),
    });
    expect(server.requests).toEqual([]);
    server.injectFault('GET', /d2l-zh$/, { kind: 'bad-gateway' });
    const [repository, pulls] = await Promise.all([
      client.request({ method: 'GET', path: '/repos/d2l-ai/d2l-zh' }),
      client.paginate('/repos/d2l-ai/d2l-zh/pulls?state=open'),
    ]);
    expect(repository).toMatchObject({ full_name: 'd2l-ai/d2l-zh' });
    expect(pulls).toEqual([]);
    expect(lines).toEqual([
      'GitHub API GET /repos/d2l-ai/d2l-zh: GitHub answered 502; retrying (1 of 3) after a backoff',
    ]);
  });
});
