import {
  ENGINE_FLAG_HELP,
  ENGINE_FLAG_OPTIONS,
  ENGINE_FLAGS_SYNOPSIS,
  engineFromFlags,
} from '../engines/engineFlags.js';
import { languageFlag, parseCommandArgs, UsageError, type CliCommand } from './args.js';
import type { FlagHelpTable } from './flagHelp.js';
import { translateCommand } from './translateCommand.js';

const OPTIONS = {
  ...ENGINE_FLAG_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
} as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  from: { value: '<lang>', description: 'Language of the inputs, a code Amazon Translate accepts (required)' },
  to: { value: '<lang>', description: 'Language to translate into, a code Amazon Translate accepts (required)' },
  out: {
    value: '<file-or-dir>',
    description: 'Where to write; a directory mirrors the inputs under it',
    default: 'stdout, for one input file',
  },
  ...ENGINE_FLAG_HELP,
};

export const translateCli: CliCommand = {
  name: 'translate',
  synopsis: `translate <file-or-dir>... --from <lang> --to <lang> ${ENGINE_FLAGS_SYNOPSIS} [--out <file-or-dir>]`,
  summary:
    'Translates Markdown chapters whole. A directory is mirrored under --out; one file without --out goes to stdout. ' +
    'AWS settings not given as flags come from AMTS_AWS_* variables.',
  flags: FLAGS,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) throw new UsageError('name at least one Markdown file or directory to translate');
    const sourceLanguage = languageFlag(values.from, '--from');
    const targetLanguage = languageFlag(values.to, '--to');
    const engine = await engineFromFlags(values, { log: (message) => output.stderr(`amts translate: ${message}\n`) });
    try {
      const summary = await translateCommand(
        {
          inputs: positionals,
          sourceLanguage,
          targetLanguage,
          ...(values.out !== undefined ? { out: values.out } : {}),
        },
        engine,
        output,
      );
      if (values.out !== undefined) {
        output.stderr(
          `amts translate: ${summary.written} of ${summary.files} files written, ` +
            `${summary.sentCharacters} characters sent to ${engine.name}` +
            `${summary.failedUnits ? `, ${summary.failedUnits} units left untranslated` : ''}\n`,
        );
      }
      return summary.failedFiles > 0 || summary.failedUnits > 0 ? 1 : 0;
    } finally {
      engine.close();
    }
  },
};
