/**
 * Takes back a push whose pull request could not be opened or updated (GitHub refused, or a rate limit outlasted the
 * run's bound), so no bot branch is left ahead of its PR: the next run finds the branch as it was and does it all
 * again. The branch goes back only while it still holds this run's commit, so nobody else's push is lost.
 */
import type { Git } from './git.js';

/** What a push changed: the commit it pushed, and the one the remote branch held before (none when it was new). */
export interface PushedBranch {
  readonly branch: string;
  readonly pushed: string;
  readonly previous: string | undefined;
}

/** The sentence to add to the failure: what became of the branch. */
export async function undoPush(git: Git, push: PushedBranch): Promise<string> {
  const { branch, pushed, previous } = push;
  const destination = previous ? `${previous}:refs/heads/${branch}` : `:refs/heads/${branch}`;
  const result = await git.tryRun([
    'push',
    '-q',
    `--force-with-lease=refs/heads/${branch}:${pushed}`,
    'origin',
    destination,
  ]);
  if (result.code === 0) {
    return previous
      ? `${branch} was put back to ${previous.slice(0, 12)}; the next run pushes and publishes again.`
      : `${branch} was deleted again; the next run pushes and publishes again.`;
  }
  return `Taking back the push of ${branch} failed too (${result.stderr.trim()}); open its pull request by hand.`;
}
