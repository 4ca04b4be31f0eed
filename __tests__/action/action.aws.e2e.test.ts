/**
 * The Action as shipped: src/main.ts's wiring (real @actions/core, real syncBook, real engine
 * factory) driven by the runner's environment, with real git against local bare repositories, the
 * local GitHub REST server, and Amazon Translate + S3 test servers reached through the `aws`
 * engine's endpoint overrides. The test Translate service translates with the pseudo engine.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createToolkitCore } from '../../src/action/run.js';
import { wireAction } from '../../src/main.js';
import { startAwsHarness, type AwsHarness } from '../aws/harness.js';
import { awsEndpointEnvironment, SDK_CREDENTIAL_ENVIRONMENT, TEST_ROLE_ARN } from '../engines/awsEnvironment.js';
import { Fixture, SOURCE_REPOSITORY, SOURCE_TOKEN, TARGET_REPOSITORY, TOKEN } from '../github/fixture.js';
import type { ActionRun, RunOptions } from '../github/harness.js';
import { defaultInputs, expectSecretsHidden, pullRequestPayload, runAction } from '../github/harness.js';
import { TEST_REGION } from '../servers/s3Server.js';

const PANDAS = 'chapter_preliminaries/pandas.md';
const OLD_SENTENCE = 'Among popular data analytic tools in Python, the `pandas` package is commonly used.';
const NEW_SENTENCE = 'Among the many data analysis tools for Python, the `pandas` package is the most widely used.';
/** The human translation of OLD_SENTENCE in d2l-zh, one line of its own. */
const OLD_TRANSLATION = '在Python中常用的数据分析工具中，我们通常使用`pandas`软件包。';
// The default pull-request-mode, rolling: one bot branch per language.
const BOT_BRANCH = 'amts/zh/sync';
const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function mergedSentenceEdit(fixture: Fixture): Record<string, unknown> {
  const english = fixture.readSource(PANDAS);
  if (!english.includes(OLD_SENTENCE)) throw new Error(`${PANDAS} no longer holds the sentence this test edits`);
  const { base, head, merge } = fixture.mergePullRequest(12, { [PANDAS]: english.replace(OLD_SENTENCE, NEW_SENTENCE) });
  return pullRequestPayload({
    number: 12,
    action: 'closed',
    merged: true,
    title: 'Reword the pandas intro',
    head,
    base,
    mergeCommit: merge,
  });
}

/** One run of the Action with the wiring of src/main.ts. */
async function runWired(fixture: Fixture, options: Omit<RunOptions, 'sync' | 'createEngine'>): Promise<ActionRun> {
  const wiring = wireAction(createToolkitCore());
  try {
    return await runAction(fixture, { ...options, sync: wiring.sync, createEngine: wiring.createEngine });
  } finally {
    wiring.closeEngines();
  }
}

describe('the Action with the real sync and the aws engine', () => {
  let harness: AwsHarness;
  let fixture: Fixture;
  let awsInputs: Record<string, string>;

  beforeAll(async () => {
    harness = await startAwsHarness();
    awsInputs = {
      engine: 'aws',
      'aws-region': TEST_REGION,
      's3-bucket': harness.s3.bucket,
      'data-access-role-arn': TEST_ROLE_ARN,
    };
  });
  afterAll(async () => harness.stop());
  beforeEach(async () => {
    fixture = await Fixture.create();
    Object.assign(harness.translate.faults, { neverFinish: false });
    // Bucket, role and region come from the inputs; the environment only points the SDK at the test servers.
    const environment = { ...awsEndpointEnvironment(harness), ...SDK_CREDENTIAL_ENVIRONMENT };
    for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await fixture.dispose();
  });

  it('opens a PR for a merged source PR: the changed sentence drafted by the engine, every human sentence kept byte for byte', async () => {
    const jobsBefore = harness.translate.state.jobs.size;
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: awsInputs,
    });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('created');
    expect(result.outputs['units-drafted']).toBe('1');
    expect(result.outputs['files-changed']).toBe('1');
    const jobs = [...harness.translate.state.jobs.values()].slice(jobsBefore);
    expect(jobs).toHaveLength(1);
    expect(result.outputs['job-id']).toBe(jobs[0]?.jobId);
    expect(result.outputs['characters-billed']).toBe(String(jobs[0]?.charactersTranslated));
    expect(result.log).toContain(`Amazon Translate job ${jobs[0]?.jobId} started (1 documents)`);
    expect(await harness.s3.listKeys('amts/runs/')).toEqual([]);

    const before = fixture.readTarget('main', PANDAS) ?? '';
    const after = fixture.readTarget(BOT_BRANCH, PANDAS) ?? '';
    const removed = before.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed).toEqual([OLD_TRANSLATION]);
    const draft = after.split('\n')[before.split('\n').indexOf(OLD_TRANSLATION)] ?? '';
    expect(after).toBe(before.replace(OLD_TRANSLATION, draft));
    expect(draft).toContain('`pandas`');
    expect(draft).not.toContain('Among');
    expect(fixture.readTarget(BOT_BRANCH, 'chapter_preliminaries/pandas_origin.md')).toBe(fixture.readSource(PANDAS));

    const pulls = fixture.server.pulls(TARGET_REPOSITORY);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]?.head).toBe(BOT_BRANCH);
    // The PR body lists the replaced English and translation, the new English and its draft (backticks escaped).
    expect(pulls[0]?.body).toMatch(
      /\| 6 \| changed \| [^|]+<br>→ [^|]+ \| Among the many data analysis tools for Python,/,
    );
    expect(pulls[0]?.body).toContain(OLD_TRANSLATION.trim().replaceAll('`', '\\`').slice(0, 20));
    expect(pulls[0]?.body).toContain(draft.replaceAll('`', '\\`'));
    expect(result.summary).toContain('Pull request created');
    expectSecretsHidden([result]);

    // The same PR synced with the offline pseudo engine writes the very same chapter.
    const offline = await Fixture.create();
    try {
      const pseudoRun = await runWired(offline, {
        eventName: 'pull_request',
        payload: mergedSentenceEdit(offline),
        inputs: { engine: 'pseudo' },
      });
      expect(pseudoRun.failed, pseudoRun.log).toBe(false);
      expect(offline.readTarget(BOT_BRANCH, PANDAS)).toBe(after);
    } finally {
      await offline.dispose();
    }
  });

  it('runs again on the same event without a second PR, a second job or a second commit', async () => {
    const payload = mergedSentenceEdit(fixture);
    const first = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });
    const jobsAfterFirst = harness.translate.state.jobs.size;
    const second = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });

    expect(first.outputs.operation, first.log).toBe('created');
    expect(second.failed, second.log).toBe(false);
    expect(second.outputs.operation).toBe('none');
    expect(second.outputs['units-drafted']).toBe('0');
    expect(second.outputs['pull-request-url']).toBe(first.outputs['pull-request-url']);
    expect(harness.translate.state.jobs.size).toBe(jobsAfterFirst);
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    expect(fixture.targetLog(BOT_BRANCH).filter((line) => line.startsWith('github-actions'))).toHaveLength(1);
    expectSecretsHidden([first, second]);
  });

  it('hands a job that outlives the wait to the next run, which collects it without starting another', async () => {
    harness.translate.faults.neverFinish = true;
    vi.stubEnv('AMTS_AWS_JOB_DEADLINE_SECONDS', '0.3');
    const payload = mergedSentenceEdit(fixture);
    const first = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });

    expect(first.failed, first.log).toBe(false);
    expect(first.outputs.operation).toBe('none');
    const jobId = first.outputs['job-id'] ?? '';
    expect(harness.translate.state.jobs.get(jobId)?.status).toBe('IN_PROGRESS');
    expect(first.log).toContain(`::notice::Translation job ${jobId} is still running`);
    expect(JSON.parse(fixture.readTarget(BOT_BRANCH, '.amts/pending-job.json') ?? '{}')).toMatchObject({
      jobId,
      engine: 'aws',
    });
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(0);

    // Still running at the next run: recorded once, no second job.
    const jobsBefore = harness.translate.state.jobs.size;
    const waiting = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });
    expect(waiting.failed, waiting.log).toBe(false);
    expect(waiting.outputs['job-id']).toBe(jobId);
    expect(harness.translate.state.jobs.size).toBe(jobsBefore);

    harness.translate.faults.neverFinish = false;
    const collected = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });
    expect(collected.failed, collected.log).toBe(false);
    expect(collected.log).toContain(`Collecting translation job ${jobId}, started by an earlier run`);
    expect(collected.outputs.operation).toBe('created');
    expect(collected.outputs['job-id']).toBe(jobId);
    expect(harness.translate.state.jobs.size).toBe(jobsBefore);
    expect(fixture.readTarget(BOT_BRANCH, '.amts/pending-job.json')).toBeUndefined();
    expect(fixture.readTarget(BOT_BRANCH, PANDAS)).not.toContain(OLD_TRANSLATION);
    expect(await harness.s3.listKeys('amts/runs/')).toEqual([]);
    expectSecretsHidden([first, waiting, collected]);
  });

  it('fails on a bad AWS input, naming it, before anything is uploaded, translated or pushed', async () => {
    harness.s3.resetStats();
    const jobsBefore = harness.translate.state.jobs.size;
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: { ...awsInputs, 'data-access-role-arn': 'arn:aws:iam::123:role/short-account' },
    });

    expect(result.failed).toBe(true);
    expect(result.log).toContain(
      '::error::AWS setting dataAccessRoleArn (action input data-access-role-arn, flag --data-access-role-arn or AMTS_AWS_ROLE_ARN): ' +
        '"arn:aws:iam::123:role/short-account" is not an IAM role ARN',
    );
    expect(harness.s3.stats.requests).toBe(0);
    expect(harness.translate.state.jobs.size).toBe(jobsBefore);
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(fixture.server.writes()).toEqual([]);
    expect(result.summary).toContain('AMTS failed');
    expectSecretsHidden([result]);
  });
});

const LOOKUP = 'chapter_preliminaries/lookup-api.md';
const INSTALLATION = 'chapter_installation/index.md';
/** d2l-zh's default resource name: `amts-<owner>-<repo>-<from>-<to>`. */
const DEFAULT_NAME = 'amts-d2l-ai-d2l-zh-en-zh';
/** A human sentence of lookup-api.md (once per framework tab) and a reviewer's better wording of it. */
const HUMAN_SENTENCE = 'API文档、其他教程和示例提供了本书之外的大量文档。';
const EDITED_SENTENCE = 'API文档、其他教程和示例在本书以外提供了丰富的文档。';
const EDITED_ENGLISH =
  'The API documentation and additional tutorials and examples provide plenty of documentation beyond the book.';

/** A merged English PR that rewords the first sentence of the installation chapter. */
function mergedInstallationEdit(fixture: Fixture, number: number): Record<string, unknown> {
  const english = fixture.readSource(INSTALLATION);
  const old = 'In order to get you up and running';
  if (!english.includes(old)) throw new Error(`${INSTALLATION} no longer holds the phrase this test edits`);
  const { base, head, merge } = fixture.mergePullRequest(number, {
    [INSTALLATION]: english.replace(old, 'To get you started'),
  });
  return pullRequestPayload({
    number,
    action: 'closed',
    merged: true,
    title: 'Reword setup',
    head,
    base,
    mergeCommit: merge,
  });
}

describe('the parallel data the Action builds from the translation repository', () => {
  let harness: AwsHarness;
  let fixture: Fixture;
  let awsInputs: Record<string, string>;

  /** The parallel data files uploaded for `name` (keys hold the content hash: one per content). */
  async function uploads(name: string): Promise<string[]> {
    const keys = await harness.s3.listKeys(`amts/parallel-data/${name}/`);
    return Promise.all(keys.map(async (key) => (await harness.s3.getText(key)) ?? ''));
  }

  /** The file the resource was last imported from. */
  async function imported(name: string): Promise<string> {
    const uri = harness.translate.state.parallelData.get(name)?.s3Uri ?? '';
    return (await harness.s3.getText(uri.replace(`s3://${harness.s3.bucket}/`, ''))) ?? '';
  }

  function jobsSince(count: number) {
    return [...harness.translate.state.jobs.values()].slice(count);
  }

  beforeEach(async () => {
    // A fresh Translate service each time: the resource of one test must not exist in the next.
    harness = await startAwsHarness();
    fixture = await Fixture.create();
    awsInputs = {
      engine: 'aws',
      'aws-region': TEST_REGION,
      's3-bucket': harness.s3.bucket,
      'data-access-role-arn': TEST_ROLE_ARN,
    };
    const environment = { ...awsEndpointEnvironment(harness), ...SDK_CREDENTIAL_ENVIRONMENT };
    for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await fixture.dispose();
    await harness.stop();
  });

  it("creates the resource from the translation's chapters on the first run, and the batch job names it", async () => {
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: awsInputs,
    });

    expect(result.failed, result.log).toBe(false);
    expect(result.outputs.operation).toBe('created');
    const resource = harness.translate.state.parallelData.get(DEFAULT_NAME);
    expect(resource?.status).toBe('ACTIVE');
    expect(harness.translate.state.calls.CreateParallelData).toBe(1);
    expect(harness.translate.state.calls.UpdateParallelData).toBeUndefined();
    const [job] = jobsSince(0);
    expect(job?.request['ParallelDataNames']).toEqual([DEFAULT_NAME]);

    expect(await uploads(DEFAULT_NAME)).toHaveLength(1);
    const file = await imported(DEFAULT_NAME);
    const rows = file.trim().split('\r\n');
    expect(rows[0]).toBe('en,zh');
    expect(resource?.recordCount).toBe(rows.length - 1);
    expect(resource?.description).toContain(createHash('sha256').update(file, 'utf8').digest('hex'));
    // Every chapter of the translation gave pairs, each one the English it was made from and its human translation.
    expect(file).toContain('Installing Miniconda,安装 Miniconda');
    expect(file).toContain(`${EDITED_ENGLISH},${HUMAN_SENTENCE}`);
    expect(file).toContain('`pandas` can work together with tensors.');
    // The sentence this run re-drafts is left out: its English is being rewritten.
    expect(file).not.toContain('Among popular data analytic tools');
    expect(file).not.toContain(OLD_TRANSLATION);

    for (const text of [result.summary, fixture.server.pulls(TARGET_REPOSITORY)[0]?.body ?? '']) {
      expect(text).toContain('Parallel data (Active Custom Translation)');
      expect(text).toContain(`<code>${DEFAULT_NAME}</code>, created from this file`);
      expect(text).toMatch(new RegExp(`Pairs: ${rows.length - 1} sentence pairs from 3 chapters aligned`, 'u'));
      expect(text).toMatch(/Pairs dropped: (?:[^\n]*, )?1 re-drafted/u);
    }
    expect(result.log).toContain(`Parallel data for "${DEFAULT_NAME}" from ${TARGET_REPOSITORY}@main`);
    expect(result.log).toMatch(new RegExp(`parallel data "${DEFAULT_NAME}": creation: ACTIVE after \\d+ s`, 'u'));
    const report = JSON.parse(readFileSync(result.outputs['report-file'] ?? '', 'utf8')) as {
      report: { parallelData: { resource: string; pairs: number; name: string } };
    };
    expect(report.report.parallelData).toMatchObject({
      name: DEFAULT_NAME,
      resource: 'created',
      pairs: rows.length - 1,
    });
    expectSecretsHidden([result]);
  });

  it('uploads nothing and updates nothing when the translation did not change', async () => {
    const payload = mergedSentenceEdit(fixture);
    const first = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });
    expect(first.failed, first.log).toBe(false);
    harness.s3.resetStats();
    const puts = (await harness.s3.listKeys('amts/parallel-data/')).length;

    const second = await runWired(fixture, { eventName: 'pull_request', payload, inputs: awsInputs });

    expect(second.failed, second.log).toBe(false);
    expect(harness.translate.state.calls.UpdateParallelData).toBeUndefined();
    expect(harness.translate.state.calls.CreateParallelData).toBe(1);
    expect((await harness.s3.listKeys('amts/parallel-data/')).length).toBe(puts);
    expect(second.summary).toContain(
      `<code>${DEFAULT_NAME}</code>, reused: its content hash matched, nothing was uploaded`,
    );
  });

  it("puts a human edit merged into the translation into the next run's parallel data, with UpdateParallelData", async () => {
    const first = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: awsInputs,
    });
    expect(first.failed, first.log).toBe(false);
    const lookup = fixture.readTarget('main', LOOKUP) ?? '';
    expect(lookup).toContain(HUMAN_SENTENCE);
    fixture.commitTarget(LOOKUP, lookup.replaceAll(HUMAN_SENTENCE, EDITED_SENTENCE));
    const jobs = harness.translate.state.jobs.size;

    const next = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedInstallationEdit(fixture, 13),
      inputs: awsInputs,
    });

    expect(next.failed, next.log).toBe(false);
    expect(harness.translate.state.calls.UpdateParallelData).toBe(1);
    expect(await uploads(DEFAULT_NAME)).toHaveLength(2);
    const file = await imported(DEFAULT_NAME);
    expect(file).toContain(`${EDITED_ENGLISH},${EDITED_SENTENCE}`);
    expect(file).not.toContain(HUMAN_SENTENCE);
    const resource = harness.translate.state.parallelData.get(DEFAULT_NAME);
    expect(resource?.latestUpdateAttemptStatus).toBe('ACTIVE');
    expect(jobsSince(jobs)[0]?.request['ParallelDataNames']).toEqual([DEFAULT_NAME]);
    expect(next.summary).toContain(`<code>${DEFAULT_NAME}</code>, updated to this file`);
    expect(next.log).toMatch(
      new RegExp(`parallel data "${DEFAULT_NAME}": update: ACTIVE, latest update UPDATING`, 'u'),
    );
  });

  it('keeps the previous version when the update fails, and says so in the log, the summary and the PR body', async () => {
    const first = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: awsInputs,
    });
    expect(first.failed, first.log).toBe(false);
    const before = harness.translate.state.parallelData.get(DEFAULT_NAME);
    const description = before?.description;
    const records = before?.recordCount;
    fixture.commitTarget(
      LOOKUP,
      (fixture.readTarget('main', LOOKUP) ?? '').replaceAll(HUMAN_SENTENCE, EDITED_SENTENCE),
    );
    harness.translate.faults.parallelDataFailure = {
      message: 'The parallel data file has invalid records',
      errorFile: 'line 12: the target segment is empty',
    };
    // Another modification in the account is retried before the update goes through.
    harness.translate.faults.concurrentModificationNext = 1;
    const jobs = harness.translate.state.jobs.size;

    const next = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedInstallationEdit(fixture, 13),
      inputs: awsInputs,
    });

    expect(next.failed, next.log).toBe(false);
    // The rolling bot PR of the first run gets this run's commit.
    expect(next.outputs.operation).toBe('updated');
    expect(harness.translate.state.calls.UpdateParallelData).toBe(2);
    const after = harness.translate.state.parallelData.get(DEFAULT_NAME);
    expect(after?.status).toBe('ACTIVE');
    expect(after?.latestUpdateAttemptStatus).toBe('FAILED');
    expect(after?.description).toBe(description);
    expect(after?.recordCount).toBe(records);
    // The job still translates with the resource, which holds the previous version.
    expect(jobsSince(jobs)[0]?.request['ParallelDataNames']).toEqual([DEFAULT_NAME]);
    expect(next.log).toMatch(
      new RegExp(
        `::warning::Parallel data "${DEFAULT_NAME}" update FAILED: The parallel data file has invalid records`,
        'u',
      ),
    );
    expect(next.log).toContain('The previous version of');
    const body = fixture.server.pulls(TARGET_REPOSITORY).find((pull) => pull.head === 'amts/zh/sync')?.body ?? '';
    for (const text of [next.summary, body]) {
      expect(text).toContain('**Warning:** Parallel data');
      expect(text).toContain('line 12: the target segment is empty');
      expect(text).toContain(`<code>${DEFAULT_NAME}</code>, update FAILED: the previous version stays in use`);
    }
  });

  it('refuses a region without Active Custom Translation before any request', async () => {
    harness.s3.resetStats();
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: { ...awsInputs, 'aws-region': 'eu-central-1' },
    });

    expect(result.failed).toBe(true);
    expect(result.log).toContain(
      "::error::Input 'aws-region': Active Custom Translation (parallel data) is not available in eu-central-1; " +
        'Amazon Translate offers it in us-east-1, us-west-2, eu-west-1 only.',
    );
    expect(harness.s3.stats.requests).toBe(0);
    expect(harness.translate.state.calls).toEqual({});
    expect(fixture.server.requests).toEqual([]);
    expect(fixture.gitServer.requests).toEqual([]);
    expect(fixture.targetBranches()).toEqual(['main']);
    expect(result.summary).toContain('AMTS failed');
  });

  it('plans the parallel data on a dry run and prices the job at the ACT rate, sending nothing', async () => {
    harness.s3.resetStats();
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: { ...awsInputs, 'dry-run': 'true' },
    });

    expect(result.failed, result.log).toBe(false);
    expect(harness.s3.stats.requests).toBe(0);
    expect(harness.translate.state.calls).toEqual({});
    expect(result.summary).toContain(
      `<code>${DEFAULT_NAME}</code>, dry run: created or updated when its content hash differs`,
    );
    expect(result.summary).toMatch(
      /Batch job priced at <span>\\\$<\/span>60\.00 per million characters \(estimated <span>\\\$<\/span>0\.\d{4} for this run\)/u,
    );
    expect(result.summary).toMatch(/Pairs: \d+ sentence pairs from 3 chapters aligned/u);
  });

  it('turns off with parallel-data: off: no resource, the job without ACT', async () => {
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: { ...awsInputs, 'parallel-data': 'off' },
    });

    expect(result.failed, result.log).toBe(false);
    expect(harness.translate.state.parallelData.size).toBe(0);
    expect(jobsSince(0)[0]?.request['ParallelDataNames']).toBeUndefined();
    expect(result.summary).not.toContain('Parallel data (Active Custom Translation)');
  });

  it('uses a hand-kept TSV from the translation repository instead of building', async () => {
    fixture.commitTarget(
      'parallel/en-zh.tsv',
      'en\tzh\nBatch normalization\t批量规范化\nLinear regression\t线性回归\n',
    );
    const result = await runWired(fixture, {
      eventName: 'pull_request',
      payload: mergedSentenceEdit(fixture),
      inputs: { ...awsInputs, 'parallel-data-file': 'parallel/en-zh.tsv', 'parallel-data-name': 'd2l-hand-kept' },
    });

    expect(result.failed, result.log).toBe(false);
    const resource = harness.translate.state.parallelData.get('d2l-hand-kept');
    expect(resource).toMatchObject({ status: 'ACTIVE', format: 'TSV', recordCount: 2, languages: ['en', 'zh'] });
    expect(jobsSince(0)[0]?.request['ParallelDataNames']).toEqual(['d2l-hand-kept']);
    expect(result.log).not.toContain('Parallel data for');
    expect(result.summary).toContain('Built from: parallel/en-zh.tsv (TSV)');
  });
});

interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runEntry(env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const tsx = path.join(REPOSITORY_ROOT, 'node_modules/.bin/tsx');
    execFile(tsx, [path.join(REPOSITORY_ROOT, 'src/index.ts')], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('src/index.ts, started as the runner starts it', () => {
  let harness: AwsHarness;
  let fixture: Fixture;

  beforeAll(async () => {
    harness = await startAwsHarness();
    fixture = await Fixture.create();
  });
  afterAll(async () => {
    await fixture.dispose();
    await harness.stop();
  });

  it('syncs a merged PR through the aws engine in its own process, and exits', async () => {
    const runDir = path.join(fixture.root, 'process-run');
    mkdirSync(runDir, { recursive: true });
    const eventPath = path.join(runDir, 'event.json');
    const outputPath = path.join(runDir, 'output');
    const summaryPath = path.join(runDir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(mergedSentenceEdit(fixture)));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = {
      ...defaultInputs(fixture),
      engine: 'aws',
      'aws-region': TEST_REGION,
      's3-bucket': harness.s3.bucket,
      'data-access-role-arn': TEST_ROLE_ARN,
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: SOURCE_REPOSITORY,
      GITHUB_WORKSPACE: fixture.workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: fixture.runnerTemp,
      ...awsEndpointEnvironment(harness),
      ...SDK_CREDENTIAL_ENVIRONMENT,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

    const result = await runEntry(env);

    expect(result.code, result.stdout + result.stderr).toBe(0);
    const outputs = readFileSync(outputPath, 'utf8');
    expect(outputs).toMatch(/^operation<<(\S+)\ncreated\n\1$/mu);
    expect(outputs).toMatch(/^units-drafted<<(\S+)\n1\n\1$/mu);
    expect(readFileSync(summaryPath, 'utf8')).toContain('Pull request created');
    expect(result.stdout).toMatch(/Amazon Translate job [0-9a-f]+ started/u);
    expect(fixture.readTarget(BOT_BRANCH, PANDAS)).not.toContain(OLD_TRANSLATION);
    expect(fixture.server.pulls(TARGET_REPOSITORY)).toHaveLength(1);
    for (const secret of [TOKEN, SOURCE_TOKEN]) {
      const shown = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
      expect(shown.join('\n') + result.stderr + outputs).not.toContain(secret);
    }
  });
});
