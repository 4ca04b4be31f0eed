/**
 * Bot pull requests that never conflict with each other, end to end: event files, bare git repositories served over
 * smart HTTP, the REST test server, and the action as a runner starts it. Rolling mode (one PR per language),
 * per-source mode with its siblings re-synced, the `/amts sync` comment trigger, and a conflict only a person can
 * resolve.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { syncBook } from '../../src/sync/syncBook.js';
import { Fixture, SOURCE_REPOSITORY, TARGET_REPOSITORY, git } from './fixture.js';
import type { ActionRun } from './harness.js';
import { pullRequestPayload, runAction } from './harness.js';

const PANDAS = 'chapter_preliminaries/pandas.md';
const PANDAS_ORIGIN = 'chapter_preliminaries/pandas_origin.md';
const INSTALLATION = 'chapter_installation/index.md';
const ROLLING = 'amts/zh/sync';

/** English PRs that each rewrite another paragraph of the pandas chapter. */
const EDITS = [
  { prefix: 'So far we have introduced', text: 'So far we have covered many ways to manipulate data in tensors.' },
  { prefix: 'Below we write the dataset', text: 'Next we write the dataset to a csv file, one row at a time.' },
  { prefix: 'Note that "NaN" entries', text: 'Entries shown as "NaN" are missing values.' },
  { prefix: 'By integer-location based indexing', text: 'With iloc we split data into inputs and outputs.' },
];

function mergeEnglish(
  fixture: Fixture,
  number: number,
  edit: { prefix: string; text: string },
  file = PANDAS,
): Record<string, unknown> {
  const { base, head, merge } = fixture.mergePullRequest(number, {
    [file]: fixture.reworded(file, edit.prefix, edit.text),
  });
  return pullRequestPayload({
    number,
    action: 'closed',
    merged: true,
    title: `Reword ${edit.prefix}`,
    head,
    base,
    mergeCommit: merge,
  });
}

async function syncMerged(fixture: Fixture, payload: Record<string, unknown>, inputs = {}): Promise<ActionRun> {
  const result = await runAction(fixture, { eventName: 'pull_request', payload, inputs });
  expect(result.failed, result.log).toBe(false);
  return result;
}

/** The commits a branch has that main has not, as `author|subject`. */
function commitsAhead(fixture: Fixture, branch: string): string[] {
  return git(fixture.targetBare, 'log', '--format=%an|%s', `main..${branch}`).split('\n').filter(Boolean);
}

function openPull(fixture: Fixture, branch: string) {
  return fixture.server.pulls(TARGET_REPOSITORY).find((pull) => pull.head === branch && pull.state === 'open');
}

/** What a re-run must leave as it was: every branch tip, every PR body and title, every comment and label. */
function snapshot(fixture: Fixture): string {
  const branches = fixture.targetBranches().map((branch) => `${branch}=${fixture.targetCommit(branch) ?? ''}`);
  const pulls = fixture.server.pulls(TARGET_REPOSITORY).map((pull) => ({
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    labels: pull.labels,
    comments: fixture.server.issueComments(TARGET_REPOSITORY, pull.number),
  }));
  return JSON.stringify({ branches, pulls });
}

async function expectRerunChangesNothing(
  fixture: Fixture,
  eventName: string,
  payload: Record<string, unknown>,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const before = snapshot(fixture);
  const writes = fixture.server.writes().length;
  const again = await runAction(fixture, { eventName, payload, inputs });
  expect(again.failed, again.log).toBe(false);
  expect(again.outputs.operation).toBe('none');
  expect(snapshot(fixture)).toBe(before);
  expect(fixture.server.writes().slice(writes)).toEqual([]);
  return again;
}

describe('bot pull requests', () => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await Fixture.create();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it('rolling: three merged English PRs on one chapter give one PR with three commits; once merged, the fourth opens a new one', async () => {
    const payloads: Record<string, unknown>[] = [];
    const runs: ActionRun[] = [];
    for (const [index, number] of [51, 52, 53].entries()) {
      const payload = mergeEnglish(fixture, number, EDITS[index] ?? EDITS[0]!);
      payloads.push(payload);
      runs.push(await syncMerged(fixture, payload));
    }
    expect(runs.map((run) => run.outputs.operation)).toEqual(['created', 'updated', 'updated']);
    expect(new Set(runs.map((run) => run.outputs['pull-request-number'])).size).toBe(1);
    expect(fixture.targetBranches()).toEqual([ROLLING, 'main']);

    // one commit per English PR, each drafting only what that PR changed
    expect(commitsAhead(fixture, ROLLING)).toEqual([
      'github-actions[bot]|AMTS: sync zh with d2l-ai/d2l-en#53',
      'github-actions[bot]|AMTS: sync zh with d2l-ai/d2l-en#52',
      'github-actions[bot]|AMTS: sync zh with d2l-ai/d2l-en#51',
    ]);
    expect(runs.map((run) => run.outputs['units-drafted'])).toEqual(['1', '1', '1']);
    const translation = fixture.readTarget(ROLLING, PANDAS) ?? '';
    for (const edit of EDITS.slice(0, 3)) expect(translation.split(`[zh] ${edit.text}`)).toHaveLength(2);
    expect(fixture.readTarget(ROLLING, PANDAS_ORIGIN)).toBe(fixture.readSource(PANDAS));

    // mergeable: a real merge of the bare repositories, and what the API says
    expect(fixture.mergesCleanly(ROLLING)).toBe(true);
    const pull = openPull(fixture, ROLLING);
    expect(pull).toBeDefined();
    const listed = (await (
      await fetch(`${fixture.server.url}/repos/${TARGET_REPOSITORY}/pulls/${pull?.number}`)
    ).json()) as {
      mergeable: boolean;
    };
    expect(listed.mergeable).toBe(true);

    // the description names the three PRs, newest first, with links
    const body = pull?.body ?? '';
    expect(body).toContain('- English: 3 changes, newest first');
    const positions = [53, 52, 51].map((number) =>
      body.indexOf(`https://github.com/${SOURCE_REPOSITORY}/pull/${number}`),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pull?.title).toBe('[AMTS] zh: sync with 3 English changes: d2l-ai/d2l-en#53, #52, #51');

    // running the last event again changes nothing
    await expectRerunChangesNothing(fixture, 'pull_request', payloads[2] ?? {});
    // nor does the first one again, checked out at its own merge commit (older than what the branch reflects)
    const firstMerge = (payloads[0]?.pull_request as { merge_commit_sha: string }).merge_commit_sha;
    git(fixture.workspace, 'checkout', '-q', '--detach', firstMerge);
    const stale = await expectRerunChangesNothing(fixture, 'pull_request', payloads[0] ?? {});
    git(fixture.workspace, 'checkout', '-q', 'main');
    expect(stale.log).toContain(`Ignored: ${PANDAS} (the translation already reflects its newer English of`);

    // translators merge it; the next English PR opens a new pull request on a branch started over
    fixture.mergeTargetPullRequest(pull?.number ?? 0);
    const fourth = mergeEnglish(fixture, 54, EDITS[3]!);
    const next = await syncMerged(fixture, fourth);
    expect(next.outputs.operation).toBe('created');
    expect(next.outputs['pull-request-number']).not.toBe(runs[0]?.outputs['pull-request-number']);
    expect(next.log).toContain(`The pull request of ${ROLLING} is closed; the branch starts over from main`);
    expect(commitsAhead(fixture, ROLLING)).toEqual(['github-actions[bot]|AMTS: sync zh with d2l-ai/d2l-en#54']);
    const second = openPull(fixture, ROLLING);
    expect(second?.body).toContain(`https://github.com/${SOURCE_REPOSITORY}/pull/54`);
    expect(second?.body).not.toContain(`https://github.com/${SOURCE_REPOSITORY}/pull/53`);
    expect(second?.title).toBe('[AMTS] zh: sync with d2l-ai/d2l-en#54 Reword By integer-location based indexing');
    expect(fixture.mergesCleanly(ROLLING)).toBe(true);
    expect(fixture.server.pulls(TARGET_REPOSITORY).filter((candidate) => candidate.state === 'open')).toHaveLength(1);

    await expectRerunChangesNothing(fixture, 'pull_request', fourth);
  });

  it('rolling: after a squash merge the branch starts over, replacing only the closed tip', async () => {
    const first = await syncMerged(fixture, mergeEnglish(fixture, 55, EDITS[0]!));
    const closedTip = fixture.targetCommit(ROLLING) ?? '';
    fixture.mergeTargetPullRequest(Number(first.outputs['pull-request-number']), { squash: true });
    // the squash commit holds the branch's changes, not its commits
    expect(() => git(fixture.targetBare, 'merge-base', '--is-ancestor', closedTip, 'main')).toThrow();

    const next = await syncMerged(fixture, mergeEnglish(fixture, 56, EDITS[1]!));
    expect(next.outputs.operation).toBe('created');
    expect(commitsAhead(fixture, ROLLING)).toEqual(['github-actions[bot]|AMTS: sync zh with d2l-ai/d2l-en#56']);
    expect(() => git(fixture.targetBare, 'merge-base', '--is-ancestor', closedTip, ROLLING)).toThrow();
    expect(fixture.mergesCleanly(ROLLING)).toBe(true);
    expect(fixture.readTarget(ROLLING, PANDAS)?.split(`[zh] ${EDITS[0]?.text ?? ''}`)).toHaveLength(2);
    expect(openPull(fixture, ROLLING)?.number).not.toBe(Number(first.outputs['pull-request-number']));
  });

  it('per-source: after the first of two overlapping bot PRs is merged, the next run leaves the second mergeable with its human commit', async () => {
    const inputs = { 'pull-request-mode': 'per-source' };
    const first = await syncMerged(fixture, mergeEnglish(fixture, 61, EDITS[0]!), inputs);
    expect(first.outputs.operation).toBe('created');
    const secondPayload = mergeEnglish(fixture, 62, EDITS[1]!);
    const englishOf62 = (secondPayload.pull_request as { merge_commit_sha: string }).merge_commit_sha;
    const second = await syncMerged(fixture, secondPayload, inputs);
    expect(second.outputs.operation).toBe('created');
    expect(second.log).toContain('amts/zh/pr-61 (#1) overlaps this sync and merges cleanly with main');
    expect(fixture.targetBranches()).toEqual(['amts/zh/pr-61', 'amts/zh/pr-62', 'main']);

    // a reviewer fixes the newest draft on the second PR
    const draft = `[zh] ${EDITS[1]?.text ?? ''}`;
    fixture.humanCommit('amts/zh/pr-62', PANDAS, (text) =>
      text.replace(draft, '接下来我们把数据集逐行写入 csv 文件。'),
    );
    const reviewed = fixture.targetCommit('amts/zh/pr-62') ?? '';

    // translators merge the first: the second now conflicts with main
    fixture.mergeTargetPullRequest(1);
    expect(fixture.mergesCleanly('amts/zh/pr-62')).toBe(false);

    // the next run (an English PR on another chapter) brings the second in step before it publishes
    const thirdPayload = mergeEnglish(
      fixture,
      63,
      { prefix: 'In order to get you up and running', text: 'To get started we need an environment.' },
      INSTALLATION,
    );
    const third = await syncMerged(fixture, thirdPayload, inputs);
    expect(third.outputs.operation).toBe('created');
    expect(third.log).toMatch(
      /amts\/zh\/pr-62 \(#2\) is in step with main again: Re-synced chapter_preliminaries\/pandas\.md onto main/,
    );
    expect(fixture.mergesCleanly('amts/zh/pr-62')).toBe(true);
    expect(fixture.mergesCleanly('amts/zh/pr-63')).toBe(true);
    // no force: the reviewer's commit is still in the branch, and so is the fix
    git(fixture.targetBare, 'merge-base', '--is-ancestor', reviewed, 'amts/zh/pr-62');
    expect(fixture.targetLog('amts/zh/pr-62').map((line) => line.split('|')[0])).toContain('Ada Reviewer');
    const translation = fixture.readTarget('amts/zh/pr-62', PANDAS) ?? '';
    expect(translation).toContain('接下来我们把数据集逐行写入 csv 文件。');
    expect(translation).not.toContain(draft);
    // the first PR's draft, now on main, is there once
    expect(translation.split(`[zh] ${EDITS[0]?.text ?? ''}`)).toHaveLength(2);
    // its English stays the English of #62, the newer of the two
    expect(fixture.readTarget('amts/zh/pr-62', PANDAS_ORIGIN)).toBe(
      git(fixture.workspace, 'show', `${englishOf62}:${PANDAS}`),
    );
    const state = JSON.parse(fixture.readTarget('amts/zh/pr-62', '.amts/state.json') ?? '{}') as {
      sourceCommit?: string;
    };
    expect(state.sourceCommit).toBe(englishOf62);
    await expectRerunChangesNothing(fixture, 'pull_request', thirdPayload, inputs);

    // merging it now succeeds for real; the last one then only differs from main in AMTS's own state file, which
    // the next run resolves without the engine
    fixture.mergeTargetPullRequest(2);
    expect(fixture.mergesCleanly('amts/zh/pr-63')).toBe(false);
    const engineRuns = (await syncMerged(fixture, thirdPayload, inputs)).engineRequests;
    expect(engineRuns).toHaveLength(1); // the run's own sync; the resolution needed none
    expect(fixture.mergesCleanly('amts/zh/pr-63')).toBe(true);
    expect(commitsAhead(fixture, 'amts/zh/pr-63')[0]).toBe(
      'github-actions[bot]|AMTS: bring amts/zh/pr-63 in step with main',
    );
    await expectRerunChangesNothing(fixture, 'pull_request', thirdPayload, inputs);
  });

  it('per-source with the real sync: two bot PRs that redraft one sentence stay mergeable after either is merged', async () => {
    const real = {
      sync: (options: Parameters<typeof syncBook>[0], engine: Parameters<typeof syncBook>[1]) =>
        syncBook(options, engine),
      createEngine: () => createPseudoEngine(),
      inputs: { 'pull-request-mode': 'per-source', engine: 'pseudo' },
    };
    const edit = (number: number, from: string, to: string, file = PANDAS): Record<string, unknown> => {
      const { base, head, merge } = fixture.mergePullRequest(number, {
        [file]: fixture.readSource(file).replace(from, to),
      });
      return pullRequestPayload({
        number,
        action: 'closed',
        merged: true,
        title: `Edit ${number}`,
        head,
        base,
        mergeCommit: merge,
      });
    };
    const run = async (payload: Record<string, unknown>): Promise<ActionRun> => {
      const result = await runAction(fixture, { eventName: 'pull_request', payload, ...real });
      expect(result.failed, result.log).toBe(false);
      return result;
    };
    await run(edit(91, 'is commonly used.', 'is the most widely used.'));
    const secondPayload = edit(92, 'is the most widely used.', 'is the tool most people reach for.');
    await run(secondPayload);
    fixture.mergeTargetPullRequest(1);
    expect(fixture.mergesCleanly('amts/zh/pr-92')).toBe(false);

    const third = await run(edit(93, 'In order to get you up and running', 'To get you started', INSTALLATION));
    expect(third.log).toContain(
      'amts/zh/pr-92 (#2) is in step with main again: Re-synced chapter_preliminaries/pandas.md',
    );
    expect(fixture.mergesCleanly('amts/zh/pr-92')).toBe(true);
    expect(fixture.readTarget('amts/zh/pr-92', PANDAS)).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
    expect(fixture.readTarget('amts/zh/pr-92', PANDAS_ORIGIN)).toContain('is the tool most people reach for.');
    // the sentence is drafted once, from the newer English; every other line is main's
    const diff = git(fixture.targetBare, 'diff', 'main', 'amts/zh/pr-92', '--', PANDAS);
    expect(diff.split('\n').filter((line) => /^[+-][^+-]/.test(line))).toHaveLength(2);
    await expectRerunChangesNothing(fixture, 'pull_request', secondPayload, real.inputs);
  });

  it('/amts sync from a user without write access runs nothing and gets a polite reply; from a maintainer it syncs', async () => {
    const payload = mergeEnglish(fixture, 71, EDITS[0]!);
    const { server } = fixture;
    const merged = server.openPullRequest(SOURCE_REPOSITORY, 'topic-71', 'main', 'Reword the intro', 71);
    server.markMerged(
      SOURCE_REPOSITORY,
      71,
      String((payload.pull_request as { merge_commit_sha: string }).merge_commit_sha),
    );
    expect(merged.number).toBe(71);
    server.setCollaborator(SOURCE_REPOSITORY, 'maintainer', 'maintain');
    server.setCollaborator(SOURCE_REPOSITORY, 'helper', 'triage');

    const refused = await runAction(fixture, {
      eventName: 'issue_comment',
      payload: commentPayload(71, 'helper', '/amts sync', 1),
    });
    expect(refused.failed, refused.log).toBe(false);
    expect(refused.outputs.operation).toBe('none');
    expect(refused.engineRequests).toEqual([]);
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(server.writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /repos/${SOURCE_REPOSITORY}/issues/71/comments`,
    ]);
    const [reply] = server.issueComments(SOURCE_REPOSITORY, 71);
    expect(reply?.body).toContain('Thank you, @helper. Only people with write access');
    expect(reply?.body).toContain('(you have triage access), so nothing was run.');
    expect(refused.summary).toContain('helper has triage access to d2l-ai/d2l-en; /amts sync needs write access');
    // the permission came from the API, asked with the workflow's token
    const asked = server.requests.find((request) => request.path.endsWith('/collaborators/helper/permission'));
    expect(asked?.authorization).toMatch(/^token ghs_testSource/);
    // the same comment again: no second reply
    await runAction(fixture, { eventName: 'issue_comment', payload: commentPayload(71, 'helper', '/amts sync', 1) });
    expect(server.issueComments(SOURCE_REPOSITORY, 71)).toHaveLength(1);

    // another language's command is not this job's
    const otherLanguage = await runAction(fixture, {
      eventName: 'issue_comment',
      payload: commentPayload(71, 'maintainer', '/amts sync ja', 2),
    });
    expect(otherLanguage.outputs.operation).toBe('none');
    expect(otherLanguage.summary).toContain('the comment asks for ja; this job syncs zh');
    expect(fixture.targetBranches()).toEqual(['main']);

    const comment = commentPayload(71, 'maintainer', 'Thanks!\n/amts sync zh', 3);
    const synced = await runAction(fixture, { eventName: 'issue_comment', payload: comment });
    expect(synced.failed, synced.log).toBe(false);
    expect(synced.outputs.operation).toBe('created');
    expect(fixture.readTarget(ROLLING, PANDAS)).toContain(`[zh] ${EDITS[0]?.text ?? ''}`);
    const pull = openPull(fixture, ROLLING);
    expect(pull?.title).toBe('[AMTS] zh: sync with d2l-ai/d2l-en#71 Reword the intro');
    expect(server.issueComments(SOURCE_REPOSITORY, 71)).toHaveLength(1);

    await expectRerunChangesNothing(fixture, 'issue_comment', comment);
  });

  it('a conflict a person must resolve gets a comment, the amts:conflict label and a job summary naming the file, once', async () => {
    await syncMerged(fixture, mergeEnglish(fixture, 81, EDITS[0]!));
    // a reviewer and a maintainer edit the same human line, on the bot branch and on main
    fixture.humanCommit(ROLLING, PANDAS, (text) => text.replace('## 读取数据集', '## 读入数据集'));
    fixture.commitTarget(PANDAS, (fixture.readTarget('main', PANDAS) ?? '').replace('## 读取数据集', '## 读取数据'));
    expect(fixture.mergesCleanly(ROLLING)).toBe(false);

    const payload = mergeEnglish(fixture, 82, EDITS[1]!);
    const result = await syncMerged(fixture, payload);
    expect(result.outputs.operation).toBe('updated');
    expect(result.log).toContain(`::warning::${ROLLING} conflicts with main in ${PANDAS}`);
    const pull = openPull(fixture, ROLLING);
    expect(pull?.labels).toContain('amts:conflict');
    const comments = fixture.server.issueComments(TARGET_REPOSITORY, pull?.number ?? 0);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('<code>chapter\\_preliminaries/pandas.md</code>');
    expect(comments[0]?.body).toContain('changed lines the target branch changed too');
    expect(result.summary).toContain('### AMTS: conflicts left for a person');
    expect(result.summary).toContain('<code>chapter\\_preliminaries/pandas.md</code>');
    // the reviewer's line is kept, and the sync went on on the branch as it is
    const translation = fixture.readTarget(ROLLING, PANDAS) ?? '';
    expect(translation).toContain('## 读入数据集');
    expect(translation).toContain(`[zh] ${EDITS[1]?.text ?? ''}`);

    const again = await expectRerunChangesNothing(fixture, 'pull_request', payload);
    expect(fixture.server.issueComments(TARGET_REPOSITORY, pull?.number ?? 0)).toHaveLength(1);
    expect(again.summary).toContain('### AMTS: conflicts left for a person');
  });
});

function commentPayload(number: number, login: string, body: string, id: number): Record<string, unknown> {
  return {
    action: 'created',
    issue: {
      number,
      title: 'Reword the intro',
      pull_request: { url: `https://api.github.com/repos/${SOURCE_REPOSITORY}/pulls/${number}` },
    },
    comment: { id, body, user: { login } },
    repository: { full_name: SOURCE_REPOSITORY },
  };
}
