import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentEvent } from '../../src/github/commentTrigger.js';
import { decideComment, parseSyncCommand, readCommentEvent } from '../../src/github/commentTrigger.js';
import { createOctokitClient } from '../../src/github/octokit.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { GitHubServer } from '../servers/githubServer.js';

const REPOSITORY = 'd2l-ai/d2l-en';
const TOKEN = 'ghs_commentTriggerToken000000000000';

describe('parseSyncCommand', () => {
  it('reads /amts sync and /amts sync <language> on a line of their own', () => {
    expect(parseSyncCommand('/amts sync')).toEqual({ language: undefined });
    expect(parseSyncCommand('Looks good.\r\n  /amts sync zh-TW  \nThanks')).toEqual({ language: 'zh-TW' });
    expect(parseSyncCommand('/amts   sync ja')).toEqual({ language: 'ja' });
  });

  it('ignores the command inside a sentence, misspelt, or with more words', () => {
    expect(parseSyncCommand('please run /amts sync')).toBeUndefined();
    expect(parseSyncCommand('/amts synced')).toBeUndefined();
    expect(parseSyncCommand('/amts sync zh now')).toBeUndefined();
    expect(parseSyncCommand('/amts sync ../x')).toBeUndefined();
    expect(parseSyncCommand('')).toBeUndefined();
  });
});

describe('readCommentEvent', () => {
  it('refuses a payload without the issue number or the commenter, naming the file', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'amts-comment-')), 'event.json');
    writeFileSync(file, JSON.stringify({ action: 'created', comment: { body: '/amts sync' } }));
    expect(() => readCommentEvent({ GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_PATH: file })).toThrow(
      `${file}: the issue_comment payload has no issue.number or comment.user.login`,
    );
  });
});

describe('decideComment', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await GitHubServer.start();
    server.addRepository(REPOSITORY, { token: TOKEN });
    server.openPullRequest(REPOSITORY, 'topic-5', 'main', 'Fix a typo', 5);
  });
  afterEach(async () => {
    await server.close();
  });

  const client = () => createOctokitClient({ apiUrl: server.url, token: TOKEN, timing: FAST_TIMING });
  const comment = (login: string, body = '/amts sync', extra: Partial<CommentEvent> = {}): CommentEvent => ({
    repository: REPOSITORY,
    action: 'created',
    number: 5,
    isPullRequest: true,
    commentId: 77,
    body,
    login,
    ...extra,
  });

  it('lets admin, maintain and write start a sync of the commented pull request', async () => {
    for (const role of ['admin', 'maintain', 'write'] as const) {
      server.setCollaborator(REPOSITORY, `user-${role}`, role);
      const decision = await decideComment(comment(`user-${role}`), 'zh', client());
      expect(decision.kind, role).toBe('sync');
      if (decision.kind !== 'sync') continue;
      expect(decision.event).toEqual({
        repository: REPOSITORY,
        trigger: {
          kind: 'pull-request',
          eventName: 'issue_comment',
          number: 5,
          title: 'Fix a typo',
          url: `${server.url}/${REPOSITORY}/pull/5`,
          merged: false,
          fromFork: false,
        },
      });
    }
    expect(server.writes()).toEqual([]);
  });

  it('answers triage, read and unknown users once, politely, and runs nothing', async () => {
    server.setCollaborator(REPOSITORY, 'triager', 'triage');
    const refused = await decideComment(comment('triager'), 'zh', client());
    expect(refused).toEqual({
      kind: 'skip',
      reason: 'triager has triage access to d2l-ai/d2l-en; /amts sync needs write access',
      replied: true,
    });
    await decideComment(comment('triager'), 'zh', client());
    expect(server.issueComments(REPOSITORY, 5)).toHaveLength(1);
    expect(server.issueComments(REPOSITORY, 5)[0]?.body).toContain('Thank you, @triager.');

    server.interceptOnce('GET', /\/collaborators\/ghost\/permission$/, () => ({
      status: 404,
      body: { message: 'Not Found' },
    }));
    const ghost = await decideComment(comment('ghost'), 'zh', client());
    expect(ghost.kind === 'skip' && ghost.reason).toBe(
      'ghost has no access to d2l-ai/d2l-en; /amts sync needs write access',
    );
    expect(server.issueComments(REPOSITORY, 5)).toHaveLength(2);
  });

  it('takes the legacy permission when GitHub Enterprise Server sends no role_name', async () => {
    server.interceptOnce('GET', /\/collaborators\/old\/permission$/, () => ({
      status: 200,
      body: { permission: 'write', user: { login: 'old' } },
    }));
    expect((await decideComment(comment('old'), 'zh', client())).kind).toBe('sync');
  });

  it('skips, without asking for a permission, what is not its command', async () => {
    const cases: [CommentEvent, string][] = [
      [comment('a', '/amts sync', { action: 'edited' }), 'the comment was edited, not created'],
      [comment('a', '/amts sync', { isPullRequest: false }), '#5 is an issue, not a pull request'],
      [comment('a', 'LGTM'), 'the comment holds no /amts sync command'],
      [comment('a', '/amts sync es'), 'the comment asks for es; this job syncs zh'],
    ];
    for (const [event, reason] of cases) {
      expect(await decideComment(event, 'zh', client())).toEqual({ kind: 'skip', reason, replied: false });
    }
    expect(server.requests).toEqual([]);
  });
});
