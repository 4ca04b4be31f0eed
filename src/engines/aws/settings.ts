/**
 * Settings of the Amazon Translate engines, their validation (which runs before anything is
 * uploaded, so a typo never costs a job) and a reader for `AMTS_AWS_*` environment variables, the
 * one channel through which the CLI and the Action pass them.
 */
import { actRegionProblem } from './actRegions.js';

export type Formality = 'FORMAL' | 'INFORMAL';
export type Profanity = 'MASK';

export interface PricePerMillion {
  /** List price per million characters of a batch job with Active Custom Translation. */
  readonly act: number;
  /** List price per million characters without parallel data (batch or realtime). */
  readonly standard: number;
}

export interface AwsEngineSettings {
  readonly region: string;
  /** Bucket for job input and output; Translate reads and writes it through `dataAccessRoleArn`. */
  readonly bucket: string;
  /** Key prefix for everything AMTS writes: empty or ending in `/`. */
  readonly prefix: string;
  readonly dataAccessRoleArn: string;
  readonly parallelDataName?: string;
  /** Local CSV of parallel data; when set, the resource is created or updated to match it. */
  readonly parallelDataFile?: string;
  readonly terminologyName?: string;
  /** Local CSV terminology; when set, it is imported when its hash differs from the resource's. */
  readonly terminologyFile?: string;
  readonly kmsKeyId?: string;
  readonly formality?: Formality;
  readonly profanity?: Profanity;
  /** Endpoint for both services (tests, LocalStack); `s3Endpoint`/`translateEndpoint` win over it. */
  readonly endpoint?: string;
  readonly s3Endpoint?: string;
  readonly translateEndpoint?: string;
  /** Refuse a request whose translatable characters exceed this, before uploading anything. */
  readonly maxCharacters?: number;
  readonly pricePerMillion: PricePerMillion;
  /** How long one batch job may take before the run gives up waiting (the job keeps running). */
  readonly jobDeadlineSeconds: number;
  /** First delay between status polls; later polls back off from it. */
  readonly pollIntervalSeconds: number;
  /** Keep a run's input and output objects in S3 (for debugging) instead of deleting them. */
  readonly keepS3Objects: boolean;
}

export type AwsEngineMode = 'batch' | 'realtime';

/** Amazon Translate list prices in USD (2024): ACT batch $60, standard $15 per million characters. */
export const DEFAULT_PRICE_PER_MILLION: PricePerMillion = { act: 60, standard: 15 };

export const AWS_SETTINGS_DEFAULTS = {
  prefix: 'amts/',
  pricePerMillion: DEFAULT_PRICE_PER_MILLION,
  jobDeadlineSeconds: 6 * 60 * 60,
  pollIntervalSeconds: 30,
  keepS3Objects: false,
} as const satisfies Partial<AwsEngineSettings>;

export type AwsEngineSettingsInput = Omit<
  AwsEngineSettings,
  keyof typeof AWS_SETTINGS_DEFAULTS | 'dataAccessRoleArn' | 'bucket'
> &
  Partial<Pick<AwsEngineSettings, keyof typeof AWS_SETTINGS_DEFAULTS | 'dataAccessRoleArn' | 'bucket'>>;

export class AwsSettingsError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Invalid AWS setting "${setting}": ${problem}`);
    this.name = 'AwsSettingsError';
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/u;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::\d{12}:role\/.+$/u;
/** Parallel data and terminology names, per the Translate API model. */
const RESOURCE_NAME = /^([A-Za-z0-9-]_?)+$/u;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/u;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/u;

function checkBucket(bucket: string): void {
  if (!BUCKET.test(bucket))
    throw new AwsSettingsError('bucket', `"${bucket}" is not an S3 bucket name (3-63 of a-z, 0-9, ".", "-")`);
  if (bucket.includes('..') || IPV4.test(bucket) || bucket.startsWith('xn--'))
    throw new AwsSettingsError('bucket', `"${bucket}" is not an S3 bucket name`);
}

function checkPrefix(prefix: string): void {
  if (prefix.startsWith('/')) throw new AwsSettingsError('prefix', `"${prefix}" must not start with "/"`);
  if (prefix !== '' && !prefix.endsWith('/')) throw new AwsSettingsError('prefix', `"${prefix}" must end with "/"`);
  if (prefix.split('/').includes('details'))
    throw new AwsSettingsError('prefix', `"${prefix}" contains a folder named "details", which Translate reserves`);
}

function checkEndpoint(setting: string, value: string | undefined): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AwsSettingsError(setting, `"${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AwsSettingsError(setting, `"${value}" must be an http(s) URL`);
}

function checkPositive(setting: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new AwsSettingsError(setting, `${value} must be a positive ${integer ? 'integer' : 'number'}`);
}

function checkResourceName(setting: string, value: string | undefined): void {
  if (value === undefined) return;
  if (value.length > 256 || !RESOURCE_NAME.test(value))
    throw new AwsSettingsError(setting, `"${value}" must match ${RESOURCE_NAME.source} (at most 256 characters)`);
}

function checkBatchOnly(settings: AwsEngineSettings): void {
  checkBucket(settings.bucket);
  checkPrefix(settings.prefix);
  if (!ROLE_ARN.test(settings.dataAccessRoleArn))
    throw new AwsSettingsError(
      'dataAccessRoleArn',
      `"${settings.dataAccessRoleArn}" is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`,
    );
  if (settings.parallelDataFile !== undefined && settings.parallelDataName === undefined)
    throw new AwsSettingsError('parallelDataName', 'is required when parallelDataFile is set');
  const act = settings.parallelDataName === undefined ? undefined : actRegionProblem(settings.region);
  if (act !== undefined) throw new AwsSettingsError('region', act);
}

/**
 * Fills defaults and checks every setting the given mode uses; throws `AwsSettingsError` naming the
 * first bad setting. Realtime translation needs no bucket or role.
 */
export function validateAwsSettings(input: AwsEngineSettingsInput, mode: AwsEngineMode): AwsEngineSettings {
  const settings: AwsEngineSettings = {
    ...AWS_SETTINGS_DEFAULTS,
    bucket: '',
    dataAccessRoleArn: '',
    ...stripUndefined(input),
    region: input.region,
  };
  if (!REGION.test(settings.region))
    throw new AwsSettingsError('region', `"${settings.region}" is not an AWS region such as us-east-1`);
  if (mode === 'batch') checkBatchOnly(settings);
  checkResourceName('parallelDataName', settings.parallelDataName);
  checkResourceName('terminologyName', settings.terminologyName);
  if (settings.terminologyFile !== undefined && settings.terminologyName === undefined)
    throw new AwsSettingsError('terminologyName', 'is required when terminologyFile is set');
  if (settings.kmsKeyId !== undefined && settings.kmsKeyId.trim() === '')
    throw new AwsSettingsError('kmsKeyId', 'must not be empty');
  if (settings.formality !== undefined && settings.formality !== 'FORMAL' && settings.formality !== 'INFORMAL')
    throw new AwsSettingsError('formality', `"${String(settings.formality)}" must be FORMAL or INFORMAL`);
  if (settings.profanity !== undefined && settings.profanity !== 'MASK')
    throw new AwsSettingsError('profanity', `"${String(settings.profanity)}" must be MASK`);
  checkEndpoint('endpoint', settings.endpoint);
  checkEndpoint('s3Endpoint', settings.s3Endpoint);
  checkEndpoint('translateEndpoint', settings.translateEndpoint);
  checkPositive('maxCharacters', settings.maxCharacters, true);
  checkPositive('jobDeadlineSeconds', settings.jobDeadlineSeconds, false);
  checkPositive('pollIntervalSeconds', settings.pollIntervalSeconds, false);
  for (const [kind, price] of Object.entries(settings.pricePerMillion))
    if (!Number.isFinite(price) || price < 0)
      throw new AwsSettingsError(`pricePerMillion.${kind}`, `${price} must be a non-negative number`);
  return settings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

type Environment = Readonly<Record<string, string | undefined>>;

function environmentText(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function environmentNumber(env: Environment, name: string): number | undefined {
  const text = environmentText(env, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new AwsSettingsError(name, `"${text}" is not a number`);
  return value;
}

function environmentBoolean(env: Environment, name: string): boolean | undefined {
  const text = environmentText(env, name)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['1', 'true', 'yes'].includes(text)) return true;
  if (['0', 'false', 'no'].includes(text)) return false;
  throw new AwsSettingsError(name, `"${text}" must be true or false`);
}

/**
 * Reads `AMTS_AWS_*` variables (region falls back to `AWS_REGION`). Unset variables stay undefined,
 * so flags can be merged over the result before `validateAwsSettings`.
 */
export function readAwsSettingsFromEnvironment(env: Environment = process.env): Partial<AwsEngineSettingsInput> {
  const act = environmentNumber(env, 'AMTS_AWS_PRICE_ACT');
  const standard = environmentNumber(env, 'AMTS_AWS_PRICE_STANDARD');
  const settings: Partial<Record<keyof AwsEngineSettings, unknown>> = {
    region: environmentText(env, 'AMTS_AWS_REGION') ?? environmentText(env, 'AWS_REGION'),
    bucket: environmentText(env, 'AMTS_AWS_BUCKET'),
    prefix: env['AMTS_AWS_PREFIX']?.trim(),
    dataAccessRoleArn: environmentText(env, 'AMTS_AWS_ROLE_ARN'),
    parallelDataName: environmentText(env, 'AMTS_AWS_PARALLEL_DATA_NAME'),
    parallelDataFile: environmentText(env, 'AMTS_AWS_PARALLEL_DATA_FILE'),
    terminologyName: environmentText(env, 'AMTS_AWS_TERMINOLOGY_NAME'),
    terminologyFile: environmentText(env, 'AMTS_AWS_TERMINOLOGY_FILE'),
    kmsKeyId: environmentText(env, 'AMTS_AWS_KMS_KEY_ID'),
    formality: environmentText(env, 'AMTS_AWS_FORMALITY')?.toUpperCase(),
    profanity: environmentText(env, 'AMTS_AWS_PROFANITY')?.toUpperCase(),
    endpoint: environmentText(env, 'AMTS_AWS_ENDPOINT'),
    s3Endpoint: environmentText(env, 'AMTS_AWS_S3_ENDPOINT'),
    translateEndpoint: environmentText(env, 'AMTS_AWS_TRANSLATE_ENDPOINT'),
    maxCharacters: environmentNumber(env, 'AMTS_AWS_MAX_CHARACTERS'),
    pricePerMillion:
      act === undefined && standard === undefined
        ? undefined
        : { act: act ?? DEFAULT_PRICE_PER_MILLION.act, standard: standard ?? DEFAULT_PRICE_PER_MILLION.standard },
    jobDeadlineSeconds: environmentNumber(env, 'AMTS_AWS_JOB_DEADLINE_SECONDS'),
    pollIntervalSeconds: environmentNumber(env, 'AMTS_AWS_POLL_INTERVAL_SECONDS'),
    keepS3Objects: environmentBoolean(env, 'AMTS_AWS_KEEP_S3_OBJECTS'),
  };
  return stripUndefined(settings) as Partial<AwsEngineSettingsInput>;
}

/** Characters → USD at list price: ACT pricing applies whenever a job uses parallel data. */
export function estimateCostUsd(characters: number, settings: AwsEngineSettings, usesParallelData: boolean): number {
  const price = usesParallelData ? settings.pricePerMillion.act : settings.pricePerMillion.standard;
  return (characters / 1_000_000) * price;
}

export class CostGuardError extends Error {
  constructor(
    readonly characters: number,
    readonly maxCharacters: number,
    readonly estimatedUsd: number,
  ) {
    super(
      `Refusing to translate ${characters} characters (estimated $${estimatedUsd.toFixed(2)} at list price): ` +
        `more than maxCharacters=${maxCharacters}. Raise maxCharacters (AMTS_AWS_MAX_CHARACTERS) to allow it.`,
    );
    this.name = 'CostGuardError';
  }
}

/** Throws `CostGuardError` when `characters` exceeds `settings.maxCharacters`. */
export function enforceCostGuard(characters: number, settings: AwsEngineSettings, usesParallelData: boolean): void {
  if (settings.maxCharacters === undefined || characters <= settings.maxCharacters) return;
  throw new CostGuardError(characters, settings.maxCharacters, estimateCostUsd(characters, settings, usesParallelData));
}
