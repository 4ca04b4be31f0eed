/**
 * `/amts sync` (or `/amts sync zh`) in a comment on a pull request of the English repository re-runs the sync for
 * that pull request. Only people with write access may: the commenter's permission is read from the API
 * (`GET /repos/{owner}/{repo}/collaborators/{username}/permission`); anyone else gets a polite reply and nothing runs.
 */
import { readFileSync } from 'node:fs';
import { translateLanguageCode } from '../language/codes.js';
import type { GitHubClient } from './client.js';
import { GitHubApiError } from './client.js';
import type { PullRequestTrigger, SourceEvent } from './event.js';
import { EventError } from './event.js';
import { asRecord, numberAt, recordAt, stringAt } from './json.js';

export const COMMENT_EVENT = 'issue_comment';

/** Roles that may start a sync: `role_name` admin, maintain or write (the legacy `permission` says admin or write). */
const ALLOWED_ROLES = new Set(['admin', 'maintain', 'write']);

export interface SyncCommand {
  /** The language asked for; undefined means every job that sees the comment. */
  readonly language: string | undefined;
}

export interface CommentEvent {
  readonly repository: string;
  readonly action: string;
  readonly number: number;
  readonly isPullRequest: boolean;
  readonly commentId: number | undefined;
  readonly body: string;
  readonly login: string;
}

/** The run goes on as a sync of the commented pull request, or stops with a reason and, maybe, a reply posted. */
export type CommentDecision =
  | { readonly kind: 'sync'; readonly event: SourceEvent }
  | { readonly kind: 'skip'; readonly reason: string; readonly replied: boolean };

/** A line that is exactly `/amts sync` or `/amts sync <language>`. */
export function parseSyncCommand(body: string): SyncCommand | undefined {
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*\/amts\s+sync(?:\s+([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?))?\s*$/.exec(line);
    if (match) return { language: match[1] };
  }
  return undefined;
}

export function readCommentEvent(env: NodeJS.ProcessEnv): CommentEvent {
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new EventError(`GITHUB_REPOSITORY '${repository}' is not owner/name`);
  }
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) throw new EventError('GITHUB_EVENT_PATH is not set: the issue_comment payload is needed');
  let payload: Record<string, unknown> | undefined;
  try {
    payload = asRecord(JSON.parse(readFileSync(eventPath, 'utf8')));
  } catch (error) {
    throw new EventError(
      `${eventPath}: cannot read the event payload (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const issue = recordAt(payload, 'issue');
  const comment = recordAt(payload, 'comment');
  const number = numberAt(issue, 'number');
  const login = stringAt(recordAt(comment, 'user'), 'login');
  if (!issue || !comment || number === undefined || !Number.isSafeInteger(number) || number <= 0 || !login) {
    throw new EventError(`${eventPath}: the issue_comment payload has no issue.number or comment.user.login`);
  }
  return {
    repository,
    action: stringAt(payload, 'action') ?? '',
    number,
    isPullRequest: recordAt(issue, 'pull_request') !== undefined,
    commentId: numberAt(comment, 'id'),
    body: stringAt(comment, 'body') ?? '',
    login,
  };
}

/**
 * Decides what a comment asks for. `github` reads (and, for a refusal, writes a reply to) the English repository.
 */
export async function decideComment(
  comment: CommentEvent,
  targetLanguage: string,
  github: GitHubClient,
): Promise<CommentDecision> {
  if (comment.action !== 'created') return skip(`the comment was ${comment.action || 'changed'}, not created`);
  if (!comment.isPullRequest) return skip(`#${comment.number} is an issue, not a pull request`);
  const command = parseSyncCommand(comment.body);
  if (!command) return skip('the comment holds no /amts sync command');
  if (command.language !== undefined && translateLanguageCode(command.language) !== targetLanguage) {
    return skip(`the comment asks for ${command.language}; this job syncs ${targetLanguage}`);
  }
  const role = await permissionOf(github, comment.repository, comment.login);
  if (!ALLOWED_ROLES.has(role)) {
    await replyOnce(github, comment, refusal(comment.login, role));
    return {
      kind: 'skip',
      reason: `${comment.login} has ${accessName(role)} to ${comment.repository}; /amts sync needs write access`,
      replied: true,
    };
  }
  return {
    kind: 'sync',
    event: { repository: comment.repository, trigger: await pullRequestTrigger(github, comment) },
  };
}

function skip(reason: string): CommentDecision {
  return { kind: 'skip', reason, replied: false };
}

/** `role_name` when GitHub gives it (it tells maintain from write), else the legacy `permission`; `none` on 404. */
async function permissionOf(github: GitHubClient, repository: string, login: string): Promise<string> {
  let answer: unknown;
  try {
    answer = await github.request({
      method: 'GET',
      path: `/repos/${repository}/collaborators/${encodeURIComponent(login)}/permission`,
    });
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return 'none';
    throw error;
  }
  const record = asRecord(answer);
  const role = stringAt(record, 'role_name') ?? '';
  const permission = stringAt(record, 'permission') ?? 'none';
  if (ALLOWED_ROLES.has(role)) return role;
  // An older GitHub Enterprise Server answers without role_name.
  return ALLOWED_ROLES.has(permission) ? permission : role || permission;
}

function refusal(login: string, role: string): string {
  return [
    refusalMarker(login),
    `Thank you, @${login}. Only people with write access to this repository can start a translation sync with \`/amts sync\`` +
      ` (you have ${accessName(role)}), so nothing was run. A maintainer can comment \`/amts sync\` here to run it.`,
  ].join('\n');
}

function accessName(role: string): string {
  return role === 'none' || role === '' ? 'no access' : `${role} access`;
}

function refusalMarker(login: string): string {
  return `<!-- amts:refused ${JSON.stringify(login)} -->`;
}

/** A re-run of the same workflow run does not reply twice to the same comment. */
async function replyOnce(github: GitHubClient, comment: CommentEvent, body: string): Promise<void> {
  const path = `/repos/${comment.repository}/issues/${comment.number}/comments`;
  const marker = `${refusalMarker(comment.login)}${comment.commentId === undefined ? '' : ` <!-- ${comment.commentId} -->`}`;
  const existing = await github.paginate(path);
  if (existing.some((item) => (stringAt(asRecord(item), 'body') ?? '').includes(marker))) return;
  await github.request({ method: 'POST', path, body: { body: body.replace(refusalMarker(comment.login), marker) } });
}

/** The commented pull request, read from the API: the comment payload has neither its merge state nor its head. */
async function pullRequestTrigger(github: GitHubClient, comment: CommentEvent): Promise<PullRequestTrigger> {
  const pull = asRecord(
    await github.request({ method: 'GET', path: `/repos/${comment.repository}/pulls/${comment.number}` }),
  );
  const headRepository = stringAt(recordAt(recordAt(pull, 'head'), 'repo'), 'full_name');
  const baseRepository = stringAt(recordAt(recordAt(pull, 'base'), 'repo'), 'full_name');
  return {
    kind: 'pull-request',
    eventName: COMMENT_EVENT,
    number: comment.number,
    title: stringAt(pull, 'title') ?? '',
    url: stringAt(pull, 'html_url') ?? '',
    merged: pull?.merged === true,
    fromFork: headRepository === undefined || headRepository !== baseRepository,
  };
}
