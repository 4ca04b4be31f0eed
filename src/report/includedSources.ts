/**
 * The English a rolling bot PR holds: every pull request or commit range its branch was synced with, newest first,
 * each linked, so translators see what one merge brings in.
 */
import type { SourceEntry } from './syncTables.js';

/** `owner/repo#14, #13, @abc1234` for a title: the repository once, then each change. */
export function includedTitle(included: readonly SourceEntry[]): string {
  const [first] = included;
  if (!first) return '';
  const names = included.map((entry, index) => {
    const name = entry.pullRequest ? `#${entry.pullRequest.number}` : `@${entry.commit.slice(0, 7)}`;
    return index === 0 || entry.repository !== first.repository ? `${entry.repository}${name}` : name;
  });
  return `${included.length} English changes: ${names.join(', ')}`;
}

/** The same change twice (a re-run, a `/amts sync`) is listed once, at its newest place. */
export function sameSource(a: SourceEntry, b: SourceEntry): boolean {
  if (a.repository !== b.repository) return false;
  if (a.pullRequest || b.pullRequest) return a.pullRequest?.number === b.pullRequest?.number;
  return a.commit === b.commit;
}
