/**
 * The translation status through the whole action, on the bundled example book: every run writes the status table
 * into the job summary; with `status-issue: true` the first scheduled run opens the one `amts:status` issue in the
 * translation repository and the next scheduled run updates that same issue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_FIXTURE_BOOK, Fixture, TARGET_REPOSITORY } from './fixture.js';
import { expectSecretsHidden, runAction, schedulePayload } from './harness.js';

const ADAM = 'chapter_optimization/adam.md';

describe('the status issue, end to end', () => {
  let fixture: Fixture;
  beforeEach(async () => {
    fixture = await Fixture.create(EXAMPLE_FIXTURE_BOOK);
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  const issueWrites = () =>
    fixture.server.writes().filter((request) => /^\/repos\/d2l-ai\/d2l-zh\/issues(\/\d+)?$/.test(request.path));

  it('creates the issue on the first nightly run and updates the same issue on the next', async () => {
    const first = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { 'status-issue': 'true' },
    });
    expect(first.failed, first.log).toBe(false);
    expect(first.summary).toContain('### Translation status: zh ← en');
    expect(first.summary).toContain('4 chapters: 2 outdated, 1 untranslated, 1 current.');
    const [issue, ...others] = fixture.server.issues(TARGET_REPOSITORY);
    expect(others).toEqual([]);
    expect(issue?.labels).toEqual(['amts:status']);
    expect(issue?.title).toBe('AMTS translation status: zh ← en');
    expect(issue?.body).toContain('4 chapters: 2 outdated, 1 untranslated, 1 current.');
    expect(issue?.body).toMatch(/<code>chapter\\_optimization\/rmsprop\.md<\/code> \| outdated/);
    expect(issue?.body).toContain(`against d2l-ai/d2l-en at [${fixture.sourceHead().slice(0, 12)}]`);
    expect(first.summary).toContain(`Status issue created: [#${issue?.number}]`);
    expect(issueWrites().map((request) => request.method)).toEqual(['POST']);
    // The issue is not the follow-up pull request, which this run opened as well.
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.server.pulls(TARGET_REPOSITORY)[0]?.number).not.toBe(issue?.number);

    // The English gains a chapter the translation does not have yet.
    fixture.commitSource('Add Adam', { [ADAM]: '# Adam\n\nAdam combines momentum with RMSProp.\n' });
    const second = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { 'status-issue': 'true' },
    });
    expect(second.failed, second.log).toBe(false);
    const issues = fixture.server.issues(TARGET_REPOSITORY);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.number).toBe(issue?.number);
    expect(issues[0]?.body).toContain('5 chapters: 2 outdated, 2 untranslated, 1 current.');
    expect(issues[0]?.body).toContain('<code>chapter\\_optimization/adam.md</code> | untranslated');
    expect(issues[0]?.body).toContain(`at [${fixture.sourceHead().slice(0, 12)}]`);
    expect(issueWrites().map((request) => [request.method, request.path])).toEqual([
      ['POST', '/repos/d2l-ai/d2l-zh/issues'],
      ['PATCH', `/repos/d2l-ai/d2l-zh/issues/${issue?.number}`],
    ]);
    expect(second.summary).toContain(`Status issue updated: [#${issue?.number}]`);
    expectSecretsHidden([first, second]);
  });

  it('writes the table into the job summary of every run, and leaves the issue to scheduled runs that may write', async () => {
    const dryRun = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { 'status-issue': 'true', 'dry-run': 'true' },
    });
    expect(dryRun.failed, dryRun.log).toBe(false);
    expect(dryRun.summary).toContain('### Translation status: zh ← en');
    expect(dryRun.summary).toMatch(/rmsprop\.md<\/code> \| outdated/);
    expect(dryRun.log).toContain('The status issue is not updated: the dry-run input is set');

    const withoutInput = await runAction(fixture, { eventName: 'schedule', payload: schedulePayload() });
    expect(withoutInput.failed, withoutInput.log).toBe(false);
    expect(withoutInput.summary).toContain('4 chapters: 2 outdated, 1 untranslated, 1 current.');
    expect(fixture.server.issues(TARGET_REPOSITORY)).toEqual([]);
    expect(issueWrites()).toEqual([]);
  });

  it('closes the duplicate when another run created one at the same moment', async () => {
    // While this run creates its issue, another run's lands too (with a later number).
    fixture.server.interceptOnce('POST', /\/issues$/, () => {
      fixture.server.issues(TARGET_REPOSITORY).push({
        number: 1000,
        title: 'AMTS translation status: zh ← en',
        body: 'raced',
        state: 'open',
        labels: ['amts:status'],
      });
      return undefined;
    });
    const run = await runAction(fixture, {
      eventName: 'schedule',
      payload: schedulePayload(),
      inputs: { 'status-issue': 'true' },
    });
    expect(run.failed, run.log).toBe(false);
    const issues = fixture.server.issues(TARGET_REPOSITORY);
    const ours = issues.find((issue) => issue.number !== 1000);
    expect(issues.map((issue) => [issue.number, issue.state]).sort()).toEqual(
      [
        [ours?.number, 'open'],
        [1000, 'closed'],
      ].sort(),
    );
    expect(ours?.body).toContain('4 chapters: 2 outdated, 1 untranslated, 1 current.');
    expect(run.summary).toContain(`Status issue created: [#${ours?.number}]`);
  });
});
