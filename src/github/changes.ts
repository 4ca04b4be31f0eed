/**
 * Which English Markdown files changed, for each kind of trigger, and the checks that keep every
 * path from an event inside the include globs of the checkouts.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { SyncTrigger } from './event.js';
import type { Git } from './git.js';
import type { GitHubClient } from './client.js';
import { asRecord, stringAt } from './json.js';

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed';

export interface FileChange {
  /** Source-relative path with `/` separators. */
  readonly path: string;
  readonly status: ChangeStatus;
  /** The old path of a rename. */
  readonly previousPath?: string;
}

/** Either a list of changed files, or "look at everything" when no narrower range is known. */
export type ChangeSet =
  | { readonly kind: 'files'; readonly changes: readonly FileChange[]; readonly range: string }
  | { readonly kind: 'everything'; readonly reason: string };

export interface ChangeSources {
  readonly github: GitHubClient;
  /** `owner/name` of the source repository. */
  readonly repository: string;
  /** The English checkout, for push and scheduled ranges. */
  readonly sourceGit: Git;
  /** Source commit recorded by the last sync, from the target's `.amts/state.json`. */
  readonly lastSyncedCommit: string | undefined;
}

export class UnsafePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePathError';
  }
}

const NULL_COMMIT = /^0+$/;

export async function collectChanges(trigger: SyncTrigger, sources: ChangeSources): Promise<ChangeSet> {
  switch (trigger.kind) {
    case 'pull-request': {
      const changes = await listPullRequestFiles(sources.github, sources.repository, trigger.number);
      return { kind: 'files', changes, range: `pull request #${trigger.number}` };
    }
    case 'push':
      if (NULL_COMMIT.test(trigger.before)) return { kind: 'everything', reason: 'the push created the branch' };
      return diffRange(sources.sourceGit, trigger.before, trigger.after);
    case 'scheduled':
      if (!sources.lastSyncedCommit) {
        return { kind: 'everything', reason: 'the target records no synced source commit yet' };
      }
      return diffRange(sources.sourceGit, sources.lastSyncedCommit, 'HEAD');
  }
}

/** `GET /repos/{o}/{r}/pulls/{n}/files`, every page, as typed changes. */
export async function listPullRequestFiles(
  github: GitHubClient,
  repository: string,
  number: number,
): Promise<FileChange[]> {
  const files = await github.paginate(`/repos/${repository}/pulls/${number}/files`);
  const changes: FileChange[] = [];
  for (const file of files) {
    const record = asRecord(file);
    const filename = stringAt(record, 'filename');
    const status = stringAt(record, 'status');
    if (!filename || !status) throw new Error(`pull request #${number}: a file entry has no filename or status`);
    const change = changeFromApiStatus(filename, status, stringAt(record, 'previous_filename'));
    if (change) changes.push(change);
  }
  return changes;
}

function changeFromApiStatus(
  filename: string,
  status: string,
  previousFilename: string | undefined,
): FileChange | undefined {
  switch (status) {
    case 'added':
    case 'copied':
      return { path: filename, status: 'added' };
    case 'removed':
      return { path: filename, status: 'removed' };
    case 'renamed':
      return previousFilename
        ? { path: filename, status: 'renamed', previousPath: previousFilename }
        : { path: filename, status: 'added' };
    case 'unchanged':
      return undefined;
    default:
      return { path: filename, status: 'modified' };
  }
}

async function diffRange(git: Git, from: string, to: string): Promise<ChangeSet> {
  const fromCommit = await git.revParse(from);
  const toCommit = await git.revParse(to);
  if (!fromCommit || !toCommit) {
    const missing = fromCommit ? to : from;
    return {
      kind: 'everything',
      reason: `commit ${missing} is not in the source checkout (check out with fetch-depth: 0)`,
    };
  }
  const output = await git.run(['diff', '--name-status', '-M', '-z', fromCommit, toCommit, '--']);
  return {
    kind: 'files',
    changes: parseNameStatus(output),
    range: `${fromCommit.slice(0, 12)}..${toCommit.slice(0, 12)}`,
  };
}

/** Parses `git diff --name-status -M -z`: `S\0path\0`, or `R<score>\0old\0new\0` for renames and copies. */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let index = 0; index < fields.length;) {
    const code = fields[index++] ?? '';
    if (!code) continue;
    const letter = code[0];
    if (letter === 'R' || letter === 'C') {
      const previousPath = fields[index++] ?? '';
      const newPath = fields[index++] ?? '';
      changes.push(
        letter === 'R' ? { path: newPath, status: 'renamed', previousPath } : { path: newPath, status: 'added' },
      );
      continue;
    }
    const filePath = fields[index++] ?? '';
    changes.push({ path: filePath, status: letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'modified' });
  }
  return changes;
}

/**
 * Refuses the whole event when any path in it tries to leave the checkout: `..` segments,
 * absolute paths, backslashes or control characters. Git never produces such paths, so one of
 * them means a forged or hostile event, and nothing of it is synced.
 */
export function assertNoTraversal(changes: readonly FileChange[], origin: string): void {
  for (const change of changes) {
    for (const candidate of [change.path, change.previousPath]) {
      if (candidate === undefined) continue;
      const problem = traversalProblem(candidate);
      if (!problem) continue;
      const what =
        change.status === 'renamed' && candidate === change.path
          ? `renames '${change.previousPath ?? ''}' to '${candidate}'`
          : `touches '${candidate}'`;
      throw new UnsafePathError(
        `Refusing to sync ${origin}: it ${what}, which ${problem}. Synchronized paths must stay inside the include globs of the checkout.`,
      );
    }
  }
}

function traversalProblem(candidate: string): string | undefined {
  if (candidate.length === 0) return 'is empty';
  if (path.posix.isAbsolute(candidate) || /^[A-Za-z]:/.test(candidate)) return 'is an absolute path';
  if (candidate.includes('\\')) return 'contains a backslash';
  if (/\p{Cc}/u.test(candidate)) return 'contains a control character';
  if (candidate.split('/').includes('..')) return "climbs out with '..'";
  return undefined;
}

export interface SelectedChanges {
  readonly selected: readonly FileChange[];
  /** Paths left out, each with the reason. */
  readonly ignored: readonly string[];
}

/**
 * Keeps Markdown files under the include globs and never anything under `.github/`. A rename
 * that crosses the boundary becomes an addition or a removal of the side that is in scope.
 */
export function selectChanges(changes: readonly FileChange[], include: readonly string[]): SelectedChanges {
  const matches = picomatch([...include]);
  const inScope = (candidate: string): boolean =>
    candidate.endsWith('.md') && candidate.split('/')[0] !== '.github' && matches(candidate);
  const selected: FileChange[] = [];
  const ignored: string[] = [];
  for (const change of changes) {
    const newInScope = inScope(change.path);
    const oldInScope = change.previousPath !== undefined && inScope(change.previousPath);
    if (change.status === 'renamed' && change.previousPath !== undefined) {
      if (newInScope && oldInScope) selected.push(change);
      else if (newInScope) selected.push({ path: change.path, status: 'added' });
      else if (oldInScope) selected.push({ path: change.previousPath, status: 'removed' });
      else ignored.push(`${change.path} (not a Markdown file under the include globs)`);
      continue;
    }
    if (newInScope) selected.push(change);
    else ignored.push(`${change.path} (not a Markdown file under the include globs)`);
  }
  return { selected, ignored };
}

/**
 * Refuses a change whose path, or any directory on the way to it, is a symbolic link in the
 * source or the target checkout: writing through one could land outside the repository.
 */
export async function assertNoSymlinks(changes: readonly FileChange[], roots: readonly string[]): Promise<void> {
  for (const change of changes) {
    for (const candidate of [change.path, change.previousPath]) {
      if (candidate === undefined) continue;
      for (const root of roots) {
        const link = await firstSymlinkOnPath(root, candidate);
        if (link !== undefined) {
          throw new UnsafePathError(
            `Refusing to sync '${candidate}': '${link}' is a symbolic link in ${root}. Synchronized paths must be regular files inside the checkout.`,
          );
        }
      }
    }
  }
}

async function firstSymlinkOnPath(root: string, relative: string): Promise<string | undefined> {
  const segments = relative.split('/');
  for (let depth = 1; depth <= segments.length; depth++) {
    const partial = segments.slice(0, depth).join('/');
    const stats = await lstat(path.join(root, partial)).catch(() => undefined);
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return partial;
  }
  return undefined;
}

/** Source-relative paths the sync must look at: new paths and the old side of renames. */
export function pathsToSync(changes: readonly FileChange[]): string[] {
  const paths = new Set<string>();
  for (const change of changes) {
    paths.add(change.path);
    if (change.previousPath !== undefined) paths.add(change.previousPath);
  }
  return [...paths].sort();
}
