import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlowBatchEngine, createTaggingEngine } from './copySync.js';
import { Fixture, SOURCE_TOKEN, TARGET_REPOSITORY, TOKEN, git } from './fixture.js';
import type { ActionRun } from './harness.js';
import { expectSecretsHidden, pullRequestPayload, runAction, schedulePayload } from './harness.js';

const PANDAS = 'chapter_preliminaries/pandas.md';
const INSTALLATION = 'chapter_installation/index.md';

/** Replaces the first paragraph that starts with `prefix` in the English. */
function reword(fixture: Fixture, relative: string, prefix: string, replacement: string): string {
  return fixture.reworded(relative, prefix, replacement);
}

function mergedPullRequest(fixture: Fixture, number: number): Record<string, unknown> {
  const { base, head, merge } = fixture.mergePullRequest(number, {
    [PANDAS]: reword(
      fixture,
      PANDAS,
      'So far we have introduced',
      'So far we have covered many techniques for manipulating data already stored in tensors.',
    ),
  });
  return pullRequestPayload({
    number,
    action: 'closed',
    merged: true,
    title: 'Tighten the pandas intro',
    head,
    base,
    mergeCommit: merge,
  });
}

describe('the action end to end', () => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await Fixture.create();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('opens one follow-up PR for a merged source PR, with the drafts and the synced commit', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const result = await runAction(fixture, { eventName: 'pull_request', payload });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('created');
    expect(result.outputs['units-drafted']).toBe('1');
    expect(result.outputs['files-changed']).toBe('1');
    expect(Number(result.outputs['characters-billed'])).toBeGreaterThan(50);
    expect(fixture.targetBranches()).toEqual(['amts/zh/sync', 'main']);

    const translation = fixture.readTarget('amts/zh/sync', PANDAS) ?? '';
    expect(translation).toContain('[zh] So far we have covered many techniques');
    expect(translation).toContain('读取数据集'); // untouched Chinese paragraphs are kept
    expect(fixture.readTarget('amts/zh/sync', 'chapter_preliminaries/pandas_origin.md')).toBe(
      fixture.readSource(PANDAS),
    );
    const state = JSON.parse(fixture.readTarget('amts/zh/sync', '.amts/state.json') ?? '{}') as Record<string, unknown>;
    expect(state).toEqual({ sourceRepository: 'd2l-ai/d2l-en', sourceCommit: fixture.sourceHead() });
    expect(fixture.targetLog('amts/zh/sync')[0]).toMatch(
      /^github-actions\[bot\]\|AMTS: sync zh with d2l-ai\/d2l-en#12/,
    );

    const [pull, ...others] = fixture.server.pulls(TARGET_REPOSITORY);
    expect(others).toHaveLength(0);
    expect(pull?.head).toBe('amts/zh/sync');
    expect(pull?.base).toBe('main');
    expect(pull?.title).toBe('[AMTS] zh: sync with d2l-ai/d2l-en#12 Tighten the pandas intro');
    expect(pull?.labels).toEqual(['translation', 'amts']);
    expect(pull?.requestedReviewers).toEqual(['astonzhang']);
    expect(pull?.body).toContain('<code>chapter\\_preliminaries/pandas.md</code>');
    expect(pull?.body).toContain('<details>');
    expect(pull?.body).toContain('So far we have covered many techniques');
    expect(result.outputs['pull-request-url']).toBe(`${fixture.server.url}/${TARGET_REPOSITORY}/pull/${pull?.number}`);
    expect(result.summary).toContain('| File | Status |');
    expect(result.summary).toContain('Pull request created');
    // the PR's files came from the REST API, read with the source token
    const filesRequest = fixture.server.requests.find((request) => request.path.endsWith('/pulls/12/files'));
    expect(filesRequest?.authorization).toBe(`token ${SOURCE_TOKEN}`);
  });

  it('with review-comments, puts the English of each draft on its line of the PR, once', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const result = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      inputs: { 'review-comments': 'true' },
    });
    expect(result.failed, result.log).toBe(false);
    const [pull] = fixture.server.pulls(TARGET_REPOSITORY);
    const [comment, ...others] = pull?.reviewComments ?? [];
    expect(others).toEqual([]);
    expect(comment?.path).toBe(PANDAS);
    expect(comment?.commitId).toBe(git(fixture.targetBare, 'rev-parse', 'amts/zh/sync').trim());
    const lines = (fixture.readTarget('amts/zh/sync', PANDAS) ?? '').split('\n');
    expect(lines[(comment?.line ?? 0) - 1]).toMatch(/^\[zh\] So far we have covered many techniques/);
    expect(comment?.body).toContain(
      'So far we have covered many techniques for manipulating data already stored in tensors.',
    );
    expect(result.log).toContain('Draft comments: 1 posted, 0 already there, 0 left to the description');

    const again = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      inputs: { 'review-comments': 'true' },
    });
    expect(again.outputs.operation).toBe('none');
    expect(fixture.server.pulls(TARGET_REPOSITORY)[0]?.reviewComments).toHaveLength(1);
  });

  it('never opens a second PR when the same event runs again', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const first = await runAction(fixture, { eventName: 'pull_request', payload });
    const second = await runAction(fixture, { eventName: 'pull_request', payload });

    expect(first.outputs.operation).toBe('created');
    expect(second.failed, second.log).toBe(false);
    expect(second.outputs.operation).toBe('none');
    expect(second.outputs['pull-request-url']).toBe(first.outputs['pull-request-url']);
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.targetLog('amts/zh/sync').filter((line) => line.startsWith('github-actions'))).toHaveLength(1);
  });

  it('updates the open nightly PR when the English moves again, keeping a reviewer commit on the branch', async () => {
    fixture.commitSource('Reword installation', {
      [INSTALLATION]: reword(
        fixture,
        INSTALLATION,
        'In order to get you up and running',
        'To get you started with hands-on learning, we need an environment for Python and Jupyter.',
      ),
    });
    const first = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });
    expect(first.outputs.operation, first.log).toBe('created');

    fixture.humanCommit('amts/zh/sync', INSTALLATION, (text) =>
      text.replace('[zh] To get you started', '为了让你开始动手学习'),
    );
    fixture.commitSource('Reword pandas', {
      [PANDAS]: reword(
        fixture,
        PANDAS,
        'So far we have introduced',
        'Until now we only used data that was already in tensors.',
      ),
    });
    const second = await runAction(fixture, { eventName: 'workflow_dispatch', payload: { inputs: {} } });

    expect(second.failed, second.log).toBe(false);
    expect(second.outputs.operation).toBe('updated');
    expect(second.outputs['pull-request-number']).toBe(first.outputs['pull-request-number']);
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.server.writes().filter((request) => request.method === 'PATCH')).toHaveLength(1);
    // the reviewer's fix survives, as a commit in the branch history and in the file
    expect(fixture.targetLog('amts/zh/sync').map((line) => line.split('|')[0])).toContain('Ada Reviewer');
    expect(fixture.readTarget('amts/zh/sync', INSTALLATION)).toContain('为了让你开始动手学习');
    expect(fixture.readTarget('amts/zh/sync', PANDAS)).toContain('[zh] Until now we only used data');
    // the nightly only looked at what changed since the recorded commit
    expect(second.log).toContain(`modified: ${PANDAS}`);
    expect(second.log).not.toContain(`modified: ${INSTALLATION}`);
    const pull = fixture.server.pulls(TARGET_REPOSITORY)[0];
    expect(pull?.body).toContain('Until now we only used data');
  });

  it('does nothing on a nightly run when the English has not moved since the recorded commit', async () => {
    fixture.commitTarget(
      '.amts/state.json',
      `${JSON.stringify({ sourceRepository: 'd2l-ai/d2l-en', sourceCommit: fixture.sourceHead() })}\n`,
    );
    const result = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('none');
    expect(result.outputs['pull-request-url']).toBe('');
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.writes()).toEqual([]);
    expect(result.engineRequests).toEqual([]);
  });

  it('does nothing on a first nightly run when the translation is already in step', async () => {
    const result = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { include: 'chapter_*/**/*.md' },
    });

    expect(result.failed, result.log).toBe(false);
    expect(result.log).toContain(
      'Looking at every file under the include globs: the target records no synced source commit yet',
    );
    expect(result.outputs.operation).toBe('none');
    expect(result.outputs['units-kept']).not.toBe('0');
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.writes()).toEqual([]);
  });

  it('only plans for an open fork PR: no engine, no push, no PR, an estimate in the summary', async () => {
    const { base, head } = fixture.mergePullRequest(31, {
      [PANDAS]: reword(
        fixture,
        PANDAS,
        'So far we have introduced',
        'A contributor rewrote this paragraph from a fork.',
      ),
    });
    const payload = pullRequestPayload({
      number: 31,
      action: 'opened',
      merged: false,
      title: 'From a fork',
      head,
      base,
      headRepository: 'someone/d2l-en',
    });
    const result = await runAction(fixture, { eventName: 'pull_request_target', payload });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('none');
    expect(result.engineRequests).toEqual([]);
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.writes()).toEqual([]);
    expect(result.summary).toContain('dry run');
    expect(result.summary).toContain('comes from a fork');
    expect(result.summary).toMatch(/Dry run: 1 units would be drafted, \d+ characters sent/);
    // The dollar stands alone in a span, so GitHub does not read it as the start of math.
    expect(result.summary).toContain('<span>\\$</span>0.0');
  });

  it('only plans when there is no target token', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const result = await runAction(fixture, { eventName: 'pull_request', payload, inputs: { 'target-token': '' } });

    expect(result.failed, result.log).toBe(false);
    expect(result.engineRequests).toEqual([]);
    expect(fixture.server.writes()).toEqual([]);
    expect(result.summary).toContain('no target-token was given');
  });

  it('refuses a PR that renames a file out of the checkout into .github/workflows', async () => {
    const { base, head } = fixture.mergePullRequest(40, {
      [PANDAS]: reword(fixture, PANDAS, 'So far we have introduced', 'Harmless-looking change.'),
    });
    fixture.server.setPullRequestFiles('d2l-ai/d2l-en', 40, [
      { filename: '../../.github/workflows/x.md', status: 'renamed', previous_filename: INSTALLATION },
      { filename: PANDAS, status: 'modified' },
    ]);
    const payload = pullRequestPayload({
      number: 40,
      action: 'closed',
      merged: true,
      title: 'Evil rename',
      head,
      base,
    });
    const result = await runAction(fixture, { eventName: 'pull_request', payload });

    expect(result.failed).toBe(true);
    expect(result.log).toContain(
      `::error::Refusing to sync pull request #40: it renames '${INSTALLATION}' to '../../.github/workflows/x.md', which climbs out with '..'.`,
    );
    expect(result.engineRequests).toEqual([]);
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.writes()).toEqual([]);
    expect(result.summary).toContain('AMTS failed');
  });

  it('hands a batch job that outlives the run to the next run, which collects it without a second job', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const first = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      createEngine: () => createSlowBatchEngine('job-7f3a'),
    });

    expect(first.failed, first.log).toBe(false);
    expect(first.outputs['job-id']).toBe('job-7f3a');
    expect(first.outputs.operation).toBe('none');
    expect(first.log).toContain('::notice::Translation job job-7f3a is still running');
    const pending = JSON.parse(fixture.readTarget('amts/zh/sync', '.amts/pending-job.json') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(pending).toMatchObject({ jobId: 'job-7f3a', sourceCommit: fixture.sourceHead(), engine: 'slow-batch' });
    expect(fixture.readTarget('amts/zh/sync', PANDAS)).toBe(fixture.readTarget('main', PANDAS));
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(0);

    const second = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      createEngine: () => createTaggingEngine(),
    });
    expect(second.failed, second.log).toBe(false);
    expect(second.engineRequests).toHaveLength(1);
    expect(second.engineRequests[0]?.resumeJobId).toBe('job-7f3a');
    expect(second.outputs.operation).toBe('created');
    expect(fixture.readTarget('amts/zh/sync', '.amts/pending-job.json')).toBeUndefined();
    expect(fixture.readTarget('amts/zh/sync', PANDAS)).toContain('[zh] So far we have covered');
  });

  it('refuses to translate more than max-characters', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const result = await runAction(fixture, { eventName: 'pull_request', payload, inputs: { 'max-characters': '10' } });

    expect(result.failed).toBe(true);
    expect(result.log).toMatch(
      /::error::This sync would send \d+ characters to the engine, more than max-characters \(10\)/,
    );
    expect(result.engineRequests).toEqual([]);
    expect(fixture.targetBranches()).toEqual(['main']);
  });

  it('rides out what GitHub fails with, opens exactly one PR, and says what it retried and why', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const { server } = fixture;
    server.injectFault('GET', /\/pulls\/12\/files$/, { kind: 'bad-gateway' });
    server.injectFault('GET', /^\/repos\/d2l-ai\/d2l-zh$/, { kind: 'connection-reset' });
    server.injectFault('POST', /\/pulls$/, { kind: 'too-many-requests', retryAfter: 2 });
    server.injectFault('POST', /\/labels$/, { kind: 'secondary-rate-limit', retryAfter: 3 });
    server.injectFault('POST', /\/requested_reviewers$/, { kind: 'primary-rate-limit', resetIn: 2 });
    const result = await runAction(fixture, { eventName: 'pull_request', payload });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('created');
    const [pull, ...others] = server.pulls(TARGET_REPOSITORY);
    expect(others).toEqual([]);
    expect(pull?.labels).toEqual(['translation', 'amts']);
    expect(pull?.requestedReviewers).toEqual(['astonzhang']);
    expect(
      server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/pulls')),
    ).toHaveLength(2);
    const retried = result.log.split('\n').filter((line) => line.startsWith('GitHub API '));
    expect(retried).toEqual([
      expect.stringMatching(
        /^GitHub API GET \/repos\/d2l-ai\/d2l-zh: no answer \(.+\); retrying \(1 of 3\) after a backoff$/,
      ),
      'GitHub API GET /repos/d2l-ai/d2l-en/pulls/12/files: GitHub answered 502; retrying (1 of 3) after a backoff',
      'GitHub API POST /repos/d2l-ai/d2l-zh/pulls: 429 Too Many Requests (Retry-After: 2); waiting 2 s, then retrying (1 of 3)',
      'GitHub API POST /repos/d2l-ai/d2l-zh/issues/1/labels: a secondary rate limit (Retry-After); waiting 3 s, then retrying (1 of 3)',
      expect.stringMatching(
        /^GitHub API POST \/repos\/d2l-ai\/d2l-zh\/pulls\/1\/requested_reviewers: the rate limit of the token is used up \(x-ratelimit-reset\); waiting [2-4] s, then retrying \(1 of 3\)$/,
      ),
    ]);
    expectSecretsHidden([result]);
  });

  it('stops with one clear line when a limit outlasts rate-limit-wait-seconds, pushes nothing, and the next run publishes', async () => {
    const payload = mergedPullRequest(fixture, 12);
    fixture.server.injectFault('POST', /\/pulls$/, { kind: 'secondary-rate-limit', retryAfter: 3600 });
    const started = performance.now();
    const stopped = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      inputs: { 'rate-limit-wait-seconds': '60' },
      // real seconds: the run must stop at once rather than wait the hour out
      githubTiming: { secondMs: 1000, writeIntervalMs: 5, notificationIntervalMs: 5 },
    });
    expect(performance.now() - started).toBeLessThan(15_000);

    expect(stopped.failed).toBe(true);
    const errors = stopped.log.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toEqual([
      '::error::GitHub API POST /repos/d2l-ai/d2l-zh/pulls: a secondary rate limit (Retry-After) asks to wait 3600 s, more than the 60 s left of rate-limit-wait-seconds (60 s a run); stopped without waiting. Run again later. amts/zh/sync was deleted again; the next run pushes and publishes again.',
    ]);
    expect(stopped.outputs.operation).toBe('none');
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toEqual([]);

    const next = await runAction(fixture, { eventName: 'pull_request', payload });
    expect(next.failed, next.log).toBe(false);
    expect(next.outputs.operation).toBe('created');
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.readTarget('amts/zh/sync', PANDAS)).toContain('[zh] So far we have covered many techniques');
  });

  it('puts an updated branch back when its PR cannot be updated within the bound', async () => {
    fixture.commitSource('Reword installation', {
      [INSTALLATION]: reword(fixture, INSTALLATION, 'In order to get you up and running', 'To get you started.'),
    });
    const first = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });
    expect(first.outputs.operation, first.log).toBe('created');
    const published = git(fixture.targetBare, 'rev-parse', 'amts/zh/sync').trim();
    const body = fixture.server.pulls(TARGET_REPOSITORY)[0]?.body;

    fixture.commitSource('Reword pandas', {
      [PANDAS]: reword(fixture, PANDAS, 'So far we have introduced', 'Until now we only used tensors.'),
    });
    fixture.server.injectFault('PATCH', /\/pulls\/\d+$/, { kind: 'primary-rate-limit', resetIn: 7200 });
    const stopped = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });
    expect(stopped.failed).toBe(true);
    expect(stopped.log).toMatch(
      /::error::GitHub API PATCH \/repos\/d2l-ai\/d2l-zh\/pulls\/1: the rate limit of the token is used up \(x-ratelimit-reset\) asks to wait \d+ s, more than the 600 s left .* amts\/zh\/sync was put back to [0-9a-f]{12}; the next run pushes and publishes again\./,
    );
    expect(git(fixture.targetBare, 'rev-parse', 'amts/zh/sync').trim()).toBe(published);
    expect(fixture.server.pulls(TARGET_REPOSITORY)[0]?.body).toBe(body);

    const next = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });
    expect(next.outputs.operation, next.log).toBe('updated');
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.readTarget('amts/zh/sync', PANDAS)).toContain('[zh] Until now we only used tensors.');
  });

  it('keeps the PR and warns when a limit costs the draft review comments', async () => {
    const payload = mergedPullRequest(fixture, 12);
    fixture.server.injectFault('POST', /\/reviews$/, { kind: 'secondary-rate-limit', retryAfter: 3600 });
    const result = await runAction(fixture, {
      eventName: 'pull_request',
      payload,
      inputs: { 'review-comments': 'true' },
    });
    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('created');
    expect(result.log).toMatch(
      /::warning::Could not comment on the drafts of #1: GitHub API POST \/repos\/d2l-ai\/d2l-zh\/pulls\/1\/reviews: a secondary rate limit \(Retry-After\) asks to wait 3600 s.*; they are in the description/,
    );
    expect(fixture.server.pulls(TARGET_REPOSITORY)[0]?.reviewComments).toEqual([]);
  });

  it('clones and pushes over smart HTTP with the token; a wrong token fails clearly and shows nowhere', async () => {
    const payload = mergedPullRequest(fixture, 12);
    const published = await runAction(fixture, { eventName: 'pull_request', payload });
    expect(published.outputs.operation, published.log).toBe('created');
    const pushes = fixture.gitServer.requests.filter((request) => request.url.includes('git-receive-pack'));
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((request) => request.credentials === 'token')).toBe(true);

    const wrong = 'ghs_wrongTargetToken00000000000000';
    const refused = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { 'target-token': wrong },
    });
    expect(refused.failed).toBe(true);
    const errors = refused.log.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::git clone .* http:\/\/127\.0\.0\.1:\d+\/d2l-ai\/d2l-zh\.git .*: the server refused the token \(wrong, expired, or without access to this repository\)/,
    );
    expect(fixture.gitServer.requests.at(-1)).toMatchObject({ credentials: 'wrong', status: 401 });
    expectSecretsHidden([published, refused], [TOKEN, SOURCE_TOKEN, wrong]);
  });

  it('never lets a token reach a log, an output, the summary or a file left on disk', async () => {
    const runs: ActionRun[] = [];
    const payload = mergedPullRequest(fixture, 12);
    runs.push(await runAction(fixture, { eventName: 'pull_request', payload }));
    runs.push(await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() }));
    // a failing run: the target repository does not exist on the git server
    runs.push(
      await runAction(fixture, { eventName: 'pull_request', payload, inputs: { 'target-repo': 'd2l-ai/d2l-missing' } }),
    );
    expect(runs[0]?.outputs.operation).toBe('created');
    expect(runs[2]?.failed).toBe(true);

    const secrets = [TOKEN, SOURCE_TOKEN, Buffer.from(`x-access-token:${TOKEN}`).toString('base64')];
    expectSecretsHidden(runs, secrets);
    for (const result of runs) expect(result.log).toContain(`::add-mask::${TOKEN}`);
    for (const pull of fixture.server.pulls(TARGET_REPOSITORY)) {
      for (const secret of secrets) expect(pull.body + pull.title).not.toContain(secret);
    }
    // nor in any commit pushed to the translation repository
    const history = git(fixture.targetBare, 'log', '--all', '-p', '--format=%an %s%n%b');
    for (const secret of secrets) expect(history).not.toContain(secret);
    const leaks = filesContaining(fixture.root, secrets);
    expect(leaks).toEqual([]);
    // the clone the action left behind has no credential in its git config
    // The runner's scratch folder also holds the JSON report and the built parallel data.
    const clones = readdirSync(fixture.runnerTemp).filter((name) =>
      existsSync(path.join(fixture.runnerTemp, name, '.git')),
    );
    expect(clones.length).toBeGreaterThan(0);
    for (const clone of clones) {
      const config = git(path.join(fixture.runnerTemp, clone), 'config', '--list', '--local');
      expect(config).not.toMatch(/extraheader|authorization/i);
      for (const secret of secrets) expect(config).not.toContain(secret);
      expect(config).toMatch(/^remote\.origin\.url=http:\/\/127\.0\.0\.1:\d+\/d2l-ai\/d2l-zh\.git$/m);
    }
    // the token went to the git server by Basic auth, on every push
    const pushes = fixture.gitServer.requests.filter((request) => request.url.includes('git-receive-pack'));
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((request) => request.credentials === 'token')).toBe(true);
  });
});

/** Every file under `root` (event payloads aside, which hold no token) whose bytes contain a secret. */
function filesContaining(root: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      const stats = statSync(full);
      if (stats.isDirectory()) visit(full);
      else if (stats.size < 20_000_000) {
        const content = readFileSync(full, 'latin1');
        if (secrets.some((secret) => content.includes(secret))) found.push(path.relative(root, full));
      }
    }
  };
  visit(root);
  return found;
}
