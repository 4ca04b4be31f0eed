import {
  isTokenizerName,
  parseScoreFormat,
  TOKENIZER_NAMES,
  tokenizerForLanguage,
  formatScoreReport,
} from '../evaluate/index.js';
import type { ScoreFormat, TokenizerName } from '../evaluate/index.js';
import type { MarkdownScoreReport } from '../evaluate/scoreMarkdown.js';
import { scorePaths } from '../evaluate/scorePaths.js';
import { languageFlag, parseCommandArgs, requiredFlag, UsageError, type CliCommand } from './args.js';
import { renameDeprecatedFlags } from './deprecatedFlags.js';
import type { FlagHelpTable } from './flagHelp.js';

const OPTIONS = {
  hyp: { type: 'string' },
  ref: { type: 'string' },
  to: { type: 'string' },
  lang: { type: 'string' },
  tokenize: { type: 'string' },
  format: { type: 'string' },
} as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  hyp: { value: '<file-or-dir>', description: 'The machine translation to score (required)' },
  ref: { value: '<file-or-dir>', description: 'The human reference, same layout as --hyp (required)' },
  to: {
    value: '<lang>',
    description: 'Language of both sides, a code Amazon Translate accepts; picks the tokenizer (required)',
  },
  lang: { value: '<lang>', description: '', deprecatedFor: 'to' },
  tokenize: { value: '<13a|zh|none>', description: 'sacreBLEU tokenizer', default: 'zh for zh and ja, else 13a' },
  format: { value: '<md|json>', description: 'Report format', default: 'md' },
};

export const evaluateCli: CliCommand = {
  name: 'evaluate',
  synopsis: 'evaluate --hyp <file-or-dir> --ref <file-or-dir> --to <lang> [--tokenize 13a|zh|none] [--format md|json]',
  summary:
    'Scores translations with sacreBLEU-exact BLEU and chrF. Text files line by line; Markdown chapters on prose only, ' +
    'paired by structure; directories pair files by relative path, leaving out *_origin.md and listing files on one side only.',
  flags: FLAGS,
  async run(args, output) {
    const parsed = parseCommandArgs(args, OPTIONS);
    if (parsed.positionals.length > 0)
      throw new UsageError(`unexpected argument '${parsed.positionals[0]}': use --hyp and --ref`);
    const values = renameDeprecatedFlags(parsed.values, FLAGS, (message) =>
      output.stderr(`amts evaluate: ${message}\n`),
    );
    const language = languageFlag(values.to, '--to');
    const tokenize = tokenizerOption(values.tokenize, language);
    const format = formatOption(values.format);
    const report = await scorePaths(requiredFlag(values.hyp, '--hyp'), requiredFlag(values.ref, '--ref'), {
      language,
      tokenize,
    });
    for (const line of report.unpaired) output.stderr(`amts evaluate: skipped: ${line}\n`);
    output.stdout(formatScoreReport(report, format));
    if (format === 'md') output.stdout(pairingNote(report));
    return 0;
  },
};

function tokenizerOption(value: string | undefined, language: string): TokenizerName {
  if (value === undefined) return tokenizerForLanguage(language);
  if (isTokenizerName(value)) return value;
  throw new UsageError(`unknown tokenizer '${value}': choose one of ${TOKENIZER_NAMES.join(', ')}`);
}

function formatOption(value: string | undefined): ScoreFormat {
  try {
    return parseScoreFormat(value ?? 'md');
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** How Markdown prose was paired, so a reader can judge the segments behind the numbers. */
function pairingNote(report: MarkdownScoreReport): string {
  const stats = Object.values(report.pairing);
  if (stats.length === 0) return '';
  const total = (key: keyof (typeof stats)[number]): number => stats.reduce((sum, entry) => sum + entry[key], 0);
  return (
    `Markdown prose only (code, math, labels, inline code and math left out), paired by structure: ` +
    `${total('pairedBlocks')} blocks one to one, ${total('joinedRegions')} regions joined, ` +
    `${total('hypothesisOnly')} hypothesis-only and ${total('referenceOnly')} reference-only segments.\n`
  );
}
