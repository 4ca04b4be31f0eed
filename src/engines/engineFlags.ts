/**
 * Command-line flags that choose and configure the translation engine, shared by every command
 * that translates (translate, sync, experiment). A flag wins over its `AMTS_AWS_*` variable.
 */
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';
import type { AwsEngineSettingsInput } from './aws/index.js';
import {
  definedEntries,
  ENGINE_KINDS,
  EngineSettingsError,
  isEngineKind,
  normalizePrefix,
  openEngine,
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
  'role-arn': { type: 'string' },
  'parallel-data-name': { type: 'string' },
  'parallel-data-file': { type: 'string' },
  'terminology-name': { type: 'string' },
  'terminology-file': { type: 'string' },
  'kms-key-id': { type: 'string' },
  formality: { type: 'string' },
  profanity: { type: 'boolean' },
  'max-characters': { type: 'string' },
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
  `--engine ${ENGINE_KINDS.join('|')} [--aws-region R] [--s3-bucket B] [--s3-prefix P] [--role-arn ARN] ` +
  '[--parallel-data-name N [--parallel-data-file F]] [--terminology-name N [--terminology-file F]] ' +
  '[--kms-key-id K] [--formality FORMAL|INFORMAL] [--profanity] [--max-characters N] ' +
  '[--job-deadline-seconds S] [--keep-s3-objects]';

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
export function awsSettingsFromFlags(values: EngineFlagValues): Partial<AwsEngineSettingsInput> {
  return definedEntries<Partial<AwsEngineSettingsInput>>({
    region: values['aws-region'],
    bucket: values['s3-bucket'],
    prefix: values['s3-prefix'] === undefined ? undefined : normalizePrefix(values['s3-prefix']),
    dataAccessRoleArn: values['role-arn'],
    parallelDataName: values['parallel-data-name'],
    parallelDataFile: values['parallel-data-file'],
    terminologyName: values['terminology-name'],
    terminologyFile: values['terminology-file'],
    kmsKeyId: values['kms-key-id'],
    formality: formalityFlag(values.formality),
    profanity: values.profanity ? 'MASK' : undefined,
    maxCharacters: positiveNumberFlag('--max-characters', values['max-characters'], true),
    jobDeadlineSeconds: positiveNumberFlag('--job-deadline-seconds', values['job-deadline-seconds'], false),
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
    aws: awsSettingsFromFlags(values),
    ...(resumeJobId ? { resumeJobId } : {}),
  };
  try {
    return await openEngine(spec, engineContext);
  } catch (error) {
    if (error instanceof EngineSettingsError) throw new UsageError(error.message);
    throw error;
  }
}
