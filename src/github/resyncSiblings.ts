/**
 * `per-source` mode keeps one bot PR per English PR, and keeps them from conflicting with each other: before a run
 * publishes, every other open bot PR of its language whose files overlap the run's, or that no longer merges cleanly
 * with the target branch (translators merged a sibling), is brought in step with the target branch (resyncBranch.ts),
 * its drafts and human commits kept. Each sibling is worked on in its own git worktree of the run's clone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PrepareContext } from './botBranch.js';
import { noteConflict } from './botBranch.js';
import { Git } from './git.js';
import { asRecord, numberAt, recordAt, stringAt } from './json.js';
import type { PullRequestRef } from './pullRequest.js';
import { resyncOntoBase } from './resyncBranch.js';

interface Sibling extends PullRequestRef {
  readonly branch: string;
}

export interface SiblingOutcome {
  readonly branch: string;
  readonly result: 'mergeable' | 'resolved' | 'conflict';
}

/**
 * `paths` are the source paths this run syncs (undefined: every file). Returns what became of each sibling looked at.
 */
export async function resyncSiblings(
  context: PrepareContext,
  git: Git,
  currentBranch: string,
  paths: readonly string[] | undefined,
): Promise<SiblingOutcome[]> {
  const { settings, log } = context;
  const base = settings.targetBranch;
  const outcomes: SiblingOutcome[] = [];
  for (const sibling of await openSiblings(context, currentBranch)) {
    if (!(await git.hasRemoteBranch(sibling.branch))) continue;
    const overlaps =
      paths === undefined ||
      (await touchedChapters(git, sibling.branch, base, context)).some((file) => paths.includes(file));
    const clean = await mergesCleanly(git, sibling.branch, base);
    if (!overlaps && clean) continue;
    if (clean) {
      outcomes.push({ branch: sibling.branch, result: 'mergeable' });
      log.info(`${sibling.branch} (#${sibling.number}) overlaps this sync and merges cleanly with ${base}`);
      continue;
    }
    outcomes.push(await resyncSibling(context, git, sibling));
  }
  return outcomes;
}

async function resyncSibling(context: PrepareContext, git: Git, sibling: Sibling): Promise<SiblingOutcome> {
  const { settings, log } = context;
  const base = settings.targetBranch;
  const dir = await mkdtemp(path.join(settings.workDirectory, 'amts-sibling-'));
  await rm(dir, { recursive: true, force: true });
  await git.run(['worktree', 'add', '-q', '-B', sibling.branch, dir, `origin/${sibling.branch}`]);
  try {
    const worktree = new Git(dir, {
      token: settings.targetToken,
      serverUrl: settings.githubServerUrl,
      log: (line) => log.info(line),
    });
    const result = await resyncOntoBase(context, worktree, sibling.branch);
    if (result.kind === 'clean') return { branch: sibling.branch, result: 'mergeable' };
    if (result.kind === 'resolved') {
      log.info(`${sibling.branch} (#${sibling.number}) is in step with ${base} again: ${result.how}`);
      return { branch: sibling.branch, result: 'resolved' };
    }
    log.warning(
      `${sibling.branch} (#${sibling.number}) conflicts with ${base} in ${result.files.join(', ')}: ${result.reason}`,
    );
    await noteConflict(context, {
      branch: sibling.branch,
      base,
      files: result.files,
      reason: result.reason,
      pullRequest: { number: sibling.number, url: sibling.url },
    });
    return { branch: sibling.branch, result: 'conflict' };
  } finally {
    await git.tryRun(['worktree', 'remove', '--force', dir]);
  }
}

/** The open bot PRs of this language (`amts/<lang>/…` in the target repository itself) other than this run's. */
async function openSiblings(context: PrepareContext, currentBranch: string): Promise<Sibling[]> {
  const { settings, access } = context;
  const prefix = `amts/${settings.targetLanguage}/`;
  const base = encodeURIComponent(settings.targetBranch);
  const pulls = await access.github.paginate(`/repos/${access.repository}/pulls?state=open&base=${base}`);
  const siblings: Sibling[] = [];
  for (const pull of pulls) {
    const record = asRecord(pull);
    const head = recordAt(record, 'head');
    const branch = stringAt(head, 'ref');
    const number = numberAt(record, 'number');
    const url = stringAt(record, 'html_url');
    const repository = stringAt(recordAt(head, 'repo'), 'full_name');
    if (!branch || number === undefined || !url || branch === currentBranch || !branch.startsWith(prefix)) continue;
    if (repository !== undefined && repository.toLowerCase() !== access.repository.toLowerCase()) continue;
    siblings.push({ branch, number, url });
  }
  return siblings.sort((a, b) => a.number - b.number);
}

/** Source-relative chapters the sibling changed: its translation files, and the chapters of its origin files. */
async function touchedChapters(git: Git, branch: string, base: string, context: PrepareContext): Promise<string[]> {
  const output = await git.run(['diff', '--name-only', '-z', `origin/${base}...origin/${branch}`, '--']);
  const suffix = context.settings.base.kind === 'origin-suffix' ? `${context.settings.base.suffix}.md` : undefined;
  return output
    .split('\0')
    .filter((file) => file.endsWith('.md'))
    .map((file) => (suffix && file.endsWith(suffix) ? `${file.slice(0, -suffix.length)}.md` : file));
}

async function mergesCleanly(git: Git, branch: string, base: string): Promise<boolean> {
  const result = await git.tryRun([
    'merge-tree',
    '--write-tree',
    '--no-messages',
    `origin/${base}`,
    `origin/${branch}`,
  ]);
  return result.code === 0;
}
