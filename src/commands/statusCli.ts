import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { bookStatus } from '../status/bookStatus.js';
import { formatStatusJson } from '../status/formatJson.js';
import { formatStatusMarkdown } from '../status/formatMarkdown.js';
import { formatStatusText } from '../status/formatText.js';
import { statusPrices } from '../status/prices.js';
import type { BookStatus } from '../status/types.js';
import { refuseBookBeforeSync } from '../sync/refuseBook.js';
import { TARGET_CONFIG_FILE } from '../sync/targetConfig.js';
import { createParallelPreparer } from '../workers/syncPreparer.js';
import { jobsFlag, languageFlag, parseCommandArgs, requiredFlag, UsageError, type CliCommand } from './args.js';
import { renameDeprecatedFlags } from './deprecatedFlags.js';
import type { FlagHelpTable } from './flagHelp.js';
import { baseOf, OLD_ENGLISH_FLAGS, OLD_ENGLISH_OPTIONS, requireDirectory } from './syncCli.js';

const FORMATS = ['text', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  ...OLD_ENGLISH_OPTIONS,
  format: { type: 'string' },
  output: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  jobs: { type: 'string' },
} as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  source: { value: '<dir>', description: 'The new English book (required)' },
  target: { value: '<dir>', description: 'The translation, only read (required)' },
  from: { value: '<lang>', description: 'Language of the English (required)' },
  to: { value: '<lang>', description: 'Language of the translation (required)' },
  ...OLD_ENGLISH_FLAGS,
  format: {
    value: '<text|md|json>',
    description: 'text for a terminal, md for GitHub (a table with a bar per chapter), json for programs',
    default: 'text',
  },
  output: { value: '<file>', description: 'Write the status to this file instead of stdout', default: 'stdout' },
  cache: {
    value: '<dir>',
    description: 'Keep chapter plans here, so a later status of an unchanged chapter reads it instead of planning it',
    default: '$XDG_CACHE_HOME/amts/plans, else ~/.cache/amts/plans',
  },
  'no-cache': { description: 'Plan every chapter, reading and writing no cache', default: 'off' },
  jobs: { value: '<n>', description: 'Threads planning chapters', default: 'every core' },
};

export const statusCli: CliCommand = {
  name: 'status',
  synopsis:
    'status --source <new-English dir> --target <translation dir> --from <lang> --to <lang> ' +
    '[--origin-suffix _origin | --base <old-English dir or git rev> | --state-file <state.json>] ' +
    '[--format text|md|json] [--output <file>] [--cache <dir> | --no-cache] [--jobs <n>]',
  summary:
    'Which chapters of a translation lag the English, by how much, and what catching up costs: per chapter its state ' +
    `(current, outdated, untranslated, unknown, orphaned, excluded by ${TARGET_CONFIG_FILE}), the sentences changed, ` +
    'the characters a sync would send and their price. Reads what sync reads; sends and writes nothing.',
  flags: FLAGS,
  async run(args, output) {
    const log = (message: string): void => output.stderr(`amts status: ${message}\n`);
    const values = renameDeprecatedFlags(parseCommandArgs(args, OPTIONS).values, FLAGS, log);
    const sourceDir = requiredFlag(values.source, '--source');
    const targetDir = requiredFlag(values.target, '--target');
    await requireDirectory(sourceDir, '--source');
    await requireDirectory(targetDir, '--target');
    const sourceLanguage = languageFlag(values.from, '--from');
    const targetLanguage = languageFlag(values.to, '--to');
    const format = formatFlag(values.format);
    if (values.cache !== undefined && values['no-cache'])
      throw new UsageError('give --cache <dir> or --no-cache, not both');
    const jobs = jobsFlag(values.jobs);
    const base = await baseOf(values, sourceDir);
    await refuseBookBeforeSync({ base, targetDir, targetLanguage });
    const parallel = createParallelPreparer(jobs);
    const cache = values['no-cache'] ? undefined : (values.cache ?? defaultCacheDirectory());
    const status = await bookStatus(
      { sourceDir, targetDir, sourceLanguage, targetLanguage, base, pricePerMillionUsd: statusPrices() },
      { prepareChapters: parallel, ...(cache === undefined ? {} : { cacheDirectory: cache }) },
    );
    const text = formatStatus(status, format);
    if (values.output !== undefined) await writeFileAtomic(values.output, text);
    else output.stdout(text);
    return 0;
  },
};

export function formatStatus(status: BookStatus, format: Format): string {
  switch (format) {
    case 'json':
      return formatStatusJson(status);
    case 'md':
      return formatStatusMarkdown(status);
    case 'text':
      return formatStatusText(status);
  }
}

function formatFlag(value: string | undefined): Format {
  if (value === undefined) return 'text';
  const format = FORMATS.find((candidate) => candidate === value);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${value}'`);
  return format;
}

function defaultCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache');
  return join(root, 'amts', 'plans');
}
