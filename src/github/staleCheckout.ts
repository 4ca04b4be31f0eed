/**
 * A checkout older than the English the bot branch already reflects (a re-run of an earlier event, or runs that
 * finished out of order) must not sync a file a later commit changed: its origin file already holds the newer
 * English, and syncing the older one would draft the English back. Such files are left out; the files no later
 * commit touched sync as usual, since their English is the same in both commits.
 */
import type { FileChange } from './changes.js';
import type { Git } from './git.js';

export interface FreshChanges {
  readonly kept: readonly FileChange[];
  /** Lines for the log: each file left out, and why. */
  readonly skipped: readonly string[];
}

/**
 * `recorded` is the English commit the target records; nothing is left out when it is the checkout itself, not a
 * descendant of it, or not in the checkout at all (then there is no way to tell, and the sync goes on as before).
 */
export async function dropOutdatedChanges(
  changes: readonly FileChange[],
  sourceGit: Git,
  checkout: string,
  recorded: string | undefined,
): Promise<FreshChanges> {
  if (!recorded || recorded === checkout || !(await sourceGit.revParse(recorded)))
    return { kept: changes, skipped: [] };
  const newer = await sourceGit.tryRun(['merge-base', '--is-ancestor', checkout, recorded]);
  if (newer.code !== 0) return { kept: changes, skipped: [] };
  const kept: FileChange[] = [];
  const skipped: string[] = [];
  for (const change of changes) {
    const paths = change.previousPath ? [change.path, change.previousPath] : [change.path];
    const diff = await sourceGit.tryRun(['diff', '--quiet', checkout, recorded, '--', ...paths]);
    if (diff.code === 0) kept.push(change);
    else
      skipped.push(
        `${change.path} (the translation already reflects its newer English of ${recorded.slice(0, 12)}; this checkout is ${checkout.slice(0, 12)})`,
      );
  }
  return { kept, skipped };
}
