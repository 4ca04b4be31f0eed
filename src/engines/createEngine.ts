/**
 * The one place engines are built from settings, for the Action, the CLI commands and the
 * experiment alike. AWS settings are layered: `AMTS_AWS_*` environment variables underneath, the
 * caller's explicit settings (Action inputs or CLI flags) on top; then everything is validated
 * before a client is created, so a typo fails before anything is uploaded or billed.
 */
import { access } from 'node:fs/promises';
import type { AwsSettings, EngineKind, EngineSettings } from '../config.js';
import { ENGINE_KINDS } from '../config.js';
import { describeError } from '../errors.js';
import type { TranslationEngine, TranslationRequest, TranslationResponse } from './engine.js';
import { createIdentityEngine } from './identity.js';
import { createPseudoEngine } from './pseudo.js';
import type {
  AwsBatchEngine,
  AwsClientOptions,
  AwsEngineMode,
  AwsEngineOptions,
  AwsEngineSettings,
  AwsEngineSettingsInput,
  AwsJobError,
} from './aws/index.js';
import {
  AwsSettingsError,
  DEFAULT_PRICE_PER_MILLION,
  readAwsSettingsFromEnvironment,
  validateAwsSettings,
} from './aws/settings.js';

/** Engines that run offline, with no settings. The AWS engines are built from their own settings. */
export const OFFLINE_ENGINES = ['identity', 'pseudo'] as const;
export type OfflineEngineName = (typeof OFFLINE_ENGINES)[number];

export function isOfflineEngine(name: string): name is OfflineEngineName {
  return (OFFLINE_ENGINES as readonly string[]).includes(name);
}

export function createOfflineEngine(name: OfflineEngineName): TranslationEngine {
  return name === 'identity' ? createIdentityEngine() : createPseudoEngine();
}

export { ENGINE_KINDS, type EngineKind };

export function isEngineKind(name: string): name is EngineKind {
  return (ENGINE_KINDS as readonly string[]).includes(name);
}

/** An engine that knows its list price (`OpenEngine`), as opposed to a bare `TranslationEngine`. */
export function listPriceOf(engine: TranslationEngine): number | undefined {
  return 'pricePerMillionUsd' in engine && typeof engine.pricePerMillionUsd === 'number'
    ? engine.pricePerMillionUsd
    : undefined;
}

/** An engine together with what it holds open (SDK clients and their sockets). */
export interface OpenEngine extends TranslationEngine {
  /** List price in USD per million characters of what this engine bills (0 offline), for the estimate. */
  readonly pricePerMillionUsd: number;
  close(): void;
}

type Environment = Readonly<Record<string, string | undefined>>;

export interface EngineContext {
  /** Where `AMTS_AWS_*` (and the SDK's own variables) are read; defaults to `process.env`. */
  readonly env?: Environment;
  /** Progress of the AWS engines: jobs started, objects removed, resources imported. */
  readonly log?: (message: string) => void;
  /** SDK client options (tests pass static credentials); credentials otherwise come from the SDK's default chain. */
  readonly clientOptions?: AwsClientOptions;
  /** Retry, concurrency and polling knobs of the AWS engines. */
  readonly engineOptions?: AwsEngineOptions;
}

/** The parallel data a run translates with: a resource, and the file to bring it in step with (absent: as it is). */
export interface ParallelDataRequest {
  readonly name: string;
  /** Absolute path of a CSV, TSV or TMX file (the format is read from its extension). */
  readonly file?: string;
}

/** What to build: the kind, the explicitly given AWS settings, and an earlier batch job to collect. */
export interface EngineSpec {
  readonly kind: EngineKind;
  /** Explicit settings (flags, inputs); each one set here wins over its `AMTS_AWS_*` variable. */
  readonly aws?: Partial<AwsEngineSettingsInput>;
  /** A batch job an earlier run started: `translate` collects it instead of starting another. */
  readonly resumeJobId?: string;
}

/** How a user sets each AWS setting, so an error names what to change. */
interface SettingNames {
  readonly input?: string;
  readonly flag?: string;
  readonly env: string;
}

const SETTING_NAMES: Readonly<Record<string, SettingNames>> = {
  region: { input: 'aws-region', flag: '--aws-region', env: 'AMTS_AWS_REGION' },
  bucket: { input: 's3-bucket', flag: '--s3-bucket', env: 'AMTS_AWS_BUCKET' },
  prefix: { input: 's3-prefix', flag: '--s3-prefix', env: 'AMTS_AWS_PREFIX' },
  dataAccessRoleArn: { input: 'data-access-role-arn', flag: '--data-access-role-arn', env: 'AMTS_AWS_ROLE_ARN' },
  parallelDataName: { input: 'parallel-data-name', flag: '--parallel-data-name', env: 'AMTS_AWS_PARALLEL_DATA_NAME' },
  parallelDataFile: { input: 'parallel-data-file', flag: '--parallel-data-file', env: 'AMTS_AWS_PARALLEL_DATA_FILE' },
  terminologyName: { input: 'terminology-name', flag: '--terminology-name', env: 'AMTS_AWS_TERMINOLOGY_NAME' },
  terminologyFile: { input: 'terminology-file', flag: '--terminology-file', env: 'AMTS_AWS_TERMINOLOGY_FILE' },
  kmsKeyId: { input: 'kms-key-id', flag: '--kms-key-id', env: 'AMTS_AWS_KMS_KEY_ID' },
  formality: { input: 'formality', flag: '--formality', env: 'AMTS_AWS_FORMALITY' },
  profanity: { input: 'profanity', flag: '--profanity', env: 'AMTS_AWS_PROFANITY' },
  maxCharacters: { flag: '--max-characters', env: 'AMTS_AWS_MAX_CHARACTERS' },
  jobDeadlineSeconds: {
    input: 'job-wait-minutes',
    flag: '--job-wait-minutes',
    env: 'AMTS_AWS_JOB_DEADLINE_SECONDS',
  },
  keepS3Objects: { flag: '--keep-s3-objects', env: 'AMTS_AWS_KEEP_S3_OBJECTS' },
  endpoint: { env: 'AMTS_AWS_ENDPOINT' },
  s3Endpoint: { env: 'AMTS_AWS_S3_ENDPOINT' },
  translateEndpoint: { env: 'AMTS_AWS_TRANSLATE_ENDPOINT' },
  pollIntervalSeconds: { env: 'AMTS_AWS_POLL_INTERVAL_SECONDS' },
};

/** "action input s3-bucket, flag --s3-bucket or AMTS_AWS_BUCKET" for a setting's key. */
export function describeAwsSetting(setting: string): string {
  const names = SETTING_NAMES[setting.replace(/\..*$/u, '')];
  if (!names) return setting;
  const ways = [
    ...(names.input ? [`action input ${names.input}`] : []),
    ...(names.flag ? [`flag ${names.flag}`] : []),
    names.env,
  ];
  return `${ways.slice(0, -1).join(', ')} or ${ways.at(-1) ?? ''}`;
}

/** A missing or bad AWS setting, named by its key and by the ways a user sets it. */
export class EngineSettingsError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`AWS setting ${setting} (${describeAwsSetting(setting)}): ${problem}`);
    this.name = 'EngineSettingsError';
  }
}

/** Several required settings missing at once: all of them named in one message, so one run shows what to set. */
export class MissingAwsSettingsError extends EngineSettingsError {
  constructor(
    readonly settings: readonly string[],
    engine: string,
  ) {
    super(settings.join(', '), `is required by the ${engine} engine`);
    this.message =
      `AWS settings required by the ${engine} engine are missing: ` +
      settings.map((setting) => `${setting} (${describeAwsSetting(setting)})`).join('; ');
    this.name = 'MissingAwsSettingsError';
  }
}

/** The settings each engine mode cannot do without; validation catches the rest. */
const REQUIRED: Readonly<Record<AwsEngineMode, readonly (keyof AwsEngineSettings)[]>> = {
  batch: ['region', 'bucket', 'dataAccessRoleArn'],
  realtime: ['region'],
};

/** Drops unset settings, so a layer underneath shows through. */
export function definedEntries<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/**
 * Environment underneath, explicit settings on top, checked for the mode. Throws
 * `EngineSettingsError` naming the first missing or bad setting.
 */
export function resolveAwsSettings(
  mode: AwsEngineMode,
  explicit: Partial<AwsEngineSettingsInput>,
  env: Environment = process.env,
): AwsEngineSettings {
  let merged: Partial<AwsEngineSettingsInput>;
  try {
    merged = { ...readAwsSettingsFromEnvironment(env), ...definedEntries(explicit) };
  } catch (error) {
    throw asEngineSettingsError(error);
  }
  const engine = mode === 'batch' ? 'aws' : 'aws-realtime';
  const missing = REQUIRED[mode].filter((setting) => merged[setting] === undefined || merged[setting] === '');
  const [only] = missing;
  if (missing.length === 1 && only !== undefined)
    throw new EngineSettingsError(only, `is required by the ${engine} engine`);
  if (missing.length > 1) throw new MissingAwsSettingsError(missing, engine);
  try {
    return validateAwsSettings({ ...merged, region: merged.region ?? '' }, mode);
  } catch (error) {
    throw asEngineSettingsError(error);
  }
}

function asEngineSettingsError(error: unknown): unknown {
  if (!(error instanceof AwsSettingsError)) return error;
  const setting = settingKeyOf(error.setting);
  const problem = error.message.replace(/^Invalid AWS setting "[^"]*": /u, '');
  return new EngineSettingsError(setting, problem);
}

/** The environment reader names variables (`AMTS_AWS_BUCKET`); errors name setting keys. */
function settingKeyOf(setting: string): string {
  const byVariable = Object.entries(SETTING_NAMES).find(([, names]) => names.env === setting);
  return byVariable ? byVariable[0] : setting;
}

/**
 * The adapter between the Action's `AwsSettings` (config.ts) and the engines' settings: prefix
 * without its slash, profanity as a switch, the job wait in minutes. Unset inputs stay undefined
 * so `AMTS_AWS_*` variables can fill them.
 */
export function awsSettingsFromAction(
  engine: Pick<EngineSettings, 'aws' | 'jobWaitMinutes'>,
): Partial<AwsEngineSettingsInput> {
  const aws: AwsSettings = engine.aws;
  return definedEntries({
    region: aws.region,
    bucket: aws.s3Bucket,
    prefix: normalizePrefix(aws.s3Prefix),
    dataAccessRoleArn: aws.dataAccessRoleArn,
    parallelDataName: aws.parallelDataName,
    parallelDataFile: aws.parallelDataFile,
    terminologyName: aws.terminologyName,
    terminologyFile: aws.terminologyFile,
    kmsKeyId: aws.kmsKeyId,
    formality: aws.formality,
    profanity: aws.profanity ? 'MASK' : undefined,
    jobDeadlineSeconds: engine.jobWaitMinutes * 60,
  });
}

/** `amts`, `amts/` and `amts//` all mean the folder `amts/`; '' is the bucket's root. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/u, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

/**
 * The Action's engine factory (`EngineFactory` in src/github/publish.ts). `job-wait-minutes`
 * always has a value, so `AMTS_AWS_JOB_DEADLINE_SECONDS`, when set, is the finer-grained override
 * of it (self-hosted runners, tests).
 */
export function createEngine(
  request: EngineSettings & {
    readonly resumeJobId?: string | undefined;
    /**
     * Resolved by the action (built or hand-kept file in the translation clone, or `off`); wins over the raw
     * parallel-data inputs, which only direct callers rely on.
     */
    readonly parallelData?: ParallelDataRequest | 'off' | undefined;
  },
  context: EngineContext = {},
): Promise<OpenEngine> {
  const env = context.env ?? process.env;
  const { jobDeadlineSeconds, ...fromInputs } = awsSettingsFromAction(request);
  const deadlineFromEnvironment = Boolean(env['AMTS_AWS_JOB_DEADLINE_SECONDS']?.trim());
  const chosen = request.parallelData;
  const parallelData =
    chosen === undefined
      ? {}
      : chosen === 'off'
        ? { parallelDataName: undefined, parallelDataFile: undefined }
        : { parallelDataName: chosen.name, parallelDataFile: chosen.file };
  return openEngine(
    {
      kind: request.kind,
      aws: {
        ...(deadlineFromEnvironment ? fromInputs : { ...fromInputs, jobDeadlineSeconds }),
        ...parallelData,
      },
      ...(request.resumeJobId ? { resumeJobId: request.resumeJobId } : {}),
    },
    context,
  );
}

/**
 * The list price per million characters an engine of this kind would bill, for a plan that opens no engine: the
 * ACT price whenever a parallel-data resource is named (Translate bills every character of such a job at it), with
 * `AMTS_AWS_PRICE_*` overrides. Offline engines bill nothing.
 */
export function listPricePerMillion(
  kind: EngineKind,
  parallelDataName: string | undefined,
  env: Environment = process.env,
): number {
  if (isOfflineEngine(kind)) return 0;
  let prices = DEFAULT_PRICE_PER_MILLION;
  try {
    prices = readAwsSettingsFromEnvironment(env).pricePerMillion ?? DEFAULT_PRICE_PER_MILLION;
  } catch {
    // A bad variable elsewhere is reported when the engine is opened; the estimate uses the list price.
  }
  return kind === 'aws' && parallelDataName !== undefined ? prices.act : prices.standard;
}

/**
 * What a dry run plans with: the offline identity engine (nothing is sent), priced as the engine the run would use.
 * With `check`, the AWS settings are resolved first, naming every missing one, so the plan proves the real run can start.
 */
export function planningEngine(
  spec: EngineSpec,
  options: { readonly env?: Environment; readonly check: boolean },
): OpenEngine {
  const env = options.env ?? process.env;
  let parallelDataName = spec.aws?.parallelDataName ?? (env['AMTS_AWS_PARALLEL_DATA_NAME']?.trim() || undefined);
  if (options.check && !isOfflineEngine(spec.kind))
    parallelDataName = resolveAwsSettings(
      spec.kind === 'aws' ? 'batch' : 'realtime',
      spec.aws ?? {},
      env,
    ).parallelDataName;
  return {
    ...createIdentityEngine(),
    pricePerMillionUsd: listPricePerMillion(spec.kind, parallelDataName, env),
    close: () => undefined,
  };
}

/** Builds any engine; an AWS engine has its settings checked and its resources prepared first. */
export async function openEngine(spec: EngineSpec, context: EngineContext = {}): Promise<OpenEngine> {
  if (isOfflineEngine(spec.kind))
    return { ...createOfflineEngine(spec.kind), pricePerMillionUsd: 0, close: () => undefined };
  const env = context.env ?? process.env;
  const mode: AwsEngineMode = spec.kind === 'aws' ? 'batch' : 'realtime';
  const settings = resolveAwsSettings(mode, spec.aws ?? {}, env);
  await checkFilesReadable(settings);
  // The AWS SDK is loaded only for an AWS engine: offline runs (pairs, pseudo syncs) start without it.
  const { createAwsClients, destroyAwsClients, createAwsRealtimeEngine, createAwsBatchEngine, AwsJobError } =
    await import('./aws/index.js');
  const clients = createAwsClients(settings, context.clientOptions);
  const options: AwsEngineOptions = { ...(context.log ? { log: context.log } : {}), ...context.engineOptions };
  const close = (): void => destroyAwsClients(clients);
  const { act, standard } = settings.pricePerMillion;
  try {
    if (mode === 'realtime')
      return { ...createAwsRealtimeEngine(settings, clients, options), pricePerMillionUsd: standard, close };
    const batch = createAwsBatchEngine(settings, clients, options);
    const resources = await batch.prepareResources();
    const engine = spec.resumeJobId ? resumingEngine(batch, spec.resumeJobId, AwsJobError, options.log) : batch;
    const pricePerMillionUsd = settings.parallelDataName === undefined ? standard : act;
    const parallelData = resources.parallelData ? { parallelData: resources.parallelData } : {};
    return { name: engine.name, translate: engine.translate, pricePerMillionUsd, close, ...parallelData };
  } catch (error) {
    close();
    throw error;
  }
}

async function checkFilesReadable(settings: AwsEngineSettings): Promise<void> {
  for (const setting of ['parallelDataFile', 'terminologyFile'] as const) {
    const file = settings[setting];
    if (file === undefined) continue;
    await access(file).catch((error: unknown) => {
      throw new EngineSettingsError(setting, `"${file}" cannot be read: ${describeError(error)}`);
    });
  }
}

const SETTLED_STATUSES = new Set(['COMPLETED', 'COMPLETED_WITH_ERROR', 'FAILED', 'STOPPED']);

/**
 * Collects the job an earlier run left running instead of starting another. Units the job did not
 * cover (the English moved since) go to a new job; a job that ended without usable output is
 * replaced by a new one, since handing it over again would wait for it forever.
 */
function resumingEngine(
  batch: AwsBatchEngine,
  jobId: string,
  jobError: typeof AwsJobError,
  log: (message: string) => void = () => undefined,
): TranslationEngine {
  async function collect(): Promise<TranslationResponse | undefined> {
    try {
      return await batch.collectJob(jobId);
    } catch (error) {
      if (!(error instanceof jobError) || !SETTLED_STATUSES.has(error.status)) throw error;
      log(`Amazon Translate job ${jobId} gave no usable result (${error.message}); starting a new job`);
      return undefined;
    }
  }

  async function translate(request: TranslationRequest): Promise<TranslationResponse> {
    const collected = await collect();
    if (!collected) return batch.translate(request);
    const settled = new Set([...collected.units.keys(), ...collected.failed.map((failure) => failure.id)]);
    const missing = request.units.filter((unit) => !settled.has(unit.id));
    if (missing.length === 0) return collected;
    log(
      `job ${jobId} covered ${request.units.length - missing.length} of ${request.units.length} units; translating the rest`,
    );
    const fresh = await batch.translate({ ...request, units: missing });
    return {
      units: new Map([...collected.units, ...fresh.units]),
      failed: [...collected.failed, ...fresh.failed],
      billedCharacters: collected.billedCharacters + fresh.billedCharacters,
      sentCharacters: collected.sentCharacters + fresh.sentCharacters,
      jobIds: [...(collected.jobIds ?? []), ...(fresh.jobIds ?? [])],
    };
  }

  return { name: batch.name, translate };
}
