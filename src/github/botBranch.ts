/**
 * Which bot branch a run syncs onto, and how it is put on top of the target branch.
 *
 * In `rolling` mode every run of a language shares `amts/<lang>/sync` while its pull request is open: each run syncs
 * onto the branch (whose origin files are the English it already reflects) and adds one commit. Once translators
 * merged or closed that pull request, the next run starts the branch over from the target branch and opens a new
 * one. In `per-source` mode each English pull request has its own branch, as before.
 */
import type { ActionSettings } from '../config.js';
import type { GitHubClient } from './client.js';
import type { ConflictNote } from './conflictReport.js';
import { reportConflict } from './conflictReport.js';
import type { Git } from './git.js';
import { asRecord, recordAt, stringAt } from './json.js';
import type { PullRequestRef, PullRequests } from './pullRequest.js';
import type { ResyncContext } from './resyncBranch.js';
import { resyncOntoBase } from './resyncBranch.js';

export function rollingBranch(targetLanguage: string): string {
  return `amts/${targetLanguage}/sync`;
}

export interface BranchPlan {
  readonly branch: string;
  /**
   * The remote tip of a branch whose pull request was merged or closed: the branch starts over from the target
   * branch, and its push may replace exactly this commit (no one else's).
   */
  readonly startOver?: string;
}

export interface BranchAccess {
  readonly github: GitHubClient;
  /** `owner/name` of the target repository. */
  readonly repository: string;
  readonly pullRequests: PullRequests;
}

/**
 * A branch without an open pull request starts over when its last pull request was closed at the commit the branch
 * still points to, or when the target branch already contains it. A branch with commits after that (a batch job
 * handed over, a pull request that could not be opened) is kept.
 */
export async function planBotBranch(git: Git, branch: string, base: string, access: BranchAccess): Promise<BranchPlan> {
  const tip = await git.revParse(`refs/remotes/origin/${branch}`);
  if (!tip) return { branch };
  if (await access.pullRequests.findOpen(branch)) return { branch };
  const contained = await git.tryRun(['merge-base', '--is-ancestor', tip, `origin/${base}`]);
  if (contained.code === 0) return { branch, startOver: tip };
  const owner = access.repository.split('/')[0] ?? '';
  const head = encodeURIComponent(`${owner}:${branch}`);
  const closed = await access.github.paginate(`/repos/${access.repository}/pulls?state=closed&head=${head}`);
  const latest = asRecord(closed[0]);
  return stringAt(recordAt(latest, 'head'), 'sha') === tip ? { branch, startOver: tip } : { branch };
}

export interface PrepareContext extends ResyncContext {
  readonly access: BranchAccess;
  /** Conflicts left for a person, for the job summary. */
  readonly conflicts: ConflictNote[];
}

/**
 * Checks the bot branch out on top of the target branch: a new (or started-over) branch from the target branch, an
 * existing one as it is, so commits people pushed to it stay, with the target branch merged in (see resyncBranch.ts).
 */
export async function prepareBotBranch(context: PrepareContext, git: Git, plan: BranchPlan): Promise<void> {
  const base = context.settings.targetBranch;
  const { branch } = plan;
  if (!(await git.hasRemoteBranch(base))) {
    throw new Error(`target-branch '${base}' does not exist in the target repository`);
  }
  if (!(await git.hasRemoteBranch(branch)) || plan.startOver) {
    if (plan.startOver)
      context.log.info(`The pull request of ${branch} is closed; the branch starts over from ${base}`);
    await git.run(['checkout', '-q', '-B', branch, `origin/${base}`]);
    return;
  }
  await git.run(['checkout', '-q', '-B', branch, `origin/${branch}`]);
  const result = await resyncOntoBase(context, git, branch);
  if (result.kind === 'resolved') context.log.info(`${branch} is in step with ${base} again: ${result.how}`);
  if (result.kind !== 'conflict') return;
  context.log.warning(
    `${branch} conflicts with ${base} in ${result.files.join(', ')} (${result.reason}); syncing on ${branch} as it is.`,
  );
  const pullRequest = await context.access.pullRequests.findOpen(branch);
  await noteConflict(context, { branch, base, files: result.files, reason: result.reason, pullRequest });
}

/** Reports a conflict on its pull request (when there is one) and keeps it for the job summary. */
export async function noteConflict(
  context: PrepareContext,
  note: Omit<ConflictNote, 'pullRequest'> & { readonly pullRequest: PullRequestRef | undefined },
): Promise<void> {
  const { pullRequest, ...rest } = note;
  const full: ConflictNote = pullRequest ? { ...rest, pullRequest } : rest;
  context.conflicts.push(full);
  await reportConflict(context.access.github, context.access.repository, full);
}

/** Whether `settings` put this run on the rolling branch. */
export function isRolling(settings: ActionSettings): boolean {
  return settings.pullRequestMode === 'rolling';
}
