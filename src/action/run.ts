/**
 * The GitHub Action: read the inputs and the event, synchronize the translation repository, and
 * report through outputs, the job summary and the log. Every side effect comes in through
 * `ActionDependencies`, so tests drive it with plain fakes or the real toolkit alike.
 */
import * as toolkit from '@actions/core';
import { readSettings } from '../config.js';
import { checkParallelDataRegion } from './parallelData.js';
import { writeRunReport } from './runReport.js';
import { resolveSourceEvent } from '../github/commentRun.js';
import type { EngineFactory, PublishOutcome, SyncFunction } from '../github/publish.js';
import { publishTranslationSync } from '../github/publish.js';
import type { GitHubClientFactory } from '../github/client.js';
import { createLazyOctokitClient } from '../github/lazyOctokit.js';
import { WaitBudget } from '../github/waitBudget.js';
import { buildMessageSummary } from '../report/jobSummary.js';
import { createStatusReporter } from './statusReport.js';

export type { EngineFactory, EngineRequest, SyncFunction } from '../github/publish.js';

/** The slice of `@actions/core` the action uses. */
export interface ActionsCore {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  /** Masks the value in every later log line. */
  setSecret(secret: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
}

export interface ActionDependencies {
  readonly core: ActionsCore;
  readonly sync: SyncFunction;
  readonly createEngine: EngineFactory;
  /** Defaults to Octokit; the action adds its log and the run's rate-limit wait budget to the options. */
  readonly createGitHubClient?: GitHubClientFactory;
  /** Defaults to `process.env` (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, ...). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Output names, as action.yml declares them. */
export const OUTPUTS = [
  'pull-request-url',
  'pull-request-number',
  'operation',
  'files-changed',
  'units-kept',
  'units-reused',
  'units-drafted',
  'characters-billed',
  'job-id',
  'report-file',
] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** `@actions/core` behind `ActionsCore`. */
export function createToolkitCore(): ActionsCore {
  return {
    getInput: (name) => toolkit.getInput(name),
    setOutput: (name, value) => toolkit.setOutput(name, value),
    setSecret: (secret) => toolkit.setSecret(secret),
    appendSummary: async (markdown) => {
      await toolkit.summary.addRaw(markdown, true).write();
    },
    group: (name, fn) => toolkit.group(name, fn),
    info: (message) => toolkit.info(message),
    notice: (message) => toolkit.notice(message),
    warning: (message) => toolkit.warning(message),
    setFailed: (message) => toolkit.setFailed(message),
  };
}

export async function run(deps: ActionDependencies): Promise<void> {
  const { core } = deps;
  const env = deps.env ?? process.env;
  // Masked before anything can print them, even a failing input parse.
  const secrets = [core.getInput('target-token').trim(), core.getInput('source-token').trim()].filter(Boolean);
  for (const secret of secrets) core.setSecret(secret);
  const scrub = (text: string): string => secrets.reduce((clean, secret) => clean.split(secret).join('***'), text);

  try {
    const settings = readSettings(core, env);
    checkParallelDataRegion(settings, env);
    const log = scrubbingLog(core, scrub);
    const createClient = deps.createGitHubClient ?? createLazyOctokitClient;
    // One budget for the source and the target client: the run as a whole waits at most rate-limit-wait-seconds.
    const waitBudget = new WaitBudget(settings.rateLimitWaitSeconds);
    const createGitHubClient: GitHubClientFactory = (options) =>
      createClient({ log: (line) => log.info(line), waitBudget, ...options });
    // `/amts sync` comments are checked (command, language, the commenter's permission) before anything runs.
    const resolved = await resolveSourceEvent(env, settings, createGitHubClient);
    const status = createStatusReporter(settings, log);
    const outcome =
      'outcome' in resolved
        ? resolved.outcome
        : await publishTranslationSync({
            settings,
            event: resolved.event,
            sync: deps.sync,
            createEngine: deps.createEngine,
            createGitHubClient,
            log,
            onTargetCheckout: status.onTargetCheckout,
          });
    const reportFile = await writeRunReport(settings.workDirectory, settings.targetLanguage, outcome);
    setOutputs(core, outcome, reportFile);
    await core.appendSummary(scrub(outcome.summary));
    if ('event' in resolved) {
      const statusSummary = await status.finish(
        () => createGitHubClient({ apiUrl: settings.githubApiUrl, token: settings.targetToken }),
        resolved.event,
      );
      if (statusSummary) await core.appendSummary(scrub(statusSummary));
    }
  } catch (error) {
    const message = scrub(error instanceof Error ? error.message : String(error));
    setOutputs(core, { operation: 'none', summary: '' });
    await core.appendSummary(buildMessageSummary('AMTS failed', [message])).catch(() => undefined);
    core.setFailed(message);
  }
}

/** Defense in depth: git and API messages are scrubbed at the source, and once more here. */
function scrubbingLog(core: ActionsCore, scrub: (text: string) => string): ActionsCore {
  return {
    ...core,
    info: (message) => core.info(scrub(message)),
    notice: (message) => core.notice(scrub(message)),
    warning: (message) => core.warning(scrub(message)),
  };
}

/** Every output is set on every run, so later steps can test them without `|| ''`. */
function setOutputs(core: ActionsCore, outcome: PublishOutcome, reportFile = ''): void {
  const totals = outcome.report?.totals;
  const values: Record<OutputName, string> = {
    'pull-request-url': outcome.pullRequest?.url ?? '',
    'pull-request-number': outcome.pullRequest ? String(outcome.pullRequest.number) : '',
    operation: outcome.operation,
    'files-changed': String(totals?.filesChanged ?? 0),
    'units-kept': String(totals?.kept ?? 0),
    'units-reused': String(totals?.reused ?? 0),
    'units-drafted': String(totals?.drafted ?? 0),
    'characters-billed': String(totals?.charactersBilled ?? 0),
    'job-id': outcome.jobId ?? '',
    'report-file': reportFile,
  };
  for (const name of OUTPUTS) core.setOutput(name, values[name]);
}
