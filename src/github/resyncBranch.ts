/**
 * Brings a bot branch in step with the target branch so that its pull request merges cleanly, keeping its history
 * (human commits included) and its drafts. A plain `git merge` comes first; when it conflicts:
 *
 * - the bookkeeping AMTS owns (`.amts/state.json`, the drafts files) is resolved by rule: the newer English commit,
 *   the branch's own drafts;
 * - each chapter whose translation or origin file conflicts is re-synced: the target branch's translation and origin
 *   are taken, and the sync drafts onto them the English the bot branch reflects (or the target's, when that is the
 *   newer), so the target's reviewed text stays and only what it lacks is drafted;
 * - what people committed on the bot branch to those chapters is applied again on top (a 3-way patch).
 *
 * The result is one merge commit on the branch, pushed without force. Anything that does not apply (a person edited
 * the same lines on both branches, a chapter the sync refuses) is a conflict for a person: nothing is pushed and the
 * caller reports the files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionSettings } from '../config.js';
import type { TranslationEngine } from '../engines/engine.js';
import { describeError } from '../errors.js';
import type { PublishLog, SyncFunction } from './publish.js';
import type { Git } from './git.js';
import { BOT_IDENTITY } from './git.js';
import { asRecord, stringAt } from './json.js';
import { PENDING_JOB_FILE, STATE_FILE } from './state.js';

export interface ResyncContext {
  readonly settings: ActionSettings;
  /** The English checkout, to tell which of two recorded English commits is the newer. */
  readonly sourceGit: Git;
  readonly sync: SyncFunction;
  /** Built on first use: most branches merge without one. */
  readonly engine: () => Promise<TranslationEngine>;
  readonly log: PublishLog;
}

export type ResyncResult =
  /** Merged without a conflict; the merge (if the branch was behind) is left in HEAD, not pushed. */
  | { readonly kind: 'clean' }
  /** A merge commit that resolves the conflicts, pushed. */
  | { readonly kind: 'resolved'; readonly commit: string; readonly how: string }
  /** Left as it was: a person must resolve these files. */
  | { readonly kind: 'conflict'; readonly files: readonly string[]; readonly reason: string };

/** With `branch` checked out at its remote tip, merges the target branch into it (see the file comment). */
export async function resyncOntoBase(context: ResyncContext, git: Git, branch: string): Promise<ResyncResult> {
  const base = context.settings.targetBranch;
  const original = await requireHead(git);
  const merge = await git.tryRun(['merge', '--no-edit', '-q', `origin/${base}`]);
  if (merge.code === 0) return { kind: 'clean' };
  const conflicted = await unmergedPaths(git);
  if (conflicted.length === 0) {
    // Not a content conflict (unrelated histories, say): nothing AMTS can resolve by syncing.
    await git.tryRun(['merge', '--abort']);
    return { kind: 'conflict', files: [], reason: `git merge failed: ${merge.stderr.trim() || merge.stdout.trim()}` };
  }
  const restore = async (): Promise<void> => {
    await git.tryRun(['merge', '--abort']);
    await git.run(['checkout', '-q', '-f', '-B', branch, original]);
    await git.run(['clean', '-q', '-fd']);
  };
  try {
    const outcome = await resolveMerge(context, git, { branch, base, original, conflicted });
    if (outcome.kind === 'conflict') {
      await restore();
      return outcome;
    }
    await git.run(['add', '-A']);
    await git.run(['commit', '-q', '--no-edit', '-m', `AMTS: bring ${branch} in step with ${base}\n\n${outcome.how}.`]);
    const commit = await requireHead(git);
    const push = await git.tryRun(['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
    if (push.code !== 0) {
      await restore();
      return { kind: 'conflict', files: conflicted, reason: `pushing the resolution failed: ${push.stderr.trim()}` };
    }
    return { kind: 'resolved', commit, how: outcome.how };
  } catch (error) {
    await restore();
    return { kind: 'conflict', files: conflicted, reason: `the re-sync failed: ${describeError(error)}` };
  }
}

interface MergeInProgress {
  readonly branch: string;
  readonly base: string;
  /** The branch tip before the merge. */
  readonly original: string;
  readonly conflicted: readonly string[];
}

type Resolution = { readonly kind: 'resolved'; readonly how: string } | Extract<ResyncResult, { kind: 'conflict' }>;

async function resolveMerge(context: ResyncContext, git: Git, merge: MergeInProgress): Promise<Resolution> {
  const { settings } = context;
  const bookkeeping = merge.conflicted.filter(isBookkeeping);
  const chapters = chaptersOf(
    merge.conflicted.filter((file) => !isBookkeeping(file)),
    settings,
  );
  if (chapters.kind === 'other') {
    return {
      kind: 'conflict',
      files: chapters.files,
      reason: 'these files are no chapter AMTS syncs, so only a person can merge them',
    };
  }
  const newer = await newerSide(context, git, merge);
  for (const file of bookkeeping) await resolveBookkeeping(git, file, newer);
  if (chapters.paths.length === 0) return { kind: 'resolved', how: 'Only AMTS bookkeeping conflicted' };

  const suffix = originSuffix(settings);
  if (suffix === undefined) {
    return {
      kind: 'conflict',
      files: merge.conflicted,
      reason: 'a re-sync reads the English from the origin files, and this repository keeps it in a state file',
    };
  }
  const englishRef = newer === 'ours' ? merge.original : `origin/${merge.base}`;
  // Without its English on the newer side the chapter is not one AMTS synced (or that side removed it): a sync
  // would delete it, so a person decides.
  const orphans: string[] = [];
  for (const chapter of chapters.paths) {
    const exists = await git.tryRun(['cat-file', '-e', `${englishRef}:${originOf(chapter, suffix)}`]);
    if (exists.code !== 0) orphans.push(chapter);
  }
  if (orphans.length > 0) {
    return { kind: 'conflict', files: orphans, reason: 'these files have no English origin file to re-sync them from' };
  }
  const pairs = chapters.paths.flatMap((chapter) => [chapter, originOf(chapter, suffix)]);
  for (const file of pairs) await takeTheirs(git, file, merge.base);
  const refused = await syncChapters(context, git, chapters.paths, englishRef, suffix);
  if (refused.length > 0) {
    return {
      kind: 'conflict',
      files: refused.map((file) => file.path),
      reason: `the sync refused ${refused.map((file) => `${file.path} (${file.error ?? 'no reason given'})`).join('; ')}`,
    };
  }
  const replayed = await replayHumanEdits(git, merge, pairs, settings.workDirectory);
  if (replayed.kind === 'conflict') return replayed;
  const people = replayed.count > 0 ? `, and ${replayed.count} commits by people on the branch applied again` : '';
  return {
    kind: 'resolved',
    how: `Re-synced ${chapters.paths.join(', ')} onto ${merge.base} with the English of ${newer === 'ours' ? merge.branch : merge.base}${people}`,
  };
}

function isBookkeeping(file: string): boolean {
  return file === STATE_FILE || file === PENDING_JOB_FILE || file.startsWith('.amts/drafts/');
}

function originSuffix(settings: ActionSettings): string | undefined {
  return settings.base.kind === 'origin-suffix' ? settings.base.suffix : undefined;
}

function originOf(chapter: string, suffix: string): string {
  return chapter.replace(/\.md$/, `${suffix}.md`);
}

/** The chapters behind the conflicting files, or the files that belong to no chapter of the book. */
function chaptersOf(
  files: readonly string[],
  settings: ActionSettings,
): { readonly kind: 'chapters'; readonly paths: string[] } | { readonly kind: 'other'; readonly files: string[] } {
  const suffix = originSuffix(settings);
  const paths = new Set<string>();
  const other: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.md') || file.split('/')[0] === '.github') other.push(file);
    else if (suffix !== undefined && file.endsWith(`${suffix}.md`))
      paths.add(file.slice(0, -`${suffix}.md`.length) + '.md');
    else paths.add(file);
  }
  return other.length > 0 ? { kind: 'other', files: other } : { kind: 'chapters', paths: [...paths].sort() };
}

/** Which side records the newer English: the target's when its commit contains the branch's, else the branch's. */
async function newerSide(context: ResyncContext, git: Git, merge: MergeInProgress): Promise<'ours' | 'theirs'> {
  const ours = await recordedCommit(git, merge.original);
  const theirs = await recordedCommit(git, `origin/${merge.base}`);
  if (!ours) return 'theirs';
  if (!theirs) return 'ours';
  const contains = await context.sourceGit.tryRun(['merge-base', '--is-ancestor', ours, theirs]);
  return contains.code === 0 ? 'theirs' : 'ours';
}

async function recordedCommit(git: Git, ref: string): Promise<string | undefined> {
  const shown = await git.tryRun(['show', `${ref}:${STATE_FILE}`]);
  if (shown.code !== 0) return undefined;
  try {
    const commit = stringAt(asRecord(JSON.parse(shown.stdout)), 'sourceCommit');
    return commit !== undefined && /^[0-9a-f]{7,64}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

/** The state file follows the newer English; drafts files and a pending job stay the branch's own. */
async function resolveBookkeeping(git: Git, file: string, newer: 'ours' | 'theirs'): Promise<void> {
  const side = file === STATE_FILE ? newer : 'ours';
  const taken = await git.tryRun(['checkout', `--${side}`, '--', file]);
  // Deleted on that side: the resolution is the deletion.
  if (taken.code !== 0) await git.run(['rm', '-q', '--force', '--', file]);
}

async function takeTheirs(git: Git, file: string, base: string): Promise<void> {
  const exists = await git.tryRun(['cat-file', '-e', `origin/${base}:${file}`]);
  if (exists.code === 0) await git.run(['checkout', `origin/${base}`, '--', file]);
  else await git.tryRun(['rm', '-q', '--force', '--ignore-unmatch', '--', file]);
}

/** Syncs the chapters with the English `englishRef` records in their origin files; returns the ones it refused. */
async function syncChapters(
  context: ResyncContext,
  git: Git,
  chapters: readonly string[],
  englishRef: string,
  suffix: string,
): Promise<{ readonly path: string; readonly error?: string }[]> {
  const { settings } = context;
  await mkdir(settings.workDirectory, { recursive: true });
  const english = await mkdtemp(path.join(settings.workDirectory, 'amts-resync-'));
  try {
    for (const chapter of chapters) {
      const shown = await git.run(['show', `${englishRef}:${originOf(chapter, suffix)}`]);
      await mkdir(path.dirname(path.join(english, chapter)), { recursive: true });
      await writeFile(path.join(english, chapter), shown, 'utf8');
    }
    const report = await context.sync(
      {
        sourceDir: english,
        targetDir: git.dir,
        sourceLanguage: settings.sourceLanguage,
        targetLanguage: settings.targetLanguage,
        base: { kind: 'origin-suffix', suffix },
        include: ['**/*.md'],
        files: chapters,
        dryRun: false,
        newChapters: settings.newChapters,
      },
      await context.engine(),
    );
    return report.files.filter((file) => file.status === 'error');
  } finally {
    await rm(english, { recursive: true, force: true });
  }
}

/** Applies again, oldest first, what people committed on the branch to the re-synced files. */
async function replayHumanEdits(
  git: Git,
  merge: MergeInProgress,
  files: readonly string[],
  scratch: string,
): Promise<{ readonly kind: 'replayed'; readonly count: number } | Extract<ResyncResult, { kind: 'conflict' }>> {
  const mergeBase = (await git.run(['merge-base', merge.original, `origin/${merge.base}`])).trim();
  const log = await git.run([
    'log',
    '--reverse',
    '--no-merges',
    '--format=%H%x09%ae%x09%an',
    `${mergeBase}..${merge.original}`,
    '--',
    ...files,
  ]);
  let count = 0;
  for (const line of log.split('\n').filter(Boolean)) {
    const [commit = '', email = '', name = ''] = line.split('\t');
    if (email === BOT_IDENTITY.email) continue;
    const patch = await git.run(['diff', '--binary', '--full-index', `${commit}^`, commit, '--', ...files]);
    if (!patch.trim()) continue;
    // `apply --3way` works on the index: every path of the merge is resolved in it first.
    await git.run(['add', '-A']);
    const patchDir = await mkdtemp(path.join(scratch, 'amts-replay-'));
    const patchFile = path.join(patchDir, 'edit.patch');
    await writeFile(patchFile, patch, 'utf8');
    const applied = await git.tryRun(['apply', '--3way', '--whitespace=nowarn', patchFile]);
    await rm(patchDir, { recursive: true, force: true });
    if (applied.code !== 0) {
      const left = await unmergedPaths(git);
      return {
        kind: 'conflict',
        files: left.length > 0 ? left : files.filter((file) => patch.includes(` b/${file}\n`)),
        reason: `the commit ${commit.slice(0, 12)} by ${name} changed lines the target branch changed too`,
      };
    }
    count++;
  }
  return { kind: 'replayed', count };
}

async function unmergedPaths(git: Git): Promise<string[]> {
  const output = await git.run(['diff', '--name-only', '--diff-filter=U', '-z']);
  return [...new Set(output.split('\0').filter(Boolean))].sort();
}

async function requireHead(git: Git): Promise<string> {
  const head = await git.revParse('HEAD');
  if (!head) throw new Error(`${git.dir} has no commit checked out`);
  return head;
}

/** The engine a re-sync needs, built once and only when a chapter has to be re-synced. */
export function lazyEngine(create: () => Promise<TranslationEngine>): () => Promise<TranslationEngine> {
  let engine: Promise<TranslationEngine> | undefined;
  return () => (engine ??= create());
}
