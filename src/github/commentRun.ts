/**
 * The event a run syncs: the workflow's own event, or for `issue_comment` the pull request a `/amts sync` comment
 * asks for, once the comment and its author passed the checks of commentTrigger.ts.
 */
import type { ActionSettings } from '../config.js';
import { buildMessageSummary } from '../report/jobSummary.js';
import type { GitHubClientFactory } from './client.js';
import { COMMENT_EVENT, decideComment, readCommentEvent } from './commentTrigger.js';
import type { SourceEvent } from './event.js';
import { readSourceEvent } from './event.js';
import type { PublishOutcome } from './publish.js';

export type ResolvedEvent = { readonly event: SourceEvent } | { readonly outcome: PublishOutcome };

export async function resolveSourceEvent(
  env: NodeJS.ProcessEnv,
  settings: ActionSettings,
  createGitHubClient: GitHubClientFactory,
): Promise<ResolvedEvent> {
  if (env.GITHUB_EVENT_NAME !== COMMENT_EVENT) return { event: readSourceEvent(env) };
  const comment = readCommentEvent(env);
  const github = createGitHubClient({ apiUrl: settings.githubApiUrl, token: settings.sourceToken });
  const decision = await decideComment(comment, settings.targetLanguage, github);
  if (decision.kind === 'sync') return { event: decision.event };
  const lines = [`Nothing was run: ${decision.reason}.`];
  if (decision.replied) lines.push(`A reply on #${comment.number} says why.`);
  return { outcome: { operation: 'none', summary: buildMessageSummary('AMTS: /amts sync not run', lines) } };
}
