import { extname } from 'node:path';
import type { ParallelDataFormat } from '../paralleldata/index.js';
import type { Granularity } from '../pairs/buildBookPairs.js';
import type { ChapterLayout } from '../pairs/findChapterPairs.js';
import { readChapterMap } from '../pairs/findChapterPairs.js';
import { runPairs } from '../pairs/pairsCommand.js';
import { formatPairsSummary } from '../pairs/pairsReport.js';
import { jobsFlag, parseCommandArgs, requiredFlag, UsageError, type CliCommand } from './args.js';

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

const FORMATS: readonly ParallelDataFormat[] = ['csv', 'tsv', 'tmx'];
const GRANULARITIES: readonly Granularity[] = ['sentence', 'paragraph'];

export const pairsCli: CliCommand = {
  name: 'pairs',
  synopsis:
    'pairs --target <dir> (--source <dir> | --origin-suffix <suffix>) --from <lang> --to <lang> --out <file> ' +
    '[--map <tsv>] [--granularity sentence|paragraph] [--format csv|tsv|tmx] [--report <json>] [--glossary <md>] ' +
    '[--merge <file>]... [--min-confidence <0-1>] [--cache <dir>] [--jobs <n>]',
  summary:
    'Aligns a book with its human translation sentence by sentence and writes Amazon Translate parallel data (ACT). ' +
    'Files that cannot be aligned are reported and skipped.',
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const out = requiredFlag(values.out, '--out');
    const report = await runPairs({
      layout: await chapterLayout(values),
      sourceLanguage: requiredFlag(values.from, '--from'),
      targetLanguage: requiredFlag(values.to, '--to'),
      out,
      format: outputFormat(values.format, out),
      granularity: oneOf(values.granularity ?? 'sentence', GRANULARITIES, '--granularity'),
      jobs: jobsFlag(values.jobs),
      mergePaths: values.merge ?? [],
      ...(values['min-confidence'] === undefined ? {} : { minConfidence: confidence(values['min-confidence']) }),
      ...(values.glossary === undefined ? {} : { glossaryPath: values.glossary }),
      ...(values.cache === undefined ? {} : { cacheDirectory: values.cache }),
      ...(values.report === undefined ? {} : { reportPath: values.report }),
    });
    output.stderr(formatPairsSummary(report));
    return report.chaptersAligned === 0 && report.userPairs === 0 ? 1 : 0;
  },
};

async function chapterLayout(values: {
  source?: string;
  target?: string;
  'origin-suffix'?: string;
  map?: string;
}): Promise<ChapterLayout> {
  const targetRoot = requiredFlag(values.target, '--target');
  const originSuffix = values['origin-suffix'];
  if (originSuffix !== undefined && originSuffix.trim() === '')
    throw new UsageError('--origin-suffix must not be empty');
  if (values.source === undefined && originSuffix === undefined) {
    throw new UsageError('--source is required unless --origin-suffix says where the originals are');
  }
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
