/**
 * The Octokit client, loaded on its first request: Octokit, its plugins and their scheduler are a few hundred KB
 * the action's cold start (first log line within half a second) need not parse before it has anything to ask GitHub.
 */
import type { GitHubClient, GitHubClientOptions } from './client.js';

export function createLazyOctokitClient(options: GitHubClientOptions): GitHubClient {
  let loaded: Promise<GitHubClient> | undefined;
  const client = (): Promise<GitHubClient> => {
    loaded ??= import('./octokit.js').then(({ createOctokitClient }) => createOctokitClient(options));
    return loaded;
  };
  return {
    request: async (request) => (await client()).request(request),
    paginate: async (path) => (await client()).paginate(path),
  };
}
