/**
 * The Action as shipped: src/main.ts's wiring (real @actions/core, real syncBook, real engine
 * factory) driven by the runner's environment, with real git against local bare repositories, the
 * local GitHub REST server, and Amazon Translate + S3 test servers reached through the `aws`
 * engine's endpoint overrides. The test Translate service translates with the pseudo engine.
 */
import { execFile } from 'node:child_process';
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
