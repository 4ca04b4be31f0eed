import { describe, expect, it } from 'vitest';
import {
  AwsSettingsError,
  enforceCostGuard,
  estimateCostUsd,
  readAwsSettingsFromEnvironment,
  validateAwsSettings,
  type AwsEngineSettingsInput,
} from '../../src/engines/aws/settings.js';

const valid: AwsEngineSettingsInput = {
  region: 'eu-west-1',
  bucket: 'my-translate-bucket',
  prefix: 'amts/',
  dataAccessRoleArn: 'arn:aws:iam::123456789012:role/TranslateAccess',
};

function settingNamed(overrides: Partial<AwsEngineSettingsInput>, mode: 'batch' | 'realtime' = 'batch'): string {
  try {
    validateAwsSettings({ ...valid, ...overrides }, mode);
  } catch (error) {
    if (error instanceof AwsSettingsError) return `${error.setting}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('validateAwsSettings', () => {
  it('fills defaults for a valid batch configuration', () => {
    const settings = validateAwsSettings(valid, 'batch');
    expect(settings).toMatchObject({
      pricePerMillion: { act: 60, standard: 15 },
      keepS3Objects: false,
      pollIntervalSeconds: 30,
    });
  });

  it.each([
    [{ region: 'Europe' }, /^region: Invalid AWS setting "region": "Europe"/u],
    [{ bucket: 'My_Bucket' }, /^bucket: .*"My_Bucket" is not an S3 bucket name/u],
    [{ bucket: '192.168.1.1' }, /^bucket: /u],
    [{ bucket: 'a..b' }, /^bucket: /u],
    [{ prefix: 'amts' }, /^prefix: .*must end with "\/"/u],
    [{ prefix: '/amts/' }, /^prefix: .*must not start with "\/"/u],
    [{ prefix: 'x/details/' }, /^prefix: .*"details"/u],
    [{ dataAccessRoleArn: 'arn:aws:iam::123:role/x' }, /^dataAccessRoleArn: .*is not an IAM role ARN/u],
    [{ dataAccessRoleArn: 'arn:aws:iam::123456789012:user/x' }, /^dataAccessRoleArn: /u],
    [{ parallelDataName: 'bad name' }, /^parallelDataName: /u],
    [
      { region: 'eu-central-1', parallelDataName: 'd2l-en-zh' },
      /^region: .*Active Custom Translation \(parallel data\) is not available in eu-central-1; Amazon Translate offers it in us-east-1, us-west-2, eu-west-1 only/u,
    ],
    [{ parallelDataFile: 'pd.csv' }, /^parallelDataName: .*required when parallelDataFile is set/u],
    [{ terminologyFile: 'terms.csv' }, /^terminologyName: /u],
    [{ formality: 'polite' as never }, /^formality: .*FORMAL or INFORMAL/u],
    [{ endpoint: 'localhost:4566' }, /^endpoint: /u],
    [{ maxCharacters: 1.5 }, /^maxCharacters: .*positive integer/u],
    [{ jobDeadlineSeconds: 0 }, /^jobDeadlineSeconds: /u],
    [{ pricePerMillion: { act: -1, standard: 15 } }, /^pricePerMillion\.act: /u],
  ])('names the bad setting: %j', (overrides, expected) => {
    expect(settingNamed(overrides)).toMatch(expected);
  });

  it('runs batch jobs without parallel data in any region, with it only where ACT runs', () => {
    expect(settingNamed({ region: 'eu-central-1' })).toBe('accepted');
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1'])
      expect(settingNamed({ region, parallelDataName: 'd2l-en-zh' })).toBe('accepted');
  });

  it('does not require a bucket or role for realtime translation', () => {
    expect(settingNamed({ bucket: undefined, dataAccessRoleArn: undefined }, 'realtime')).toBe('accepted');
    expect(settingNamed({ bucket: undefined }, 'batch')).toMatch(/^bucket: /u);
  });
});

describe('readAwsSettingsFromEnvironment', () => {
  it('reads AMTS_AWS_* variables and leaves unset ones out', () => {
    const settings = readAwsSettingsFromEnvironment({
      AWS_REGION: 'us-west-2',
      AMTS_AWS_BUCKET: 'b-1',
      AMTS_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r',
      AMTS_AWS_PARALLEL_DATA_NAME: 'pd',
      AMTS_AWS_FORMALITY: 'formal',
      AMTS_AWS_MAX_CHARACTERS: '200000',
      AMTS_AWS_PRICE_ACT: '55',
      AMTS_AWS_KEEP_S3_OBJECTS: 'true',
    });
    expect(settings).toEqual({
      region: 'us-west-2',
      bucket: 'b-1',
      dataAccessRoleArn: 'arn:aws:iam::123456789012:role/r',
      parallelDataName: 'pd',
      formality: 'FORMAL',
      maxCharacters: 200000,
      pricePerMillion: { act: 55, standard: 15 },
      keepS3Objects: true,
    });
  });

  it('names the variable holding a bad number or boolean', () => {
    expect(() => readAwsSettingsFromEnvironment({ AMTS_AWS_MAX_CHARACTERS: 'lots' })).toThrow(
      /AMTS_AWS_MAX_CHARACTERS/u,
    );
    expect(() => readAwsSettingsFromEnvironment({ AMTS_AWS_KEEP_S3_OBJECTS: 'maybe' })).toThrow(
      /AMTS_AWS_KEEP_S3_OBJECTS/u,
    );
  });
});

describe('cost guard', () => {
  const settings = validateAwsSettings({ ...valid, maxCharacters: 1_000_000 }, 'batch');

  it('prices ACT at $60 and standard at $15 per million characters', () => {
    expect(estimateCostUsd(2_000_000, settings, true)).toBe(120);
    expect(estimateCostUsd(2_000_000, settings, false)).toBe(30);
  });

  it('refuses above maxCharacters with the estimate in the message', () => {
    expect(() => enforceCostGuard(1_000_000, settings, true)).not.toThrow();
    expect(() => enforceCostGuard(1_500_000, settings, true)).toThrow(
      'Refusing to translate 1500000 characters (estimated $90.00 at list price): more than maxCharacters=1000000',
    );
  });
});
