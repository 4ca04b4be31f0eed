/**
 * One synchronization of the target repository: clone it, put the bot branch on top of the
 * target branch (keeping any human commit on it), run the sync for the files the event changed,
 * commit, push without force, and open or update the follow-up PR. Untrusted events (fork PRs,
 * no token, `dry-run`) only plan and estimate.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionSettings } from '../config.js';
import type { TranslationEngine } from '../engines/engine.js';
import { prepareRunParallelData, reportWithEngineOutcome, usesParallelData } from '../action/parallelData.js';
import type { RunParallelData } from '../action/parallelData.js';
import { awsSettingsFromAction, listPriceOf, planningEngine } from '../engines/createEngine.js';
import type { ParallelDataRequest } from '../engines/createEngine.js';
import { createIdentityEngine } from '../engines/identity.js';
import { describeError } from '../errors.js';
import { branchSafeName } from '../report/escape.js';
import { draftComments } from '../report/draftComments.js';
import { buildJobSummary, buildMessageSummary } from '../report/jobSummary.js';
import { buildDraftsDocument, buildPullRequestBody, buildPullRequestTitle } from '../report/prBody.js';
import type { SourceContext } from '../report/syncTables.js';
import { refuseBookBeforeSync } from '../sync/refuseBook.js';
import type { BaseSpec, SyncOptions, SyncReport } from '../sync/report.js';
import type { ChangeSet, FileChange } from './changes.js';
import { assertNoSymlinks, assertNoTraversal, collectChanges, pathsToSync, selectChanges } from './changes.js';
import type { SourceEvent, SyncTrigger } from './event.js';
import type { BranchPlan, PrepareContext } from './botBranch.js';
import { isRolling, planBotBranch, prepareBotBranch, rollingBranch } from './botBranch.js';
import { readBranchSources, sourceTrailer, withIncluded } from './branchSources.js';
import type { ConflictNote } from './conflictReport.js';
import { renderConflictSummary } from './conflictReport.js';
import { Git } from './git.js';
import { lazyEngine } from './resyncBranch.js';
import { resyncSiblings } from './resyncSiblings.js';
import { dropOutdatedChanges } from './staleCheckout.js';
import type { PullRequestRef, PullRequestResult } from './pullRequest.js';
import { PullRequestIncompleteError, PullRequests } from './pullRequest.js';
import type { GitHubClient, GitHubClientFactory } from './client.js';
import type { PushedBranch } from './undoPush.js';
import { undoPush } from './undoPush.js';
import {
  STATE_FILE,
  readPendingJob,
  readSyncState,
  removePendingJob,
  writePendingJob,
  writeSyncState,
} from './state.js';

export type SyncFunction = (options: SyncOptions, engine: TranslationEngine) => Promise<SyncReport>;

/**
 * Settings of the engine to build; `resumeJobId` asks it to collect a job a previous run started, `parallelData`
 * names the resource (and the built or hand-kept file) to translate with, or `off`.
 */
export type EngineRequest = ActionSettings['engine'] & {
  readonly resumeJobId?: string;
  readonly parallelData?: ParallelDataRequest | 'off';
};
export type EngineFactory = (request: EngineRequest) => Promise<TranslationEngine>;

export interface PublishLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface PublishContext {
  readonly settings: ActionSettings;
  readonly event: SourceEvent;
  readonly sync: SyncFunction;
  readonly createEngine: EngineFactory;
  readonly createGitHubClient: GitHubClientFactory;
  readonly log: PublishLog;
  /** Sees the target clone before the run checks out anything in it (the translation status reads it there). */
  readonly onTargetCheckout?: (git: Git) => Promise<void>;
}

export type Operation = 'created' | 'updated' | 'none';

export interface PublishOutcome {
  readonly operation: Operation;
  readonly pullRequest?: PullRequestRef;
  /** Absent when the run stopped before syncing (nothing in scope changed). */
  readonly report?: SyncReport;
  /** A batch job handed over to the next run, or the jobs this run collected. */
  readonly jobId?: string;
  readonly summary: string;
}

/** An engine error that says "the job is still running": it carries the job to collect later. */
export function isPendingJobError(error: unknown): error is Error & { readonly jobId: string } {
  return error instanceof Error && 'jobId' in error && typeof error.jobId === 'string' && error.jobId.length > 0;
}

export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** `amts/<lang>/pr-<n>` for a source PR, `amts/<lang>/push` for pushes, `amts/<lang>/nightly` otherwise. */
export function botBranch(targetLanguage: string, trigger: SyncTrigger): string {
  switch (trigger.kind) {
    case 'pull-request':
      return `amts/${targetLanguage}/pr-${trigger.number}`;
    case 'push':
      return `amts/${targetLanguage}/push`;
    case 'scheduled':
      return `amts/${targetLanguage}/nightly`;
  }
}

/** Why this run may only plan, or undefined when it may translate and publish. */
export function dryRunReason(settings: ActionSettings, trigger: SyncTrigger): string | undefined {
  if (settings.dryRun) return 'the dry-run input is set';
  if (!settings.targetToken) return 'no target-token was given';
  // An open fork PR is code nobody reviewed yet; once merged it is part of the source branch.
  if (trigger.kind === 'pull-request' && trigger.fromFork && !trigger.merged) {
    return `pull request #${trigger.number} comes from a fork and is not merged`;
  }
  // The workflow of a comment checks out the default branch, which does not hold the PR's English yet.
  if (trigger.kind === 'pull-request' && trigger.eventName === 'issue_comment' && !trigger.merged) {
    return `pull request #${trigger.number} is not merged yet, so /amts sync only plans it`;
  }
  return undefined;
}

/** One sync; conflicts left for a person are added to the job summary. */
export async function publishTranslationSync(context: PublishContext): Promise<PublishOutcome> {
  const conflicts: ConflictNote[] = [];
  const outcome = await publishOnce(context, conflicts);
  if (conflicts.length === 0) return outcome;
  return { ...outcome, summary: `${outcome.summary}\n${renderConflictSummary(conflicts)}` };
}

async function publishOnce(context: PublishContext, conflicts: ConflictNote[]): Promise<PublishOutcome> {
  const { settings, event, log } = context;
  const sourceGit = new Git(settings.sourcePath, { log: (line) => log.info(line) });
  const sourceCommit = await sourceGit.revParse('HEAD');
  if (!sourceCommit)
    throw new Error(`source-path ${settings.sourcePath} is not a git checkout (run actions/checkout first)`);
  const sourceApi = context.createGitHubClient({ apiUrl: settings.githubApiUrl, token: settings.sourceToken });

  const reason = dryRunReason(settings, event.trigger);
  if (reason) return planOnly(context, { sourceGit, sourceCommit, sourceApi, reason });

  const targetApi = context.createGitHubClient({ apiUrl: settings.githubApiUrl, token: settings.targetToken });
  const pullRequests = await log.group('Check the target repository', () =>
    PullRequests.create(targetApi, settings.targetRepository),
  );
  const branch = isRolling(settings)
    ? rollingBranch(settings.targetLanguage)
    : botBranch(settings.targetLanguage, event.trigger);
  const { owner, name } = settings.targetRepository;
  const prepare: PrepareContext = {
    settings,
    sourceGit,
    sync: context.sync,
    engine: lazyEngine(() => context.createEngine({ ...settings.engine })),
    log,
    access: { github: targetApi, repository: `${owner}/${name}`, pullRequests },
    conflicts,
  };
  let plan: BranchPlan = { branch };
  const target = await log.group(`Check out ${branch}`, async () => {
    const git = await cloneTarget(context, settings.targetToken);
    plan = await planBotBranch(git, branch, settings.targetBranch, prepare.access);
    await prepareBotBranch(prepare, git, plan);
    return git;
  });

  const pending = await readPendingJob(target.dir);
  if (pending) log.info(`Collecting translation job ${pending.jobId}, started by an earlier run`);
  const files = await log.group('Find changed English files', () =>
    changedFiles(context, { sourceGit, sourceApi, targetDir: target.dir, sourceCommit }),
  );
  if (!isRolling(settings)) {
    await log.group('Bring the other bot pull requests in step', () =>
      resyncSiblings(prepare, target, branch, files.paths),
    );
  }
  const ownContext = sourceContextOf(context, sourceCommit, files.changeSet);
  const sourceContext = isRolling(settings)
    ? withIncluded(ownContext, await readBranchSources(target, settings.targetBranch))
    : ownContext;
  if (files.paths?.length === 0 && !pending) {
    return { operation: 'none', summary: buildMessageSummary('AMTS: nothing to synchronize', [files.description]) };
  }

  const options = syncOptions(settings, target.dir, files.paths, false);
  // Refused before the engine is built: building it may already import parallel data.
  await refuseBookBeforeSync(options);
  await checkBudget(context, options);
  const parallelData = await buildParallelData(context, target, files.paths, false);
  const engine = await context.createEngine({
    ...settings.engine,
    resumeJobId: pending?.jobId,
    parallelData: parallelData.request,
  });
  const parallelDataReport = reportWithEngineOutcome(parallelData, engine.parallelData, listPriceOf(engine));
  if (parallelDataReport?.warning) log.warning(parallelDataReport.warning);
  let report: SyncReport;
  try {
    report = await log.group(`Translate with ${engine.name}`, () => context.sync(options, engine));
    if (parallelDataReport) report = { ...report, parallelData: parallelDataReport };
  } catch (error) {
    if (!isPendingJobError(error)) throw error;
    return handOverJob(context, {
      git: target,
      branch,
      jobId: error.jobId,
      sourceCommit,
      engineName: engine.name,
      startOver: plan.startOver,
    });
  }
  if (pending) await removePendingJob(target.dir);

  return log.group('Publish', () =>
    publishReport(context, {
      git: target,
      branch,
      report,
      sourceCommit,
      sourceContext,
      pullRequests,
      startOver: plan.startOver,
    }),
  );
}

/** The run's parallel data, built from the translation's base branch in its own log group. */
async function buildParallelData(
  context: PublishContext,
  target: Git,
  scope: readonly string[] | undefined,
  dryRun: boolean,
): Promise<RunParallelData> {
  const { settings, log } = context;
  if (!usesParallelData(settings)) return { request: 'off' };
  return log.group('Build the parallel data', () => prepareRunParallelData({ settings, target, scope, dryRun, log }));
}

interface SourceAccess {
  readonly sourceGit: Git;
  readonly sourceApi: GitHubClient;
}

interface ChangedFiles {
  readonly changeSet: ChangeSet;
  /** Source paths to sync; undefined means every file under the include globs. */
  readonly paths: readonly string[] | undefined;
  readonly description: string;
}

async function changedFiles(
  context: PublishContext,
  access: SourceAccess & { readonly targetDir: string; readonly sourceCommit: string },
): Promise<ChangedFiles> {
  const { settings, event, log } = context;
  const state = await readSyncState(access.targetDir);
  const lastSyncedCommit =
    state && (!state.sourceRepository || state.sourceRepository === event.repository) ? state.sourceCommit : undefined;
  const changeSet = await collectChanges(event.trigger, {
    github: access.sourceApi,
    repository: event.repository,
    sourceGit: access.sourceGit,
    lastSyncedCommit,
  });
  if (changeSet.kind === 'everything') {
    log.info(`Looking at every file under the include globs: ${changeSet.reason}`);
    return { changeSet, paths: undefined, description: changeSet.reason };
  }
  assertNoTraversal(changeSet.changes, describeOrigin(event.trigger));
  const inScope = selectChanges(changeSet.changes, settings.include);
  const fresh = await dropOutdatedChanges(inScope.selected, access.sourceGit, access.sourceCommit, lastSyncedCommit);
  const selected = fresh.kept;
  const ignored = [...inScope.ignored, ...fresh.skipped];
  await assertNoSymlinks(selected, [settings.sourcePath, access.targetDir]);
  for (const line of ignored) log.info(`Ignored: ${line}`);
  for (const change of selected) log.info(`${change.status}: ${describeChange(change)}`);
  const description = `${selected.length} Markdown files under the include globs changed in ${changeSet.range}`;
  log.info(description);
  return { changeSet, paths: pathsToSync(selected), description };
}

function describeOrigin(trigger: SyncTrigger): string {
  switch (trigger.kind) {
    case 'pull-request':
      return `pull request #${trigger.number}`;
    case 'push':
      return `push ${trigger.before.slice(0, 7)}..${trigger.after.slice(0, 7)}`;
    case 'scheduled':
      return 'the commits since the last sync';
  }
}

function describeChange(change: FileChange): string {
  return change.previousPath ? `${change.previousPath} -> ${change.path}` : change.path;
}

function syncOptions(
  settings: ActionSettings,
  targetDir: string,
  files: readonly string[] | undefined,
  dryRun: boolean,
): SyncOptions {
  const base: BaseSpec =
    settings.base.kind === 'origin-suffix'
      ? settings.base
      : { kind: 'state-file', path: path.join(targetDir, settings.base.path) };
  return {
    sourceDir: settings.sourcePath,
    targetDir,
    sourceLanguage: settings.sourceLanguage,
    targetLanguage: settings.targetLanguage,
    base,
    include: settings.include,
    ...(files === undefined ? {} : { files }),
    dryRun,
    newChapters: settings.newChapters,
  };
}

/** With `max-characters`, a dry run first measures what the real run would send. */
async function checkBudget(context: PublishContext, options: SyncOptions): Promise<void> {
  const limit = context.settings.maxCharacters;
  if (limit === undefined) return;
  const plan = await context.sync({ ...options, dryRun: true }, createIdentityEngine());
  const characters = plan.totals.charactersSent;
  context.log.info(`This sync would send ${characters} characters (max-characters: ${limit})`);
  if (characters > limit) {
    throw new BudgetError(
      `This sync would send ${characters} characters to the engine, more than max-characters (${limit}); nothing was translated. Raise max-characters or narrow include.`,
    );
  }
}

async function cloneTarget(context: PublishContext, token: string): Promise<Git> {
  const { settings, log } = context;
  const { owner, name } = settings.targetRepository;
  await mkdir(settings.workDirectory, { recursive: true });
  const dir = await mkdtemp(path.join(settings.workDirectory, `amts-${settings.targetLanguage}-`));
  const url = `${settings.githubServerUrl}/${owner}/${name}.git`;
  const git = await Git.clone(url, dir, { token, serverUrl: settings.githubServerUrl, log: (line) => log.info(line) });
  await context.onTargetCheckout?.(git);
  return git;
}

interface Handover {
  readonly git: Git;
  readonly branch: string;
  readonly jobId: string;
  readonly sourceCommit: string;
  readonly engineName: string;
  /** The closed branch's tip this push may replace (see botBranch.ts). */
  readonly startOver?: string;
}

/** Records a still-running batch job on the bot branch, so the next run collects it instead of starting another. */
async function handOverJob(context: PublishContext, handover: Handover): Promise<PublishOutcome> {
  const { git, branch, jobId } = handover;
  await git.run(['reset', '-q', '--hard']);
  await git.run(['clean', '-q', '-fd']);
  const previous = await readPendingJob(git.dir);
  if (previous?.jobId !== jobId) {
    await writePendingJob(git.dir, {
      jobId,
      sourceCommit: handover.sourceCommit,
      engine: handover.engineName,
      recordedAt: new Date().toISOString(),
    });
    await git.run(['add', '-A']);
    await git.run(['commit', '-q', '-m', `AMTS: translation job ${jobId} is still running`]);
    await pushBranch(git, branch, handover.startOver);
  }
  const message = `Translation job ${jobId} is still running; it is recorded in .amts/pending-job.json on ${branch} and the next run collects it.`;
  context.log.notice(message);
  return { operation: 'none', jobId, summary: buildMessageSummary('AMTS: translation job pending', [message]) };
}

interface Publication {
  readonly git: Git;
  readonly branch: string;
  readonly report: SyncReport;
  readonly sourceCommit: string;
  readonly sourceContext: SourceContext;
  readonly pullRequests: PullRequests;
  readonly startOver?: string;
}

async function publishReport(context: PublishContext, publication: Publication): Promise<PublishOutcome> {
  const { settings, event, log } = context;
  const { git, branch, report, sourceContext, pullRequests } = publication;
  const jobId = report.jobIds.join(',') || undefined;
  if (!(await git.hasChanges())) {
    const existing = await pullRequests.findOpen(branch);
    const headline = existing
      ? `No new change; ${existing.url} is up to date`
      : 'No change: the translation is in step';
    log.info(headline);
    return {
      operation: 'none',
      report,
      jobId,
      summary: buildJobSummary(report, sourceContext, { headline }),
      ...(existing ? { pullRequest: existing } : {}),
    };
  }

  await writeSyncState(git.dir, { sourceRepository: event.repository, sourceCommit: publication.sourceCommit });
  const draftsPath = `.amts/drafts/${branchSafeName(branch)}.md`;
  const { owner, name } = settings.targetRepository;
  const draftsUrl = `${settings.githubServerUrl}/${owner}/${name}/blob/${branch}/${draftsPath}`;
  const { body, overflow } = buildPullRequestBody(
    report,
    sourceContext,
    { path: draftsPath, url: draftsUrl },
    { reviewComments: settings.reviewComments ? MAX_DRAFT_COMMENTS : 0 },
  );
  await writeDraftsFile(git.dir, draftsPath, overflow ? buildDraftsDocument(report, sourceContext) : undefined);

  await git.run(['add', '-A']);
  await git.run(['commit', '-q', '-m', commitMessage(report, sourceContext)]);
  const push = await pushBranch(git, branch, publication.startOver);

  let result: PullRequestResult;
  try {
    result = await pullRequests.upsert({
      branch,
      base: settings.targetBranch,
      title: buildPullRequestTitle(report, sourceContext),
      body,
      draft: settings.draft,
      labels: settings.labels,
      reviewers: settings.reviewers,
      teamReviewers: settings.teamReviewers,
    });
  } catch (error) {
    // A branch pushed without its pull request would look in step to the next run, which would never open the PR.
    if (error instanceof PullRequestIncompleteError) throw error;
    throw new Error(`${describeError(error)} ${await undoPush(git, push)}`, { cause: error });
  }
  for (const warning of result.warnings) log.warning(warning);
  log.info(`Pull request ${result.operation}: ${result.url}`);
  if (settings.reviewComments) await commentOnDrafts(git, report, pullRequests, result.number, log);
  return {
    operation: result.operation,
    pullRequest: { number: result.number, url: result.url },
    report,
    jobId,
    summary: buildJobSummary(report, sourceContext, {
      headline: `Pull request ${result.operation}:`,
      link: {
        text: `${settings.targetRepository.owner}/${settings.targetRepository.name}#${result.number}`,
        url: result.url,
      },
    }),
  };
}

/** New review comments per run: enough for a chapter's edits, not a flood on a whole-book sync. */
const MAX_DRAFT_COMMENTS = 50;

/** Puts each new draft's English on its line of the pull request, against the commit just pushed. */
async function commentOnDrafts(
  git: Git,
  report: SyncReport,
  pullRequests: PullRequests,
  number: number,
  log: PublishLog,
): Promise<void> {
  const commitId = await git.revParse('HEAD');
  if (commitId === undefined) return;
  const committed = new Map<string, string>();
  for (const file of report.files) {
    if (file.drafts.length === 0) continue;
    const text = await readFile(path.join(git.dir, file.path), 'utf8').catch(() => undefined);
    if (text !== undefined) committed.set(file.path, text);
  }
  const comments = draftComments(report, (file) => committed.get(file));
  const result = await pullRequests.commentOnDrafts(number, commitId, comments, MAX_DRAFT_COMMENTS);
  for (const warning of result.warnings) log.warning(warning);
  log.info(
    `Draft comments: ${result.posted} posted, ${result.alreadyPosted} already there, ${result.left} left to the description`,
  );
}

/** Writes the overflow drafts, or removes a stale one from an earlier run when everything fits the body. */
async function writeDraftsFile(targetDir: string, relative: string, content: string | undefined): Promise<void> {
  const absolute = path.join(targetDir, relative);
  if (content === undefined) {
    await rm(absolute, { force: true });
    return;
  }
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content, 'utf8');
}

function commitMessage(report: SyncReport, source: SourceContext): string {
  const origin = source.pullRequest
    ? `${source.repository}#${source.pullRequest.number}`
    : `${source.repository}@${source.commit.slice(0, 12)}`;
  const { totals } = report;
  return [
    `AMTS: sync ${report.targetLanguage} with ${origin}`,
    '',
    `${totals.filesChanged} files changed: ${totals.drafted} units drafted, ${totals.reused} reused, ${totals.kept} kept, ${totals.removed} removed.`,
    `Source commit: ${source.commit} (recorded in ${STATE_FILE}).`,
    '',
    sourceTrailer(source),
  ].join('\n');
}

const PUSH_ATTEMPTS = 3;

/**
 * Pushes without force; when another run pushed first, merges its commits and tries again. A branch that starts
 * over may replace `startOver`, its closed tip, and nothing else.
 */
async function pushBranch(git: Git, branch: string, startOver?: string): Promise<PushedBranch> {
  for (let attempt = 1; ; attempt++) {
    const previous = await git.revParse(`refs/remotes/origin/${branch}`);
    const lease = startOver ? [`--force-with-lease=refs/heads/${branch}:${startOver}`] : [];
    const push = await git.tryRun(['push', '-q', ...lease, 'origin', `HEAD:refs/heads/${branch}`]);
    if (push.code === 0) return { branch, pushed: (await git.revParse('HEAD')) ?? '', previous };
    if (startOver || attempt >= PUSH_ATTEMPTS || !/rejected|fetch first|non-fast-forward/i.test(push.stderr)) {
      throw new Error(`Could not push ${branch}: ${push.stderr.trim()}`);
    }
    await git.run(['fetch', '-q', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
    await git.run(['merge', '--no-edit', '-q', `origin/${branch}`]);
  }
}

function sourceContextOf(context: PublishContext, commit: string, changeSet: ChangeSet | undefined): SourceContext {
  const { event, settings } = context;
  const base = { repository: event.repository, serverUrl: settings.githubServerUrl, commit };
  const { trigger } = event;
  if (trigger.kind === 'pull-request') {
    return { ...base, pullRequest: { number: trigger.number, title: trigger.title, url: trigger.url } };
  }
  if (changeSet?.kind === 'files') {
    const [from, to] = changeSet.range.split('..');
    if (from && to) return { ...base, range: { from, to } };
  }
  return base;
}

interface PlanAccess extends SourceAccess {
  readonly sourceCommit: string;
  readonly reason: string;
}

/**
 * The dry run: reads the target (with the token when there is one, else anonymously), plans the
 * sync with the offline identity engine and reports the estimate. Nothing is pushed or billed.
 */
async function planOnly(context: PublishContext, access: PlanAccess): Promise<PublishOutcome> {
  const { settings, log } = context;
  log.notice(`Dry run: ${access.reason}. AMTS plans and estimates only; nothing is translated or pushed.`);
  const target = await log.group('Read the target repository', async () => {
    try {
      const git = await cloneTarget(context, settings.targetToken);
      if (await git.hasRemoteBranch(settings.targetBranch)) await git.run(['checkout', '-q', settings.targetBranch]);
      return git;
    } catch (error) {
      log.warning(`Cannot read the target repository (${describeError(error)}); the plan lists changed files only.`);
      return undefined;
    }
  });
  const files = await log.group('Find changed English files', () =>
    changedFiles(context, { ...access, targetDir: target?.dir ?? settings.sourcePath }),
  );
  const sourceContext = sourceContextOf(context, access.sourceCommit, files.changeSet);
  const lines = [`Dry run: ${access.reason}.`, files.description];
  if (!target || files.paths?.length === 0) {
    return { operation: 'none', summary: buildMessageSummary('AMTS: dry run', [...lines, ...(files.paths ?? [])]) };
  }
  const planned = syncOptions(settings, target.dir, files.paths, true);
  await refuseBookBeforeSync(planned);
  const parallelData = await buildParallelData(context, target, files.paths, true);
  const aws = {
    ...awsSettingsFromAction(settings.engine),
    parallelDataName: parallelData.request === 'off' ? undefined : parallelData.request.name,
  };
  const engine = planningEngine({ kind: settings.engine.kind, aws }, { check: false });
  const plan = await log.group('Plan', () => context.sync(planned, engine));
  const parallelDataReport = reportWithEngineOutcome(parallelData, undefined, engine.pricePerMillionUsd);
  const report = parallelDataReport ? { ...plan, parallelData: parallelDataReport } : plan;
  const headline = `Dry run: ${report.totals.drafted} units would be drafted, ${report.totals.charactersSent} characters sent`;
  return { operation: 'none', report, summary: buildJobSummary(report, sourceContext, { headline, notes: lines }) };
}
