/**
 * The translation status in the action: computed on the target branch as the run cloned it (what readers of the
 * translation see, not the bot branch), written into the job summary on every run, and with `status-issue` kept in
 * the one `amts:status` issue of the target repository by scheduled runs.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { ActionSettings } from '../config.js';
import { describeError } from '../errors.js';
import type { GitHubClient } from '../github/client.js';
import type { SourceEvent } from '../github/event.js';
import { Git } from '../github/git.js';
import type { PublishLog } from '../github/publish.js';
import { dryRunReason } from '../github/publish.js';
import { upsertStatusIssue } from '../github/statusIssue.js';
import { bookStatus } from '../status/bookStatus.js';
import { escapeInline } from '../report/escape.js';
import { formatStatusMarkdown } from '../status/formatMarkdown.js';
import { statusPrices } from '../status/prices.js';
import type { BookStatus } from '../status/types.js';
import type { BaseSpec } from '../sync/report.js';
import { createParallelPreparer } from '../workers/syncPreparer.js';

/** A GitHub issue body holds 65,536 characters; the rest of the body needs a few hundred. */
const ISSUE_TABLE_CHARACTERS = 64_000;

export interface StatusReporter {
  /** Called once the target repository is cloned, before the run checks out its bot branch. */
  readonly onTargetCheckout: (git: Git) => Promise<void>;
  /** The status for the job summary ('' when there is none), after keeping the status issue when asked. */
  finish(github: () => GitHubClient, event: SourceEvent): Promise<string>;
}

export function createStatusReporter(settings: ActionSettings, log: PublishLog): StatusReporter {
  let status: BookStatus | undefined;
  return {
    async onTargetCheckout(git) {
      if (status !== undefined) return;
      status = await log.group('Translation status', () => statusOfTargetBranch(settings, git, log));
    },
    async finish(github, event) {
      if (status === undefined) return '';
      const table = formatStatusMarkdown(status, { headingLevel: 3 });
      if (!settings.statusIssue || event.trigger.kind !== 'scheduled') return table;
      const reason = dryRunReason(settings, event.trigger);
      if (reason !== undefined) {
        log.info(`The status issue is not updated: ${reason}`);
        return table;
      }
      try {
        const sourceCommit = await new Git(settings.sourcePath).revParse('HEAD');
        const issue = await upsertStatusIssue(github(), settings.targetRepository, {
          title: `AMTS translation status: ${settings.targetLanguage} ← ${settings.sourceLanguage}`,
          body: issueBody(status, settings, event, sourceCommit),
        });
        log.info(`Status issue ${issue.operation}: ${issue.url}`);
        return `${table}\nStatus issue ${issue.operation}: [#${issue.number}](${issue.url})\n`;
      } catch (error) {
        log.warning(`Could not keep the status issue: ${describeError(error)}`);
        return table;
      }
    },
  };
}

async function statusOfTargetBranch(
  settings: ActionSettings,
  git: Git,
  log: PublishLog,
): Promise<BookStatus | undefined> {
  const branch = await git.revParse(`refs/remotes/origin/${settings.targetBranch}`);
  if (branch === undefined) return undefined;
  // The clone has the default branch checked out; another target branch gets a worktree of its own.
  const onBranch = (await git.revParse('HEAD')) === branch;
  const dir = onBranch ? git.dir : await mkdtemp(path.join(settings.workDirectory, 'amts-status-'));
  try {
    if (!onBranch) await git.run(['worktree', 'add', '--detach', '--quiet', dir, branch]);
    const base: BaseSpec =
      settings.base.kind === 'origin-suffix'
        ? settings.base
        : { kind: 'state-file', path: path.join(dir, settings.base.path) };
    const status = await bookStatus(
      {
        sourceDir: settings.sourcePath,
        targetDir: dir,
        sourceLanguage: settings.sourceLanguage,
        targetLanguage: settings.targetLanguage,
        base,
        include: settings.include,
        pricePerMillionUsd: statusPrices(),
      },
      { prepareChapters: createParallelPreparer() },
    );
    const { totals } = status;
    log.info(
      `${totals.chapters} chapters: ${totals.byState.outdated} outdated, ${totals.byState.untranslated} untranslated, ` +
        `${totals.charactersToTranslate} characters to translate`,
    );
    return status;
  } catch (error) {
    // The status is a report: a book it cannot read is said once, and the sync goes on to say why in its own words.
    log.warning(`No translation status: ${describeError(error)}`);
    return undefined;
  } finally {
    if (!onBranch) await git.tryRun(['worktree', 'remove', '--force', dir]);
  }
}

function issueBody(
  status: BookStatus,
  settings: ActionSettings,
  event: SourceEvent,
  sourceCommit: string | undefined,
): string {
  const commit = sourceCommit
    ? ` at [${sourceCommit.slice(0, 12)}](${settings.githubServerUrl}/${event.repository}/commit/${sourceCommit})`
    : '';
  return [
    formatStatusMarkdown(status, { maxCharacters: ISSUE_TABLE_CHARACTERS }),
    '',
    `<sub>Kept by AMTS: updated by every scheduled run against ${escapeInline(event.repository)}${commit} (${new Date().toISOString().slice(0, 10)}). ` +
      `Edits here are overwritten; close it to keep it closed.</sub>`,
    '',
  ].join('\n');
}
