import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import { startAwsHarness, type AwsHarness } from '../aws/harness.js';
import { FIXTURES } from '../helpers/corpus.js';
import { awsEnvironment, SDK_CREDENTIAL_ENVIRONMENT } from './awsEnvironment.js';

const CHAPTER = path.join(FIXTURES, 'corpus/d2l-zh/chapter_convolutional-modern/batch-norm_origin.md');

async function translate(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const errors: string[] = [];
  const code = await runCli(['translate', ...args], {
    stdout: () => undefined,
    stderr: (text) => errors.push(text),
  });
  return { code, stderr: errors.join('') };
}

describe('amts translate --engine aws', () => {
  let harness: AwsHarness;
  let out: string;

  beforeAll(async () => {
    harness = await startAwsHarness();
    out = await mkdtemp(path.join(os.tmpdir(), 'amts-translate-aws-'));
  });
  afterAll(async () => {
    await harness.stop();
    await rm(out, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function useLocalAws(): void {
    for (const [name, value] of Object.entries({ ...awsEnvironment(harness), ...SDK_CREDENTIAL_ENVIRONMENT }))
      vi.stubEnv(name, value);
  }

  it('writes the same chapter as --engine pseudo, since the test service translates with the pseudo engine', async () => {
    useLocalAws();
    const pseudoFile = path.join(out, 'pseudo.md');
    const awsFile = path.join(out, 'aws.md');
    const pseudo = await translate([CHAPTER, '--from', 'en', '--to', 'zh', '--engine', 'pseudo', '--out', pseudoFile]);
    // Flags win over AMTS_AWS_*: the prefix given here is where the job's objects went.
    const aws = await translate([
      CHAPTER,
      '--from',
      'en',
      '--to',
      'zh',
      '--engine',
      'aws',
      '--s3-prefix',
      'cli-run',
      '--out',
      awsFile,
    ]);

    expect(pseudo.code, pseudo.stderr).toBe(0);
    expect(aws.code, aws.stderr).toBe(0);
    const [pseudoText, awsText, english] = await Promise.all([
      readFile(pseudoFile, 'utf8'),
      readFile(awsFile, 'utf8'),
      readFile(CHAPTER, 'utf8'),
    ]);
    expect(awsText).toBe(pseudoText);
    expect(awsText).not.toBe(english);
    const [job, ...others] = harness.translate.state.jobs.values();
    expect(others).toEqual([]);
    expect((job?.request['InputDataConfig'] as { S3Uri: string }).S3Uri).toMatch(/\/cli-run\/runs\//u);
    expect(aws.stderr).toMatch(new RegExp(`Amazon Translate job ${job?.jobId} started`, 'u'));
    expect(aws.stderr).toMatch(/1 of 1 files written, \d+ characters sent to aws/u);
    expect(await harness.s3.listKeys('cli-run/')).toEqual([]);
  });

  it('translates with --engine aws-realtime from flags alone', async () => {
    vi.stubEnv('AMTS_AWS_TRANSLATE_ENDPOINT', harness.translate.endpoint);
    for (const [name, value] of Object.entries(SDK_CREDENTIAL_ENVIRONMENT)) vi.stubEnv(name, value);
    const file = path.join(out, 'realtime.md');
    const pseudoFile = path.join(out, 'pseudo-2.md');
    const realtime = await translate([
      CHAPTER,
      '--from',
      'en',
      '--to',
      'zh',
      '--engine',
      'aws-realtime',
      '--aws-region',
      'us-east-1',
      '--out',
      file,
    ]);
    await translate([CHAPTER, '--from', 'en', '--to', 'zh', '--engine', 'pseudo', '--out', pseudoFile]);
    expect(realtime.code, realtime.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(await readFile(pseudoFile, 'utf8'));
  });

  it('refuses a bad setting as a usage error naming the flag, before anything is sent', async () => {
    useLocalAws();
    harness.s3.resetStats();
    const jobs = harness.translate.state.jobs.size;
    const result = await translate([
      CHAPTER,
      '--from',
      'en',
      '--to',
      'zh',
      '--engine',
      'aws',
      '--role-arn',
      'translator',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'amts translate: AWS setting dataAccessRoleArn (action input data-access-role-arn, flag --data-access-role-arn or AMTS_AWS_ROLE_ARN): "translator" is not an IAM role ARN',
    );
    expect(result.stderr).toContain('Usage: amts translate');
    expect(harness.s3.stats.requests).toBe(0);
    expect(harness.translate.state.jobs.size).toBe(jobs);
  });
});
