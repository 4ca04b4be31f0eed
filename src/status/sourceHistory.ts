/**
 * How far behind each chapter is, in English commits, from the English's git history: the commit its old English
 * is (the state file's `sourceCommit`, the `--base` revision, or for origin files the last commit whose version of
 * the chapter is byte for byte the origin) and how many commits changed the chapter since. Books that are not a git
 * checkout, or origins that match no commit, simply have no such numbers.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { commitFromStateFile, withSuffix } from '../sync/readOldEnglish.js';
import type { BaseSpec } from '../sync/report.js';
import type { Behind } from './types.js';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

export interface HistoryInput {
  readonly sourceDir: string;
  readonly targetDir: string;
  readonly base: BaseSpec;
  /** Book-relative chapters to look up. */
  readonly paths: readonly string[];
}

export async function readBehind(input: HistoryInput): Promise<Map<string, Behind>> {
  if (!(await isGitCheckout(input.sourceDir))) return new Map();
  switch (input.base.kind) {
    case 'origin-suffix':
      return behindOrigins(input, input.base.suffix);
    case 'state-file':
      return behindCommit(input, await commitFromStateFile(input.base.path));
    case 'git-rev':
      return behindCommit(input, input.base.rev);
    case 'directory':
      return new Map();
  }
}

async function isGitCheckout(dir: string): Promise<boolean> {
  return run('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree']).then(
    ({ stdout }) => stdout.trim() === 'true',
    () => false,
  );
}

/** One commit of the history and the blobs it gave the paths it changed. */
interface Change {
  readonly commit: string;
  readonly date: string;
  readonly blob: string;
}

/** Every change to every file under the book, newest first, per book-relative path. */
async function changesByPath(sourceDir: string, range: readonly string[]): Promise<Map<string, Change[]>> {
  const { stdout } = await run(
    'git',
    [
      '-C',
      sourceDir,
      'log',
      '--format=%x00%H %cI',
      '--raw',
      '--no-abbrev',
      '--no-renames',
      '--relative',
      ...range,
      '--',
      '.',
    ],
    { maxBuffer: MAX_BUFFER },
  );
  const changes = new Map<string, Change[]>();
  let commit = '';
  let date = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('\0')) {
      [commit = '', date = ''] = line.slice(1).split(' ');
      continue;
    }
    // `:100644 100644 <old blob> <new blob> M\t<path>`
    const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]+\t(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const list = changes.get(match[2]) ?? [];
    list.push({ commit, date, blob: match[1] });
    changes.set(match[2], list);
  }
  return changes;
}

async function behindOrigins(input: HistoryInput, suffix: string): Promise<Map<string, Behind>> {
  const changes = await changesByPath(input.sourceDir, ['HEAD']);
  const behind = new Map<string, Behind>();
  for (const path of input.paths) {
    const origin = await readFile(join(input.targetDir, withSuffix(path, suffix))).catch(() => undefined);
    const history = changes.get(path);
    if (origin === undefined || history === undefined) continue;
    const blob = gitBlobId(origin);
    const index = history.findIndex((change) => change.blob === blob);
    const match = history[index];
    if (match) behind.set(path, { originCommit: match.commit, commitsBehind: index, originDate: match.date });
  }
  return behind;
}

async function behindCommit(input: HistoryInput, commit: string): Promise<Map<string, Behind>> {
  const resolved = await run('git', [
    '-C',
    input.sourceDir,
    'show',
    '-s',
    '--format=%H %cI',
    `${commit}^{commit}`,
  ]).then(
    ({ stdout }) => stdout.trim().split(' '),
    () => undefined,
  );
  if (!resolved?.[0]) return new Map();
  const [originCommit, originDate] = resolved;
  const changes = await changesByPath(input.sourceDir, [`${originCommit}..HEAD`]);
  const behind = new Map<string, Behind>();
  for (const path of input.paths)
    behind.set(path, {
      originCommit,
      commitsBehind: changes.get(path)?.length ?? 0,
      ...(originDate ? { originDate } : {}),
    });
  return behind;
}

/** The id git gives a file's bytes (`git hash-object`). */
export function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
