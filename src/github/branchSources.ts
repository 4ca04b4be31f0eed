/**
 * Which English changes a bot branch holds. Each sync commit carries one `AMTS-Source:` trailer (JSON of the
 * pull request or commit range it synced), so the list is read back from the commits the branch has and its target
 * branch has not: after translators merge the branch, the list of the next one starts empty, whatever kind of merge
 * they used.
 */
import { sameSource } from '../report/includedSources.js';
import type { SourceContext, SourceEntry } from '../report/syncTables.js';
import type { Git } from './git.js';
import { asRecord, numberAt, recordAt, stringAt } from './json.js';

export const SOURCE_TRAILER = 'AMTS-Source';

/** The trailer line naming the change a sync commit brings in. */
export function sourceTrailer(context: SourceContext): string {
  return `${SOURCE_TRAILER}: ${JSON.stringify(sourceEntry(context))}`;
}

export function sourceEntry(context: SourceContext): SourceEntry {
  return {
    repository: context.repository,
    commit: context.commit,
    ...(context.pullRequest ? { pullRequest: context.pullRequest } : {}),
    ...(context.range ? { range: context.range } : {}),
  };
}

/** The changes the commits on HEAD and not on `origin/<base>` brought in, newest first, each once. */
export async function readBranchSources(git: Git, base: string): Promise<SourceEntry[]> {
  const log = await git.run(['log', '--format=%B%x00', `origin/${base}..HEAD`, '--']);
  const entries: SourceEntry[] = [];
  for (const message of log.split('\0')) {
    for (const line of message.split('\n')) {
      if (!line.startsWith(`${SOURCE_TRAILER}: `)) continue;
      const entry = parseEntry(line.slice(SOURCE_TRAILER.length + 2));
      if (entry && !entries.some((seen) => sameSource(seen, entry))) entries.push(entry);
    }
  }
  return entries;
}

/** This run's change first, then the ones the branch already holds. */
export function withIncluded(context: SourceContext, earlier: readonly SourceEntry[]): SourceContext {
  const current = sourceEntry(context);
  return { ...context, included: [current, ...earlier.filter((entry) => !sameSource(entry, current))] };
}

/** A trailer someone edited by hand is skipped, never fatal: it only feeds the PR description. */
function parseEntry(text: string): SourceEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = asRecord(value);
  const repository = stringAt(record, 'repository');
  const commit = stringAt(record, 'commit');
  if (!repository || !commit) return undefined;
  const pull = recordAt(record, 'pullRequest');
  const number = numberAt(pull, 'number');
  const range = recordAt(record, 'range');
  const from = stringAt(range, 'from');
  const to = stringAt(range, 'to');
  return {
    repository,
    commit,
    ...(number !== undefined
      ? { pullRequest: { number, title: stringAt(pull, 'title') ?? '', url: stringAt(pull, 'url') ?? '' } }
      : {}),
    ...(from && to ? { range: { from, to } } : {}),
  };
}
