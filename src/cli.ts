import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translateCommand, type CommandOutput } from './commands/translateCommand.js';
import type { TranslationEngine } from './engines/engine.js';
import { createOfflineEngine, isOfflineEngine, OFFLINE_ENGINES } from './engines/createEngine.js';
import { describeError, InputError } from './errors.js';

const USAGE = `Usage: amts <command> [options]

Commands:
  translate <file-or-dir>... --from <lang> --to <lang> --engine <name> [--out <file-or-dir>]
      Translates Markdown chapters whole. Without --out a single file goes to stdout.

Engines: ${OFFLINE_ENGINES.join(', ')}
Run 'amts <command> --help' for a command's options.
`;

type CommandRunner = (args: readonly string[], output: CommandOutput) => Promise<number>;

const COMMANDS: Record<string, CommandRunner> = {
  translate: runTranslate,
};

/** The command line: returns the exit code instead of exiting, so tests run it in-process. */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    output.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const runner = COMMANDS[command];
  if (!runner) {
    output.stderr(`amts: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  try {
    return await runner(rest, output);
  } catch (error) {
    output.stderr(`amts ${command}: ${describeError(error)}\n`);
    return error instanceof InputError || error instanceof UsageError ? 2 : 1;
  }
}

export class UsageError extends Error {}

const TRANSLATE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  engine: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

async function runTranslate(args: readonly string[], output: CommandOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TRANSLATE_OPTIONS);
  if (values.help) {
    output.stdout(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one Markdown file or directory to translate');
  const engine = engineNamed(required(values.engine, '--engine'));
  const summary = await translateCommand(
    {
      inputs: positionals,
      sourceLanguage: required(values.from, '--from'),
      targetLanguage: required(values.to, '--to'),
      ...(values.out !== undefined ? { out: values.out } : {}),
    },
    engine,
    output,
  );
  if (values.out !== undefined) {
    output.stderr(
      `amts translate: ${summary.written} of ${summary.files} files written, ${summary.sentCharacters} characters sent to ${engine.name}` +
        `${summary.failedUnits ? `, ${summary.failedUnits} units left untranslated` : ''}\n`,
    );
  }
  return summary.failedFiles > 0 || summary.failedUnits > 0 ? 1 : 0;
}

function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

function engineNamed(name: string): TranslationEngine {
  if (isOfflineEngine(name)) return createOfflineEngine(name);
  throw new UsageError(`unknown engine '${name}': choose one of ${OFFLINE_ENGINES.join(', ')}`);
}
