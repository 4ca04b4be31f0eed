/**
 * What started the run, read from the environment GitHub sets (`GITHUB_EVENT_NAME`,
 * `GITHUB_EVENT_PATH`, `GITHUB_REPOSITORY`) and narrowed to the few fields the action uses.
 */
import { readFileSync } from 'node:fs';
import { asRecord, numberAt, recordAt, stringAt } from './json.js';

export interface PullRequestTrigger {
  readonly kind: 'pull-request';
  /** `issue_comment` for `/amts sync` in a comment on the pull request (see commentTrigger.ts). */
  readonly eventName: 'pull_request' | 'pull_request_target' | 'issue_comment';
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly merged: boolean;
  /** Head and base live in different repositories (a contributor's fork). */
  readonly fromFork: boolean;
}

export interface PushTrigger {
  readonly kind: 'push';
  readonly before: string;
  readonly after: string;
  readonly compareUrl: string | undefined;
}

export interface ScheduledTrigger {
  readonly kind: 'scheduled';
  readonly eventName: 'schedule' | 'workflow_dispatch';
}

export type SyncTrigger = PullRequestTrigger | PushTrigger | ScheduledTrigger;

export interface SourceEvent {
  /** `owner/name` of the English repository the workflow runs in. */
  readonly repository: string;
  readonly trigger: SyncTrigger;
}

export class EventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventError';
  }
}

const SUPPORTED_EVENTS = 'pull_request, pull_request_target, issue_comment, push, schedule and workflow_dispatch';

export function readSourceEvent(env: NodeJS.ProcessEnv): SourceEvent {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!eventName) throw new EventError('GITHUB_EVENT_NAME is not set: AMTS must run as a step of a GitHub workflow');
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
    throw new EventError(`GITHUB_REPOSITORY '${repository}' is not owner/name`);
  return { repository, trigger: triggerOf(eventName, readPayload(env.GITHUB_EVENT_PATH)) };
}

function readPayload(eventPath: string | undefined): Record<string, unknown> {
  if (!eventPath) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new EventError(
      `${eventPath}: cannot read the event payload (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const payload = asRecord(parsed);
  if (!payload) throw new EventError(`${eventPath}: the event payload is not a JSON object`);
  return payload;
}

function triggerOf(eventName: string, payload: Record<string, unknown>): SyncTrigger {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestTrigger(eventName, payload);
    case 'push':
      return pushTrigger(payload);
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'scheduled', eventName };
    default:
      throw new EventError(`AMTS runs on ${SUPPORTED_EVENTS}; this run was started by '${eventName}'`);
  }
}

function pullRequestTrigger(
  eventName: 'pull_request' | 'pull_request_target',
  payload: Record<string, unknown>,
): PullRequestTrigger {
  const pullRequest = recordAt(payload, 'pull_request');
  const number = numberAt(pullRequest, 'number') ?? numberAt(payload, 'number');
  if (!pullRequest || number === undefined || !Number.isSafeInteger(number) || number <= 0) {
    throw new EventError(`the ${eventName} payload has no pull_request.number`);
  }
  const headRepository = stringAt(recordAt(recordAt(pullRequest, 'head'), 'repo'), 'full_name');
  const baseRepository = stringAt(recordAt(recordAt(pullRequest, 'base'), 'repo'), 'full_name');
  return {
    kind: 'pull-request',
    eventName,
    number,
    title: stringAt(pullRequest, 'title') ?? '',
    url: stringAt(pullRequest, 'html_url') ?? '',
    merged: pullRequest.merged === true,
    // A deleted fork has no head repo: treat it as a fork, never as trusted.
    fromFork: headRepository === undefined || headRepository !== baseRepository,
  };
}

function pushTrigger(payload: Record<string, unknown>): PushTrigger {
  const before = stringAt(payload, 'before');
  const after = stringAt(payload, 'after');
  if (!before || !after) throw new EventError('the push payload has no before/after commits');
  return { kind: 'push', before, after, compareUrl: stringAt(payload, 'compare') };
}
