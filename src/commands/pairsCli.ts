import { extname } from 'node:path';
import type { ParallelDataFormat } from '../paralleldata/index.js';
import type { Granularity } from '../pairs/buildBookPairs.js';
import type { ChapterLayout } from '../pairs/findChapterPairs.js';
import { DEFAULT_ORIGIN_SUFFIX, readChapterMap } from '../pairs/findChapterPairs.js';
import type { PairsReport } from '../pairs/pairsReport.js';
import { formatPairsSummary } from '../pairs/pairsReport.js';
import type { PairsCommandOptions } from '../pairs/preparePairs.js';
import { jobsFlag, languageFlag, parseCommandArgs, requiredFlag, UsageError, type CliCommand } from './args.js';
import type { FlagHelpTable } from './flagHelp.js';

const OPTIONS = {
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  'origin-suffix': { type: 'string' },
  map: { type: 'string' },
  granularity: { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  glossary: { type: 'string' },
  merge: { type: 'string', multiple: true },
  'min-confidence': { type: 'string' },
  cache: { type: 'string' },
  jobs: { type: 'string' },
} as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  target: { value: '<dir>', description: 'The translated book (required)' },
  source: {
    value: '<dir>',
    description: 'The English book, same layout as --target (instead of origin files beside the translation)',
    default: 'the origin files in --target',
  },
  'origin-suffix': {
    value: '<suffix>',
    description: "Each chapter's English is <chapter><suffix>.md beside it in --target",
    default: `${DEFAULT_ORIGIN_SUFFIX}, as in sync, unless --source`,
  },
  from: { value: '<lang>', description: 'Language of the English, a code Amazon Translate accepts (required)' },
  to: { value: '<lang>', description: 'Language of the translation, a code Amazon Translate accepts (required)' },
  out: { value: '<file>', description: 'Parallel data file to write; its extension gives the format (required)' },
  map: { value: '<tsv>', description: 'Renamed chapters: english-path<TAB>translation-path lines', default: 'none' },
  granularity: {
    value: '<sentence|paragraph>',
    description: 'One pair per sentence or per paragraph',
    default: 'sentence',
  },
  format: { value: '<csv|tsv|tmx>', description: 'Output format', default: 'the extension of --out' },
  report: { value: '<json>', description: 'Write the alignment report as JSON', default: 'none' },
  glossary: {
    value: '<md>',
    description: 'Glossary table (such as TERMINOLOGY.md) used as alignment evidence',
    default: 'none',
  },
  merge: {
    value: '<file>',
    description: 'Your own parallel data to merge in, preferred on conflicts (repeatable)',
    default: 'none',
  },
  'min-confidence': {
    value: '<0-1>',
    description: 'Drop pairs the aligner is less sure of',
    default: "the aligner's own",
  },
  cache: {
    value: '<dir>',
    description: 'Reuse alignments of unchanged chapters from this folder',
    default: 'no cache',
  },
  jobs: { value: '<n>', description: 'Threads aligning chapters', default: 'every core' },
};

const FORMATS: readonly ParallelDataFormat[] = ['csv', 'tsv', 'tmx'];
const GRANULARITIES: readonly Granularity[] = ['sentence', 'paragraph'];

export const pairsCli: CliCommand = {
  name: 'pairs',
  synopsis:
    'pairs --target <dir> [--source <dir> | --origin-suffix _origin] --from <lang> --to <lang> --out <file> ' +
    '[--map <tsv>] [--granularity sentence|paragraph] [--format csv|tsv|tmx] [--report <json>] [--glossary <md>] ' +
    '[--merge <file>]... [--min-confidence <0-1>] [--cache <dir>] [--jobs <n>]',
  summary:
    'Aligns a book with its human translation sentence by sentence and writes Amazon Translate parallel data (ACT). ' +
    'Files that cannot be aligned are reported and skipped; a book that gives no pair at all writes nothing and fails.',
  flags: FLAGS,
  async run(args, output) {
    const options = await pairsOptionsFromArgs(args);
    // Loaded here, not with the command list: a rerun answered from the cache never loads the aligner.
    const { runPairs } = await import('../pairs/pairsCommand.js');
    const report = await runPairs(options);
    output.stderr(formatPairsSummary(report));
    return pairsExitCode(report);
  },
};

/** The command's options from its arguments; UsageError for arguments it cannot take. */
export async function pairsOptionsFromArgs(args: readonly string[]): Promise<PairsCommandOptions> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const out = requiredFlag(values.out, '--out');
  return {
    layout: await chapterLayout(values),
    sourceLanguage: languageFlag(values.from, '--from'),
    targetLanguage: languageFlag(values.to, '--to'),
    out,
    format: outputFormat(values.format, out),
    granularity: oneOf(values.granularity ?? 'sentence', GRANULARITIES, '--granularity'),
    jobs: jobsFlag(values.jobs),
    mergePaths: values.merge ?? [],
    ...(values['min-confidence'] === undefined ? {} : { minConfidence: confidence(values['min-confidence']) }),
    ...(values.glossary === undefined ? {} : { glossaryPath: values.glossary }),
    ...(values.cache === undefined ? {} : { cacheDirectory: values.cache }),
    ...(values.report === undefined ? {} : { reportPath: values.report }),
  };
}

export function pairsExitCode(report: PairsReport): number {
  return report.chaptersAligned === 0 && report.userPairs === 0 ? 1 : 0;
}

async function chapterLayout(values: {
  source?: string;
  target?: string;
  'origin-suffix'?: string;
  map?: string;
}): Promise<ChapterLayout> {
  const targetRoot = requiredFlag(values.target, '--target');
  if (values['origin-suffix'] !== undefined && values['origin-suffix'].trim() === '')
    throw new UsageError('--origin-suffix must not be empty');
  if (values.source !== undefined && values['origin-suffix'] !== undefined)
    throw new UsageError('choose one of --source and --origin-suffix');
  // As in sync: without --source, each chapter's English is the origin file beside it.
  const originSuffix = values['origin-suffix'] ?? (values.source === undefined ? DEFAULT_ORIGIN_SUFFIX : undefined);
  return {
    sourceRoot: values.source ?? targetRoot,
    targetRoot,
    ...(originSuffix === undefined ? {} : { originSuffix }),
    ...(values.map === undefined ? {} : { renamed: await readChapterMap(values.map) }),
  };
}

function outputFormat(flag: string | undefined, out: string): ParallelDataFormat {
  if (flag !== undefined) return oneOf(flag, FORMATS, '--format');
  const extension = extname(out).slice(1).toLowerCase();
  if ((FORMATS as readonly string[]).includes(extension)) return extension as ParallelDataFormat;
  throw new UsageError(
    `cannot tell the format from '${out}': give --format ${FORMATS.join('|')} or end --out with one of them`,
  );
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
}

function confidence(flag: string): number {
  const value = Number(flag);
  if (flag.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not '${flag}'`);
  }
  return value;
}
