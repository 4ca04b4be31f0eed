/**
 * Command-line flags that choose and configure the translation engine, shared by every command
 * that translates (translate, sync, experiment). A flag wins over its `AMTS_AWS_*` variable.
 */
import type { ParseArgsConfig } from 'node:util';
import { renameDeprecatedFlags } from '../commands/deprecatedFlags.js';
import type { FlagHelpTable } from '../commands/flagHelp.js';
import { UsageError } from '../errors.js';
import type { AwsEngineSettingsInput } from './aws/index.js';
import {
  definedEntries,
  ENGINE_KINDS,
  EngineSettingsError,
  isEngineKind,
  normalizePrefix,
  openEngine,
  planningEngine,
  type EngineContext,
  type EngineKind,
  type OpenEngine,
} from './createEngine.js';

/** Spread into a command's `parseArgs` options. */
export const ENGINE_FLAG_OPTIONS = {
  engine: { type: 'string' },
  'aws-region': { type: 'string' },
  's3-bucket': { type: 'string' },
  's3-prefix': { type: 'string' },
  'data-access-role-arn': { type: 'string' },
  'role-arn': { type: 'string' },
  'parallel-data-name': { type: 'string' },
  'parallel-data-file': { type: 'string' },
  'terminology-name': { type: 'string' },
  'terminology-file': { type: 'string' },
  'kms-key-id': { type: 'string' },
  formality: { type: 'string' },
  profanity: { type: 'boolean' },
  'max-characters': { type: 'string' },
  'job-wait-minutes': { type: 'string' },
  'job-deadline-seconds': { type: 'string' },
  'keep-s3-objects': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type EngineFlagOptions = typeof ENGINE_FLAG_OPTIONS;

/** The engine flags as `parseArgs` returns them (any command's parsed values fit). */
export type EngineFlagValues = {
  readonly [Flag in keyof EngineFlagOptions]?: EngineFlagOptions[Flag]['type'] extends 'boolean' ? boolean : string;
};

/** For a command's synopsis line. */
export const ENGINE_FLAGS_SYNOPSIS =
  `--engine ${ENGINE_KINDS.join('|')} [--aws-region R] [--s3-bucket B] [--s3-prefix P] [--data-access-role-arn ARN] ` +
  '[--parallel-data-name N [--parallel-data-file F]] [--terminology-name N [--terminology-file F]] ' +
  '[--kms-key-id K] [--formality FORMAL|INFORMAL] [--profanity] [--max-characters N] ' +
  '[--job-wait-minutes M] [--keep-s3-objects]';

/** `--help` lines of the engine flags; each AWS flag wins over its `AMTS_AWS_*` variable and has the action input's name. */
export const ENGINE_FLAG_HELP: FlagHelpTable<EngineFlagOptions> = {
  engine: { value: `<${ENGINE_KINDS.join('|')}>`, description: 'Translation engine (required)' },
  'aws-region': {
    value: '<region>',
    description: 'Region of Amazon Translate and the bucket',
    default: 'AMTS_AWS_REGION, else AWS_REGION',
  },
  's3-bucket': {
    value: '<bucket>',
    description: 'Bucket for batch job input and output (engine aws)',
    default: 'AMTS_AWS_BUCKET',
  },
  's3-prefix': {
    value: '<prefix>',
    description: 'Key prefix for everything AMTS writes to the bucket',
    default: 'amts',
  },
  'data-access-role-arn': {
    value: '<arn>',
    description: 'IAM role Translate assumes to read job input and write job output (engine aws)',
    default: 'AMTS_AWS_ROLE_ARN',
  },
  'role-arn': { value: '<arn>', description: '', deprecatedFor: 'data-access-role-arn' },
  'parallel-data-name': {
    value: '<name>',
    description: 'Active Custom Translation parallel data resource to translate with (billed at the ACT price)',
    default: 'none',
  },
  'parallel-data-file': {
    value: '<file>',
    description: 'Parallel data file to create or update that resource from',
    default: 'none',
  },
  'terminology-name': {
    value: '<name>',
    description: 'Custom terminology resource to translate with',
    default: 'none',
  },
  'terminology-file': { value: '<file>', description: 'Terminology CSV to import when it changed', default: 'none' },
  'kms-key-id': { value: '<key>', description: 'KMS key for the batch job output', default: "Translate's own key" },
  formality: {
    value: '<FORMAL|INFORMAL>',
    description: 'Formality of the drafts, where the language has it',
    default: 'not set',
  },
  profanity: { description: 'Mask profane words in the drafts', default: 'off' },
  'max-characters': {
    value: '<n>',
    description: 'Refuse to send more than this many characters in one run',
    default: 'no limit',
  },
  'job-wait-minutes': {
    value: '<minutes>',
    description: 'How long to wait for a batch job before giving up waiting (the job keeps running)',
    default: '360',
  },
  'job-deadline-seconds': {
    value: '<seconds>',
    description: 'Deprecated: use --job-wait-minutes (this old flag takes seconds)',
    default: 'see --job-wait-minutes',
  },
  'keep-s3-objects': { description: "Keep a run's objects in the bucket (for debugging)", default: 'off' },
};

/** Old spellings still accepted, each with a deprecation line. */
function engineFlagsWithoutDeprecated(values: EngineFlagValues, warn: (message: string) => void): EngineFlagValues {
  const renamed = renameDeprecatedFlags(values, ENGINE_FLAG_HELP, warn);
  const seconds = renamed['job-deadline-seconds'];
  if (seconds === undefined) return renamed;
  if (renamed['job-wait-minutes'] !== undefined)
    throw new UsageError('give --job-wait-minutes or its old form --job-deadline-seconds, not both');
  warn('--job-deadline-seconds is deprecated; use --job-wait-minutes');
  return renamed;
}

export function engineKindFromFlags(values: EngineFlagValues): EngineKind {
  const name = values.engine?.trim();
  if (name === undefined || name === '') throw new UsageError('--engine is required');
  if (!isEngineKind(name)) throw new UsageError(`unknown engine '${name}': choose one of ${ENGINE_KINDS.join(', ')}`);
  return name;
}

function positiveNumberFlag(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.trim().replace(/_/gu, ''));
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number)))
    throw new UsageError(`${flag} '${value}' is not a positive ${integer ? 'whole number' : 'number'}`);
  return number;
}

function formalityFlag(value: string | undefined): AwsEngineSettingsInput['formality'] {
  if (value === undefined) return undefined;
  const upper = value.trim().toUpperCase();
  if (upper === 'FORMAL' || upper === 'INFORMAL') return upper;
  throw new UsageError(`--formality '${value}' is not FORMAL or INFORMAL`);
}

/** The AWS settings the flags give; flags not given stay undefined so `AMTS_AWS_*` can fill them. */
export function awsSettingsFromFlags(
  given: EngineFlagValues,
  warn: (message: string) => void = () => undefined,
): Partial<AwsEngineSettingsInput> {
  const values = engineFlagsWithoutDeprecated(given, warn);
  const minutes = positiveNumberFlag('--job-wait-minutes', values['job-wait-minutes'], false);
  return definedEntries<Partial<AwsEngineSettingsInput>>({
    region: values['aws-region'],
    bucket: values['s3-bucket'],
    prefix: values['s3-prefix'] === undefined ? undefined : normalizePrefix(values['s3-prefix']),
    dataAccessRoleArn: values['data-access-role-arn'],
    parallelDataName: values['parallel-data-name'],
    parallelDataFile: values['parallel-data-file'],
    terminologyName: values['terminology-name'],
    terminologyFile: values['terminology-file'],
    kmsKeyId: values['kms-key-id'],
    formality: formalityFlag(values.formality),
    profanity: values.profanity ? 'MASK' : undefined,
    maxCharacters: positiveNumberFlag('--max-characters', values['max-characters'], true),
    jobDeadlineSeconds:
      minutes === undefined
        ? positiveNumberFlag('--job-deadline-seconds', values['job-deadline-seconds'], false)
        : minutes * 60,
    keepS3Objects: values['keep-s3-objects'],
  });
}

/**
 * The engine the flags (over `AMTS_AWS_*`) describe, settings checked and resources prepared.
 * A bad setting is a usage error naming the flag. Close the engine when done.
 */
export async function engineFromFlags(
  values: EngineFlagValues,
  context: EngineContext & { readonly resumeJobId?: string } = {},
): Promise<OpenEngine> {
  const { resumeJobId, ...engineContext } = context;
  const spec = {
    kind: engineKindFromFlags(values),
    aws: awsSettingsFromFlags(values, engineContext.log),
    ...(resumeJobId ? { resumeJobId } : {}),
  };
  try {
    return await openEngine(spec, engineContext);
  } catch (error) {
    if (error instanceof EngineSettingsError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A dry run's engine: nothing is opened or sent, but the AWS settings are resolved (every missing one named at
 * once) and the estimate uses the price the real run would pay.
 */
export function planningEngineFromFlags(
  values: EngineFlagValues,
  context: Pick<EngineContext, 'env' | 'log'> = {},
): OpenEngine {
  const spec = { kind: engineKindFromFlags(values), aws: awsSettingsFromFlags(values, context.log) };
  try {
    return planningEngine(spec, { check: true, ...(context.env ? { env: context.env } : {}) });
  } catch (error) {
    if (error instanceof EngineSettingsError) throw new UsageError(error.message);
    throw error;
  }
}
