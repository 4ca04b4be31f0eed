import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StopTextTranslationJobCommand } from '@aws-sdk/client-translate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/args.js';
import { readSettings, type EngineSettings } from '../../src/config.js';
import { AwsJobDeadlineError, AwsJobError, terminologyCsvFromMarkdownTable } from '../../src/engines/aws/index.js';
import {
  awsSettingsFromAction,
  createEngine,
  EngineSettingsError,
  normalizePrefix,
  openEngine,
  resolveAwsSettings,
  type EngineContext,
} from '../../src/engines/createEngine.js';
import type { TranslationRequest } from '../../src/engines/engine.js';
import { awsSettingsFromFlags, engineFromFlags, engineKindFromFlags } from '../../src/engines/engineFlags.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { isPendingJobError } from '../../src/github/publish.js';
import { restoreUnitHtml } from '../../src/markdown/restoreUnitHtml.js';
import { writeParallelData } from '../../src/paralleldata/index.js';
import { corpusUnits, FAST_OPTIONS, startAwsHarness, type AwsHarness, type CorpusUnit } from '../aws/harness.js';
import { FIXTURES } from '../helpers/corpus.js';
import { goldPairs } from '../paralleldata/goldPairs.js';
import { TEST_CREDENTIALS } from '../servers/s3Server.js';
import { awsEnvironment, TEST_ROLE_ARN } from './awsEnvironment.js';

const CHAPTER = 'd2l-zh/chapter_convolutional-modern/batch-norm_origin.md';

/** The engine settings the Action reads from these inputs, through the real input parser. */
function actionEngineSettings(inputs: Record<string, string>): EngineSettings {
  const all: Record<string, string> = { 'target-repo': 'd2l-ai/d2l-zh', 'target-language': 'zh', ...inputs };
  return readSettings({ getInput: (name) => all[name] ?? '' }, {}).engine;
}

function requestOf(units: readonly CorpusUnit[]): TranslationRequest {
  return { sourceLanguage: 'en', targetLanguage: 'zh', units: units.map(({ id, html }) => ({ id, html })) };
}

function startedJobs(harness: AwsHarness): number {
  return harness.translate.state.calls['StartTextTranslationJob'] ?? 0;
}

describe('offline engines', () => {
  it('builds pseudo and identity from Action settings, translating corpus units as the engines themselves do', async () => {
    const units = await corpusUnits(CHAPTER, 12);
    const pseudo = await createEngine(actionEngineSettings({ engine: 'pseudo' }));
    const identity = await createEngine(actionEngineSettings({ engine: 'identity' }));
    expect(pseudo.name).toBe('pseudo');
    expect(pseudo.pricePerMillionUsd).toBe(0);
    expect(identity.name).toBe('identity');

    const viaFactory = await pseudo.translate(requestOf(units));
    const direct = await createPseudoEngine().translate(requestOf(units));
    expect([...viaFactory.units]).toEqual([...direct.units]);
    const same = await identity.translate(requestOf(units));
    for (const unit of units) expect(same.units.get(unit.id)).toBe(unit.html);
    pseudo.close();
    identity.close();
  });
});

describe('AWS settings from the Action, flags and environment', () => {
  it('maps the Action inputs onto engine settings in one place', () => {
    const engine = actionEngineSettings({
      engine: 'aws',
      'aws-region': 'eu-west-1',
      's3-bucket': 'd2l-translate',
      's3-prefix': 'amts/zh/',
      'data-access-role-arn': TEST_ROLE_ARN,
      'parallel-data-name': 'd2l-en-zh',
      'parallel-data-file': 'paralleldata/en-zh.csv',
      formality: 'formal',
      profanity: 'true',
      'job-wait-minutes': '45',
    });
    expect(awsSettingsFromAction(engine)).toEqual({
      region: 'eu-west-1',
      bucket: 'd2l-translate',
      prefix: 'amts/zh/',
      dataAccessRoleArn: TEST_ROLE_ARN,
      parallelDataName: 'd2l-en-zh',
      parallelDataFile: 'paralleldata/en-zh.csv',
      formality: 'FORMAL',
      profanity: 'MASK',
      jobDeadlineSeconds: 2700,
    });
    // Unset inputs stay unset, so the environment can fill them; the default prefix gains its slash.
    expect(awsSettingsFromAction(actionEngineSettings({}))).toEqual({ prefix: 'amts/', jobDeadlineSeconds: 18_000 });
  });

  it('normalizes prefixes to a folder', () => {
    expect(normalizePrefix('amts')).toBe('amts/');
    expect(normalizePrefix('amts//')).toBe('amts/');
    expect(normalizePrefix('')).toBe('');
  });

  it('puts explicit settings over AMTS_AWS_* variables', () => {
    const env = {
      AMTS_AWS_REGION: 'us-west-2',
      AMTS_AWS_BUCKET: 'from-environment',
      AMTS_AWS_ROLE_ARN: TEST_ROLE_ARN,
      AMTS_AWS_KEEP_S3_OBJECTS: 'true',
    };
    const settings = resolveAwsSettings('batch', { bucket: 'from-flag', prefix: 'x/' }, env);
    expect(settings).toMatchObject({
      region: 'us-west-2',
      bucket: 'from-flag',
      prefix: 'x/',
      dataAccessRoleArn: TEST_ROLE_ARN,
      keepS3Objects: true,
    });
  });

  it('names a missing or bad setting by its input, flag and variable', () => {
    const env = { AMTS_AWS_REGION: 'us-east-1', AMTS_AWS_ROLE_ARN: TEST_ROLE_ARN };
    expect(() => resolveAwsSettings('batch', {}, env)).toThrow(
      'AWS setting bucket (action input s3-bucket, flag --s3-bucket or AMTS_AWS_BUCKET): is required by the aws engine',
    );
    // Realtime translation needs no bucket and no role.
    expect(resolveAwsSettings('realtime', {}, env).region).toBe('us-east-1');
    expect(() => resolveAwsSettings('realtime', { region: 'Frankfurt' }, env)).toThrow(
      /AWS setting region \(action input aws-region, flag --aws-region or AMTS_AWS_REGION\): "Frankfurt" is not an AWS region/u,
    );
    expect(() =>
      resolveAwsSettings(
        'batch',
        { bucket: 'b-1', dataAccessRoleArn: 'AmtsTranslate' },
        { AMTS_AWS_REGION: 'us-east-1' },
      ),
    ).toThrow(
      /data-access-role-arn, flag --data-access-role-arn or AMTS_AWS_ROLE_ARN\): "AmtsTranslate" is not an IAM role ARN/u,
    );
    expect(() => resolveAwsSettings('realtime', {}, { ...env, AMTS_AWS_MAX_CHARACTERS: 'lots' })).toThrow(
      /AWS setting maxCharacters \(flag --max-characters or AMTS_AWS_MAX_CHARACTERS\): "lots" is not a number/u,
    );
  });

  it('reads the engine flags, and treats a bad one as a usage error', async () => {
    expect(
      awsSettingsFromFlags({
        engine: 'aws',
        'aws-region': 'us-east-1',
        's3-prefix': 'books/d2l',
        'role-arn': TEST_ROLE_ARN,
        formality: 'informal',
        profanity: true,
        'max-characters': '2_000_000',
        'job-deadline-seconds': '90.5',
        'keep-s3-objects': true,
      }),
    ).toEqual({
      region: 'us-east-1',
      prefix: 'books/d2l/',
      dataAccessRoleArn: TEST_ROLE_ARN,
      formality: 'INFORMAL',
      profanity: 'MASK',
      maxCharacters: 2_000_000,
      jobDeadlineSeconds: 90.5,
      keepS3Objects: true,
    });
    expect(() => awsSettingsFromFlags({ 'max-characters': '1.5' })).toThrow(UsageError);
    expect(() => awsSettingsFromFlags({ formality: 'polite' })).toThrow(
      "--formality 'polite' is not FORMAL or INFORMAL",
    );
    expect(() => engineKindFromFlags({})).toThrow('--engine is required');
    expect(() => engineKindFromFlags({ engine: 'google' })).toThrow(
      "unknown engine 'google': choose one of identity, pseudo, aws, aws-realtime",
    );
    await expect(engineFromFlags({ engine: 'aws-realtime' }, { env: {} })).rejects.toThrow(
      new UsageError(
        'AWS setting region (action input aws-region, flag --aws-region or AMTS_AWS_REGION): is required by the aws-realtime engine',
      ),
    );
  });
});

describe('AWS engines built by the factory, against the local S3 and Translate servers', () => {
  let harness: AwsHarness;
  let units: CorpusUnit[];
  let workDirectory: string;
  let parallelDataFile: string;
  let terminologyFile: string;
  let context: EngineContext;
  const log: string[] = [];

  beforeAll(async () => {
    harness = await startAwsHarness();
    units = await corpusUnits(CHAPTER, 30);
    workDirectory = await mkdtemp(path.join(os.tmpdir(), 'amts-create-engine-'));
    parallelDataFile = path.join(workDirectory, 'en-zh.csv');
    terminologyFile = path.join(workDirectory, 'terms.csv');
    const parallel = writeParallelData(goldPairs(), { format: 'csv', sourceLanguage: 'en', targetLanguage: 'zh' });
    await writeFile(parallelDataFile, parallel.text);
    const glossary = await readFile(path.join(FIXTURES, 'corpus/d2l-zh/TERMINOLOGY.md'), 'utf8');
    await writeFile(terminologyFile, terminologyCsvFromMarkdownTable(glossary, 'TERMINOLOGY.md'));
  });
  afterAll(async () => {
    await harness.stop();
    await rm(workDirectory, { recursive: true, force: true });
  });
  beforeEach(() => {
    Object.assign(harness.translate.faults, { neverFinish: false, failJobsWith: undefined });
    harness.s3.resetStats();
    log.length = 0;
    context = {
      env: awsEnvironment(harness),
      clientOptions: { credentials: TEST_CREDENTIALS, maxAttempts: 1 },
      engineOptions: FAST_OPTIONS,
      log: (line) => log.push(line),
    };
  });

  it('prepares parallel data and terminology when the engine is built, then translates through a batch job', async () => {
    // The action resolves the parallel data (built, or a hand-kept file in the translation clone) and names it.
    const settings = actionEngineSettings({
      engine: 'aws',
      'terminology-name': 'd2l-terms',
      'terminology-file': terminologyFile,
      formality: 'formal',
    });
    const request = { ...settings, parallelData: { name: 'd2l-en-zh', file: parallelDataFile } };
    const jobsBefore = startedJobs(harness);
    const engine = await createEngine(request, context);
    expect(engine.parallelData).toMatchObject({ name: 'd2l-en-zh', action: 'created', failedRecordCount: 0 });
    // Resources exist before any unit is sent, so a bad CSV fails before a job is paid for.
    expect(harness.translate.state.parallelData.get('d2l-en-zh')?.status).toBe('ACTIVE');
    expect(harness.translate.state.terminologies.has('d2l-terms')).toBe(true);
    expect(startedJobs(harness)).toBe(jobsBefore);

    const response = await engine.translate(requestOf(units));
    engine.close();
    expect(engine.name).toBe('aws');
    // Active Custom Translation is billed at its own list price.
    expect(engine.pricePerMillionUsd).toBe(60);
    expect(response.failed).toEqual([]);
    expect(response.units.size).toBe(units.length);
    expect(response.jobIds).toHaveLength(1);
    for (const unit of units) {
      const markdown = restoreUnitHtml(unit.tokens, response.units.get(unit.id) ?? '');
      for (const token of unit.tokens) if (token.kind === 'protected') expect(markdown).toContain(token.source);
    }
    const job = harness.translate.state.jobs.get(response.jobIds?.[0] ?? '');
    expect(job?.request['ParallelDataNames']).toEqual(['d2l-en-zh']);
    expect(job?.request['TerminologyNames']).toEqual(['d2l-terms']);
    expect(job?.request['Settings']).toEqual({ Formality: 'FORMAL' });
    expect(job?.request['DataAccessRoleArn']).toBe(TEST_ROLE_ARN);
    expect(
      String(job?.request['InputDataConfig'] && (job.request['InputDataConfig'] as { S3Uri: string }).S3Uri),
    ).toMatch(new RegExp(`^s3://${harness.s3.bucket}/amts/runs/`, 'u'));
    expect(log.some((line) => line.includes('parallel data "d2l-en-zh"'))).toBe(true);
  });

  it('fails on a bad or missing setting before anything reaches S3 or Translate', async () => {
    const callsBefore = JSON.stringify(harness.translate.state.calls);
    await expect(
      createEngine(actionEngineSettings({ engine: 'aws', 'data-access-role-arn': 'translate-role' }), context),
    ).rejects.toThrow(/data-access-role-arn.*"translate-role" is not an IAM role ARN/u);
    await expect(
      createEngine(
        { ...actionEngineSettings({ engine: 'aws' }), parallelData: { name: 'd2l', file: 'missing.csv' } },
        context,
      ),
    ).rejects.toThrow(
      new EngineSettingsError(
        'parallelDataFile',
        `"missing.csv" cannot be read: ENOENT: no such file or directory, access 'missing.csv'`,
      ),
    );
    await expect(
      createEngine(actionEngineSettings({ engine: 'aws' }), {
        ...context,
        env: { ...context.env, AMTS_AWS_BUCKET: '' },
      }),
    ).rejects.toThrow(/s3-bucket.*is required by the aws engine/u);
    expect(harness.s3.stats.requests).toBe(0);
    expect(JSON.stringify(harness.translate.state.calls)).toBe(callsBefore);
  });

  it('collects a job an earlier run left running instead of starting another', async () => {
    harness.translate.faults.neverFinish = true;
    const short = { ...context, env: { ...context.env, AMTS_AWS_JOB_DEADLINE_SECONDS: '0.2' } };
    const first = await createEngine(actionEngineSettings({ engine: 'aws' }), short);
    const failure: unknown = await first.translate(requestOf(units)).catch((error: unknown) => error);
    first.close();
    expect(failure).toBeInstanceOf(AwsJobDeadlineError);
    const jobId = (failure as AwsJobDeadlineError).jobId;
    // The Action hands a failure carrying a job id over to the next run.
    expect(isPendingJobError(failure)).toBe(true);

    const stillRunning = await createEngine(
      { ...actionEngineSettings({ engine: 'aws' }), resumeJobId: jobId },
      context,
    );
    const pending: unknown = await stillRunning.translate(requestOf(units)).catch((error: unknown) => error);
    stillRunning.close();
    expect(pending).toBeInstanceOf(AwsJobError);
    expect((pending as AwsJobError).jobId).toBe(jobId);

    harness.translate.faults.neverFinish = false;
    const jobsBefore = startedJobs(harness);
    const resumed = await createEngine({ ...actionEngineSettings({ engine: 'aws' }), resumeJobId: jobId }, context);
    const response = await resumed.translate(requestOf(units));
    resumed.close();
    expect(startedJobs(harness)).toBe(jobsBefore);
    expect(response.jobIds).toEqual([jobId]);
    expect(response.units.size).toBe(units.length);
    expect(await harness.s3.listKeys('amts/runs/')).toEqual([]);
  });

  it('sends units the collected job did not cover to a new job, and replaces a stopped job', async () => {
    harness.translate.faults.neverFinish = true;
    const short = { ...context, env: { ...context.env, AMTS_AWS_JOB_DEADLINE_SECONDS: '0.2' } };
    const [covered, later] = [units.slice(0, 20), units.slice(20)];
    const first = await createEngine(actionEngineSettings({ engine: 'aws' }), short);
    const failure = (await first.translate(requestOf(covered)).catch((error: unknown) => error)) as AwsJobError;
    first.close();
    harness.translate.faults.neverFinish = false;

    const resumed = await createEngine(
      { ...actionEngineSettings({ engine: 'aws' }), resumeJobId: failure.jobId },
      context,
    );
    const response = await resumed.translate(requestOf(units));
    resumed.close();
    expect(response.jobIds).toHaveLength(2);
    expect(response.jobIds?.[0]).toBe(failure.jobId);
    expect(response.units.size).toBe(units.length);
    const second = harness.translate.state.jobs.get(response.jobIds?.[1] ?? '');
    expect(second?.charactersTranslated).toBeGreaterThan(0);
    expect(log.some((line) => line.includes(`covered ${covered.length} of ${units.length} units`))).toBe(true);
    expect(later.length).toBeGreaterThan(0);

    harness.translate.faults.neverFinish = true;
    const third = await createEngine(actionEngineSettings({ engine: 'aws' }), short);
    const stuck = (await third.translate(requestOf(covered)).catch((error: unknown) => error)) as AwsJobError;
    third.close();
    await harness.clients.translate.send(new StopTextTranslationJobCommand({ JobId: stuck.jobId }));
    harness.translate.faults.neverFinish = false;
    const replacing = await createEngine(
      { ...actionEngineSettings({ engine: 'aws' }), resumeJobId: stuck.jobId },
      context,
    );
    const replaced = await replacing.translate(requestOf(covered));
    replacing.close();
    expect(replaced.jobIds).toHaveLength(1);
    expect(replaced.jobIds?.[0]).not.toBe(stuck.jobId);
    expect(replaced.units.size).toBe(covered.length);
    expect(log.some((line) => line.includes(`job ${stuck.jobId} gave no usable result`))).toBe(true);
  });

  it('builds the realtime engine from flags, with no bucket or role', async () => {
    const env = { ...context.env, AMTS_AWS_BUCKET: '', AMTS_AWS_ROLE_ARN: '' };
    const engine = await openEngine({ kind: 'aws-realtime', aws: { profanity: 'MASK' } }, { ...context, env });
    const response = await engine.translate(requestOf(units));
    engine.close();
    expect(engine.name).toBe('aws-realtime');
    expect(engine.pricePerMillionUsd).toBe(15);
    expect(response.units.size).toBe(units.length);
    expect(response.billedCharacters).toBeGreaterThan(0);
    expect(harness.translate.state.translateTextBytes.length).toBeGreaterThan(0);
  });
});
