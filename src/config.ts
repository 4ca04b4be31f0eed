/**
 * Every input of the GitHub Action, parsed and checked in one place. Everything downstream works
 * with the typed `ActionSettings`, never with raw strings, so a bad input fails before anything
 * is cloned, translated or billed.
 */
import path from 'node:path';
import { languageCodeProblem, translateLanguageCode } from './language/codes.js';
import { NEW_CHAPTERS, type NewChapters } from './sync/report.js';

/** Reads one action input by its action.yml name; returns '' when it is not set. */
export interface InputSource {
  getInput(name: string): string;
}

export type EngineKind = 'identity' | 'pseudo' | 'aws' | 'aws-realtime';
export const ENGINE_KINDS: readonly EngineKind[] = ['identity', 'pseudo', 'aws', 'aws-realtime'];

export type Formality = 'FORMAL' | 'INFORMAL';

/**
 * Where the `aws` engine's parallel data comes from: built from the translation repository every run (`build`),
 * a named resource used as it is (`existing`), or none (`off`: no Active Custom Translation, standard price).
 * A `parallel-data-file` is a hand-kept file instead of the built one.
 */
export type ParallelDataMode = 'build' | 'existing' | 'off';
export const PARALLEL_DATA_MODES: readonly ParallelDataMode[] = ['build', 'existing', 'off'];

/** `rolling`: one open bot PR per language (`amts/<lang>/sync`); `per-source`: one per English PR. */
export type PullRequestMode = 'rolling' | 'per-source';
export const PULL_REQUEST_MODES: readonly PullRequestMode[] = ['rolling', 'per-source'];

/** Amazon Translate settings; only read by the `aws` and `aws-realtime` engines. */
export interface AwsSettings {
  /** Region of Translate and the bucket; undefined lets the SDK use AWS_REGION. */
  readonly region: string | undefined;
  /** Bucket for batch input and output (required by the `aws` batch engine). */
  readonly s3Bucket: string | undefined;
  /** Key prefix inside the bucket, without a trailing slash. */
  readonly s3Prefix: string;
  /** Role Translate assumes to read the input and write the output (batch engine). */
  readonly dataAccessRoleArn: string | undefined;
  readonly parallelData: ParallelDataMode;
  /** Active Custom Translation parallel data resource to use; default `amts-<owner>-<repo>-<from>-<to>`. */
  readonly parallelDataName: string | undefined;
  /** TMX/CSV/TSV file in the translation repository to create or update the resource from (no building). */
  readonly parallelDataFile: string | undefined;
  readonly terminologyName: string | undefined;
  readonly terminologyFile: string | undefined;
  readonly kmsKeyId: string | undefined;
  readonly formality: Formality | undefined;
  /** Mask profane words in the output. */
  readonly profanity: boolean;
}

export interface EngineSettings {
  readonly kind: EngineKind;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** How long a batch job may run before this run hands it over to the next one. */
  readonly jobWaitMinutes: number;
  readonly aws: AwsSettings;
}

/** Where the English each translation was made from is kept in the target repository. */
export type BaseSetting =
  | { readonly kind: 'origin-suffix'; readonly suffix: string }
  /** Path relative to the target checkout. */
  | { readonly kind: 'state-file'; readonly path: string };

export interface RepositoryName {
  readonly owner: string;
  readonly name: string;
}

export interface ActionSettings {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Checkout of the English source repository (the workflow's own checkout). */
  readonly sourcePath: string;
  readonly targetRepository: RepositoryName;
  /** Branch of the target repository follow-up PRs are opened against. */
  readonly targetBranch: string;
  /** Token with contents and pull-requests write on the target; '' when none was given. */
  readonly targetToken: string;
  /** Token for reading the source repository's pull requests (the workflow's `github.token`). */
  readonly sourceToken: string;
  /** Globs of the English Markdown files to keep in sync, relative to `sourcePath`. */
  readonly include: readonly string[];
  readonly base: BaseSetting;
  /** English chapters the translation does not have yet: drafted whole, or reported as skipped. */
  readonly newChapters: NewChapters;
  readonly engine: EngineSettings;
  /** Refuse to send more than this many characters to the engine in one run. */
  readonly maxCharacters: number | undefined;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly teamReviewers: readonly string[];
  readonly draft: boolean;
  /** Comment on each machine draft's line in the follow-up PR with the English it translates. */
  readonly reviewComments: boolean;
  /** Plan and estimate only: nothing is translated, committed or pushed. */
  readonly dryRun: boolean;
  readonly pullRequestMode: PullRequestMode;
  /** Keep one issue labelled `amts:status` in the target with the translation status, updated by scheduled runs. */
  readonly statusIssue: boolean;
  readonly githubApiUrl: string;
  /** Longest the run waits on GitHub's rate limits, all waits together, before it stops with an error. */
  readonly rateLimitWaitSeconds: number;
  /** Base of clone URLs and web links (`https://github.com`, or a `file://` root in tests). */
  readonly githubServerUrl: string;
  /** Scratch directory for the target clone. */
  readonly workDirectory: string;
  /** Folder of `amts pairs --cache` entries the workflow restores across runs (actions/cache); none when unset. */
  readonly pairsCacheDirectory: string | undefined;
}

/** A bad input, named the way the workflow file names it. */
export class ConfigError extends Error {
  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`Input '${input}': ${problem}`);
    this.name = 'ConfigError';
  }
}

const REPOSITORY_PART = /^[A-Za-z0-9_.-]+$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM_SLUG = /^[A-Za-z0-9_.-]+$/;
const ORIGIN_SUFFIX = /^[A-Za-z0-9_.-]+$/;

export function readSettings(inputs: InputSource, env: NodeJS.ProcessEnv): ActionSettings {
  const read = (name: string): string => inputs.getInput(name).trim();
  const sourceLanguage = languageInput('source-language', read('source-language') || 'en');
  const targetLanguage = languageInput('target-language', read('target-language'));
  const jobWaitMinutes = positiveIntegerInput('job-wait-minutes', read('job-wait-minutes')) ?? 300;
  return {
    sourceLanguage,
    targetLanguage,
    sourcePath: path.resolve(env.GITHUB_WORKSPACE || process.cwd(), read('source-path')),
    targetRepository: repositoryInput('target-repo', read('target-repo')),
    targetBranch: branchInput('target-branch', read('target-branch') || 'main'),
    targetToken: read('target-token'),
    sourceToken: read('source-token'),
    include: includeInput(read('include')),
    base: baseInput(read('origin-suffix'), read('state-file')),
    newChapters: newChaptersInput(read('new-chapters') || 'draft'),
    engine: {
      kind: engineInput(read('engine') || 'aws'),
      sourceLanguage,
      targetLanguage,
      jobWaitMinutes,
      aws: {
        region: optional(read('aws-region')),
        s3Bucket: optional(read('s3-bucket')),
        s3Prefix: read('s3-prefix').replace(/\/+$/, '') || 'amts',
        dataAccessRoleArn: optional(read('data-access-role-arn')),
        ...parallelDataInputs(read('parallel-data'), read('parallel-data-name'), read('parallel-data-file')),
        terminologyName: optional(read('terminology-name')),
        terminologyFile: optional(read('terminology-file')),
        kmsKeyId: optional(read('kms-key-id')),
        formality: formalityInput(read('formality')),
        profanity: booleanInput('profanity', read('profanity'), false),
      },
    },
    maxCharacters: positiveIntegerInput('max-characters', read('max-characters')),
    labels: listInput(read('labels')),
    reviewers: namesInput('reviewers', read('reviewers'), GITHUB_LOGIN),
    teamReviewers: namesInput('team-reviewers', read('team-reviewers'), TEAM_SLUG),
    draft: booleanInput('draft', read('draft'), false),
    reviewComments: booleanInput('review-comments', read('review-comments'), false),
    dryRun: booleanInput('dry-run', read('dry-run'), false),
    pullRequestMode: pullRequestModeInput(read('pull-request-mode') || 'rolling'),
    statusIssue: booleanInput('status-issue', read('status-issue'), false),
    githubApiUrl: urlInput('github-api-url', read('github-api-url') || env.GITHUB_API_URL || 'https://api.github.com'),
    rateLimitWaitSeconds: positiveIntegerInput('rate-limit-wait-seconds', read('rate-limit-wait-seconds')) ?? 600,
    githubServerUrl: urlInput(
      'github-server-url',
      read('github-server-url') || env.GITHUB_SERVER_URL || 'https://github.com',
    ),
    workDirectory: path.resolve(env.RUNNER_TEMP || path.join(process.cwd(), '.amts-work')),
    pairsCacheDirectory: read('cache-dir')
      ? path.resolve(env.GITHUB_WORKSPACE || process.cwd(), read('cache-dir'))
      : undefined,
  };
}

function parallelDataInputs(
  mode: string,
  name: string,
  file: string,
): Pick<AwsSettings, 'parallelData' | 'parallelDataName' | 'parallelDataFile'> {
  const parallelData = PARALLEL_DATA_MODES.find((candidate) => candidate === (mode || 'build'));
  if (!parallelData)
    throw new ConfigError('parallel-data', `'${mode}' is not one of ${PARALLEL_DATA_MODES.join(', ')}`);
  if (parallelData !== 'build' && file)
    throw new ConfigError(
      'parallel-data-file',
      `is a file to build the resource from; it needs parallel-data: build, not ${parallelData}`,
    );
  if (file && (path.isAbsolute(file) || file.split(/[\\/]/).includes('..')))
    throw new ConfigError('parallel-data-file', `'${file}' must be a path inside the translation repository`);
  return { parallelData, parallelDataName: optional(name), parallelDataFile: optional(file) };
}

/** Splits a list input on newlines and commas, dropping blanks. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function optional(value: string): string | undefined {
  return value.length > 0 ? value : undefined;
}

/** One of the codes Amazon Translate accepts (src/language/codes.ts), spelled as Translate spells it. */
function languageInput(input: string, value: string): string {
  if (!value) throw new ConfigError(input, 'is required (a language code Amazon Translate accepts, such as zh or pt)');
  const problem = languageCodeProblem(value);
  if (problem !== undefined) throw new ConfigError(input, problem);
  return translateLanguageCode(value) ?? value;
}

function newChaptersInput(value: string): NewChapters {
  const choice = NEW_CHAPTERS.find((candidate) => candidate === value);
  if (!choice) throw new ConfigError('new-chapters', `'${value}' is not one of ${NEW_CHAPTERS.join(', ')}`);
  return choice;
}

function pullRequestModeInput(value: string): PullRequestMode {
  const mode = PULL_REQUEST_MODES.find((candidate) => candidate === value);
  if (!mode) throw new ConfigError('pull-request-mode', `'${value}' is not one of ${PULL_REQUEST_MODES.join(', ')}`);
  return mode;
}

function repositoryInput(input: string, value: string): RepositoryName {
  const parts = value.split('/');
  const [owner, name] = parts;
  if (parts.length !== 2 || !owner || !name || !REPOSITORY_PART.test(owner) || !REPOSITORY_PART.test(name)) {
    throw new ConfigError(input, `'${value}' is not a repository in the form owner/name`);
  }
  if (name === '.' || name === '..') throw new ConfigError(input, `'${value}' is not a repository name`);
  return { owner, name };
}

/** The subset of `git check-ref-format` rules that matter for a branch typed in a workflow. */
function branchInput(input: string, value: string): string {
  const invalid =
    value.startsWith('-') ||
    value.startsWith('/') ||
    value.endsWith('/') ||
    value.endsWith('.lock') ||
    value.endsWith('.') ||
    value.includes('..') ||
    value.includes('//') ||
    value.includes('@{') ||
    /[\s~^:?*[\\\p{Cc}]/u.test(value);
  if (invalid) throw new ConfigError(input, `'${value}' is not a valid branch name`);
  return value;
}

function includeInput(value: string): string[] {
  const globs = listInput(value);
  for (const glob of globs) {
    if (glob.startsWith('/') || glob.split('/').includes('..')) {
      throw new ConfigError('include', `'${glob}' must be relative to the source checkout and stay inside it`);
    }
    if (glob.split('/')[0] === '.github') {
      throw new ConfigError('include', `'${glob}' points into .github/, which is never synchronized`);
    }
  }
  return globs.length > 0 ? globs : ['**/*.md'];
}

function baseInput(originSuffix: string, stateFile: string): BaseSetting {
  if (originSuffix && stateFile) {
    throw new ConfigError('state-file', 'give either origin-suffix or state-file, not both');
  }
  if (stateFile) {
    if (path.isAbsolute(stateFile) || stateFile.split(/[\\/]/).includes('..')) {
      throw new ConfigError('state-file', `'${stateFile}' must be a path inside the target repository`);
    }
    return { kind: 'state-file', path: stateFile };
  }
  const suffix = originSuffix || '_origin';
  if (!ORIGIN_SUFFIX.test(suffix)) {
    throw new ConfigError('origin-suffix', `'${suffix}' may only contain letters, digits, '.', '_' and '-'`);
  }
  return { kind: 'origin-suffix', suffix };
}

function engineInput(value: string): EngineKind {
  const kind = ENGINE_KINDS.find((candidate) => candidate === value);
  if (!kind) throw new ConfigError('engine', `'${value}' is not one of ${ENGINE_KINDS.join(', ')}`);
  return kind;
}

function formalityInput(value: string): Formality | undefined {
  if (!value) return undefined;
  const upper = value.toUpperCase();
  if (upper === 'FORMAL' || upper === 'INFORMAL') return upper;
  throw new ConfigError('formality', `'${value}' is not FORMAL or INFORMAL`);
}

function booleanInput(input: string, value: string, fallback: boolean): boolean {
  if (!value) return fallback;
  const lower = value.toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(lower)) return true;
  if (['false', 'no', 'off', '0'].includes(lower)) return false;
  throw new ConfigError(input, `'${value}' is not true or false`);
}

function positiveIntegerInput(input: string, value: string): number | undefined {
  if (!value) return undefined;
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new ConfigError(input, `'${value}' is not a positive whole number`);
  }
  return number;
}

function namesInput(input: string, value: string, pattern: RegExp): string[] {
  const names = listInput(value).map((name) => name.replace(/^@/, ''));
  for (const name of names) {
    if (!pattern.test(name)) throw new ConfigError(input, `'${name}' is not a valid GitHub name`);
  }
  return names;
}

function urlInput(input: string, value: string): string {
  try {
    const url = new URL(value);
    if (!['https:', 'http:', 'file:'].includes(url.protocol)) throw new Error(url.protocol);
  } catch {
    throw new ConfigError(input, `'${value}' is not an http(s) or file URL`);
  }
  return value.replace(/\/+$/, '');
}
