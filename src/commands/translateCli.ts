import { createOfflineEngine, isOfflineEngine, OFFLINE_ENGINES } from '../engines/createEngine.js';
import type { TranslationEngine } from '../engines/engine.js';
import { parseCommandArgs, requiredFlag, UsageError, type CliCommand } from './args.js';
import { translateCommand } from './translateCommand.js';

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  engine: { type: 'string' },
  out: { type: 'string' },
} as const;

export const translateCli: CliCommand = {
  name: 'translate',
  synopsis: 'translate <file-or-dir>... --from <lang> --to <lang> --engine <name> [--out <file-or-dir>]',
  summary: 'Translates Markdown chapters whole. A directory is mirrored under --out; one file without --out goes to stdout.',
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) throw new UsageError('name at least one Markdown file or directory to translate');
    const engine = offlineEngine(requiredFlag(values.engine, '--engine'));
    const summary = await translateCommand(
      {
        inputs: positionals,
        sourceLanguage: requiredFlag(values.from, '--from'),
        targetLanguage: requiredFlag(values.to, '--to'),
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
  },
};

function offlineEngine(name: string): TranslationEngine {
  if (isOfflineEngine(name)) return createOfflineEngine(name);
  throw new UsageError(`unknown engine '${name}': choose one of ${OFFLINE_ENGINES.join(', ')}`);
}
