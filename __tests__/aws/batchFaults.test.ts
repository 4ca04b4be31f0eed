import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UpdateParallelDataCommand } from '@aws-sdk/client-translate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsJobDeadlineError, AwsJobError, createAwsBatchEngine } from '../../src/engines/aws/batchEngine.js';
import { ensureParallelData, ParallelDataImportError } from '../../src/engines/aws/parallelData.js';
import { createAwsRuntime } from '../../src/engines/aws/runtime.js';
import { CostGuardError } from '../../src/engines/aws/settings.js';
import { writeParallelData } from '../../src/paralleldata/index.js';
import type { TranslateOperation } from '../servers/translateServer.js';
import { corpusUnits, FAST_OPTIONS, startAwsHarness, type AwsHarness, type CorpusUnit } from './harness.js';

const PARALLEL_CSV =
  'en,zh\nBatch Normalization,批量规范化\nTraining deep neural networks is difficult.,训练深层神经网络是十分困难的。\n';

describe('aws batch engine under faults', () => {
  let harness: AwsHarness;
  let units: CorpusUnit[];

  beforeAll(async () => {
    units = await corpusUnits('d2l-zh/chapter_recurrent-neural-networks/bptt_origin.md', 40);
  });
  beforeEach(async () => {
    harness = await startAwsHarness();
  });
  afterEach(async () => harness.stop());

  const request = () => ({ sourceLanguage: 'en', targetLanguage: 'zh', units });
  const runKeys = async () => (await harness.s3.listKeys('amts/')).filter((key) => key.includes('/runs/'));

  it('recovers from throttling on every Translate operation and from S3 503s', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'amts-aws-'));
    const parallelDataFile = path.join(directory, 'parallel.csv');
    const terminologyFile = path.join(directory, 'terms.csv');
    await writeFile(parallelDataFile, PARALLEL_CSV);
    await writeFile(terminologyFile, 'en,zh\nhyperparameter,超参数\n');
    const operations: TranslateOperation[] = [
      'GetParallelData',
      'CreateParallelData',
      'GetTerminology',
      'ImportTerminology',
      'StartTextTranslationJob',
      'DescribeTextTranslationJob',
    ];
    for (const operation of operations) harness.translate.faults.throttleNext[operation] = 3;
    harness.s3.faults.failNext = 3;
    const settings = harness.settings({
      parallelDataName: 'pd',
      parallelDataFile,
      terminologyName: 'terms',
      terminologyFile,
    });
    const response = await createAwsBatchEngine(settings, harness.clients, FAST_OPTIONS).translate(request());
    expect(response.failed).toEqual([]);
    expect(response.units.size).toBe(units.length);
    for (const operation of operations) expect(harness.translate.state.calls[operation]).toBeGreaterThan(3);
    expect(harness.s3.stats.rejected).toBe(3);
    expect(harness.translate.state.jobs.size).toBe(1);
  });

  it('starts exactly one job when the start reply is lost and the call is retried', async () => {
    harness.translate.faults.loseStartResponses = 1;
    const response = await createAwsBatchEngine(harness.settings(), harness.clients, FAST_OPTIONS).translate(request());
    expect(harness.translate.state.calls.StartTextTranslationJob).toBe(2);
    expect(harness.translate.state.jobs.size).toBe(1);
    expect(response.jobIds).toEqual([...harness.translate.state.jobs.keys()]);
    expect(response.units.size).toBe(units.length);
  });

  it('waits out a conflicting parallel-data update and then applies its own', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    await ensureParallelData(runtime, 'pd', PARALLEL_CSV);
    harness.translate.faults.conflictNextUpdates = 2;
    const outcome = await ensureParallelData(runtime, 'pd', `${PARALLEL_CSV}Linear Regression,线性回归\n`);
    expect(outcome).toMatchObject({ action: 'updated', importedRecordCount: 3, failedRecordCount: 0 });
    expect(harness.translate.state.calls.UpdateParallelData).toBe(3);
  });

  it('waits for an import another run started before comparing hashes', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    await ensureParallelData(runtime, 'pd', PARALLEL_CSV);
    await harness.s3.putText('other/pd.csv', `${PARALLEL_CSV}Softmax Regression,softmax回归\n`);
    await harness.clients.translate.send(
      new UpdateParallelDataCommand({
        Name: 'pd',
        ParallelDataConfig: { S3Uri: `s3://${harness.s3.bucket}/other/pd.csv`, Format: 'CSV' },
      }),
    );
    harness.translate.faults.pollsBeforeDone = 4;
    const outcome = await ensureParallelData(runtime, 'pd', PARALLEL_CSV);
    expect(outcome).toMatchObject({ action: 'updated', importedRecordCount: 2 });
    expect(harness.translate.state.calls.UpdateParallelData).toBe(2);
  });

  it('reports a failed parallel-data import with its counts and error file', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    harness.translate.faults.parallelDataFailure = {
      message: 'The parallel data file has invalid records',
      errorFile: 'line 3: the target segment is empty\nline 9: more than 1000 bytes',
    };
    const failure = await ensureParallelData(runtime, 'pd', PARALLEL_CSV).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ParallelDataImportError);
    const message = (failure as Error).message;
    expect(message).toContain('Parallel data "pd" creation FAILED: The parallel data file has invalid records');
    expect(message).toContain('failed 2');
    expect(message).toContain('line 3: the target segment is empty');
    expect((failure as ParallelDataImportError).errorFileSummary).toContain('line 9');
  });

  it('keeps the previous version when an update fails: the outcome says so instead of stopping the run', async () => {
    const lines: string[] = [];
    const runtime = createAwsRuntime(harness.settings(), harness.clients, {
      ...FAST_OPTIONS,
      log: (line) => lines.push(line),
    });
    await ensureParallelData(runtime, 'pd', PARALLEL_CSV);
    const description = harness.translate.state.parallelData.get('pd')?.description;
    harness.translate.faults.parallelDataFailure = {
      message: 'The parallel data file has invalid records',
      errorFile: 'line 3: the target segment is empty',
    };
    const refused = `${PARALLEL_CSV}Linear Regression,线性回归\n`;
    const outcome = await ensureParallelData(runtime, 'pd', refused);
    expect(outcome).toMatchObject({ name: 'pd', action: 'update-failed', importedRecordCount: 2 });
    expect(outcome.warning).toContain('Parallel data "pd" update FAILED: The parallel data file has invalid records');
    expect(outcome.warning).toContain('line 3: the target segment is empty');
    expect(outcome.warning).toContain('The previous version of "pd" stays in use.');
    const record = harness.translate.state.parallelData.get('pd');
    expect(record).toMatchObject({
      status: 'ACTIVE',
      latestUpdateAttemptStatus: 'FAILED',
      recordCount: 2,
      description,
    });
    expect(
      lines.some((line) =>
        /parallel data "pd": update: ACTIVE, latest update (UPDATING|FAILED) after \d+ s/u.test(line),
      ),
    ).toBe(true);
    // The next run with the same file tries again: a failed attempt is never taken for the current content.
    // It sends a new ClientToken, which the service does not take for the failed request.
    const retried = await ensureParallelData(runtime, 'pd', refused);
    expect(retried.action).toBe('updated');
    expect(harness.translate.state.parallelData.get('pd')).toMatchObject({
      recordCount: 3,
      latestUpdateAttemptStatus: 'ACTIVE',
    });
  });

  it('retries ConcurrentModificationException, one modification at a time', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    harness.translate.faults.concurrentModificationNext = 2;
    const outcome = await ensureParallelData(runtime, 'pd', PARALLEL_CSV);
    expect(outcome.action).toBe('created');
    expect(harness.translate.state.calls.CreateParallelData).toBe(3);
  });

  it('imports TSV and TMX files with their own Format, and reads their languages', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    const pairs = [
      { source: 'Batch Normalization', target: '批量规范化', confidence: 1 },
      {
        source: 'Training deep neural networks is difficult.',
        target: '训练深层神经网络是十分困难的。',
        confidence: 1,
      },
    ];
    for (const format of ['tsv', 'tmx'] as const) {
      const { text } = writeParallelData(pairs, { format, sourceLanguage: 'en', targetLanguage: 'zh' });
      const outcome = await ensureParallelData(runtime, `pd-${format}`, text, `pairs.${format}`);
      expect(outcome).toMatchObject({ action: 'created', importedRecordCount: 2, languages: ['en', 'zh'] });
      const record = harness.translate.state.parallelData.get(`pd-${format}`);
      expect(record?.format).toBe(format.toUpperCase());
      expect(record?.s3Uri).toMatch(new RegExp(`/parallel-data/pd-${format}/[0-9a-f]{16}\\.${format}$`, 'u'));
    }
    await expect(ensureParallelData(runtime, 'pd-bad', 'en\tcn\nA\tB\n', 'bad.tsv')).rejects.toThrow(
      'bad.tsv: header cell "cn" is not a language code Amazon Translate accepts (did you mean "zh"?)',
    );
  });

  it('throws a clear error naming the job when the job FAILED, and cleans up', async () => {
    harness.translate.faults.failJobsWith = 'Access denied to s3://amts-test/amts/';
    const failure = await createAwsBatchEngine(harness.settings(), harness.clients, FAST_OPTIONS)
      .translate(request())
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsJobError);
    const [jobId] = harness.translate.state.jobs.keys();
    expect((failure as AwsJobError).jobId).toBe(jobId);
    expect((failure as Error).message).toBe(
      `Amazon Translate job ${jobId} FAILED: Access denied to s3://amts-test/amts/`,
    );
    expect(await runKeys()).toEqual([]);
  });

  it('uses the documents that succeeded when the job completes with an error', async () => {
    harness.translate.faults.failDocument = 'part-0002.html';
    const engine = createAwsBatchEngine(harness.settings(), harness.clients, {
      ...FAST_OPTIONS,
      maxDocumentTextBytes: 3000,
    });
    const response = await engine.translate(request());
    expect(harness.translate.state.jobs.values().next().value?.status).toBe('COMPLETED_WITH_ERROR');
    expect(response.failed.length).toBeGreaterThan(0);
    expect(response.units.size + response.failed.length).toBe(units.length);
    for (const failed of response.failed) {
      expect(response.units.has(failed.id)).toBe(false);
      expect(failed.reason).toContain('part-0002.html: InvalidRequestException: Invalid utf-8 encoded texts detected');
    }
    expect(await runKeys()).toEqual([]);
  });

  it('rejects units whose protected spans came back damaged and keeps the rest', async () => {
    harness.translate.faults.damageProtectedSpan = true;
    const response = await createAwsBatchEngine(harness.settings(), harness.clients, FAST_OPTIONS).translate(request());
    expect(response.failed).toHaveLength(1);
    expect(response.failed[0]?.reason).toMatch(/^protected span \d+ changed: .* became "tampered /u);
    expect(response.units.size).toBe(units.length - 1);
  });

  it('gives up at the deadline with the job id, keeps the objects, and collects the job later', async () => {
    harness.translate.faults.neverFinish = true;
    const engine = createAwsBatchEngine(harness.settings({ jobDeadlineSeconds: 0.3 }), harness.clients, FAST_OPTIONS);
    const failure = await engine.translate(request()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsJobDeadlineError);
    const [jobId = ''] = harness.translate.state.jobs.keys();
    expect((failure as AwsJobDeadlineError).jobId).toBe(jobId);
    expect((failure as Error).message).toContain(`collectJob("${jobId}")`);
    expect((await runKeys()).length).toBeGreaterThan(0);

    await expect(engine.collectJob(jobId)).rejects.toThrow(`job ${jobId} is still IN_PROGRESS`);
    harness.translate.faults.neverFinish = false;
    const collected = await engine.collectJob(jobId);
    expect(collected.failed).toEqual([]);
    expect(collected.jobIds).toEqual([jobId]);
    expect([...collected.units.keys()].sort()).toEqual(units.map((unit) => unit.id).sort());
    expect(await runKeys()).toEqual([]);
  });

  it('refuses a request above maxCharacters before uploading anything', async () => {
    const engine = createAwsBatchEngine(
      harness.settings({ maxCharacters: 500, parallelDataName: 'pd' }),
      harness.clients,
      FAST_OPTIONS,
    );
    const failure = await engine.translate(request()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CostGuardError);
    expect((failure as Error).message).toMatch(
      /^Refusing to translate \d+ characters \(estimated \$0\.\d\d at list price\): more than maxCharacters=500/u,
    );
    expect(harness.s3.stats.requests).toBe(0);
    expect(harness.translate.state.calls).toEqual({});
  });
});
