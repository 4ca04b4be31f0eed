import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeError, UsageError } from '../errors.js';
import { languageCodeProblem, translateLanguageCode } from '../language/codes.js';
import { defaultJobs } from '../workers/defaultJobs.js';
import type { FlagHelp } from './flagHelp.js';

export { UsageError };

export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One subcommand of `amts`: parses its own arguments and returns the exit code. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list, e.g. `translate <file-or-dir>... --from <lang> --to <lang> ...`. */
  readonly synopsis: string;
  /** What the command does, in a sentence or two. */
  readonly summary: string;
  /** Every flag the command takes, with what it does and its default, for `--help`. */
  readonly flags: Readonly<Record<string, FlagHelp>>;
  run(args: readonly string[], output: CommandOutput): Promise<number>;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
}

export function requiredFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** `--jobs N`: threads to use, every core when absent. */
export function jobsFlag(flag: string | undefined): number {
  if (flag === undefined) return defaultJobs();
  const value = Number(flag);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`--jobs must be a whole number of at least 1, not '${flag}'`);
  return value;
}

/**
 * A language flag: required, and one of the codes Amazon Translate accepts, returned as Translate spells it
 * (`zh-tw` → `zh-TW`). A close miss names the code meant (`--to cn`: did you mean 'zh'?).
 */
export function languageFlag(value: string | undefined, flag: string): string {
  const code = requiredFlag(value, flag).trim();
  const problem = languageCodeProblem(code);
  if (problem !== undefined) throw new UsageError(`${flag} ${problem}`);
  return translateLanguageCode(code) ?? code;
}
