import { UsageError, type CliCommand, type CommandOutput } from './commands/args.js';
import { evaluateCli } from './commands/evaluateCli.js';
import { experimentCli } from './commands/experimentCli.js';
import { pairsCli } from './commands/pairsCli.js';
import { syncCli } from './commands/syncCli.js';
import { translateCli } from './commands/translateCli.js';
import { describeError, InputError } from './errors.js';

const COMMANDS: readonly CliCommand[] = [syncCli, pairsCli, translateCli, evaluateCli, experimentCli];

function usage(): string {
  const lines = COMMANDS.map((command) => `  amts ${command.synopsis}\n      ${command.summary}`);
  return `Usage: amts <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/** The command line: returns the exit code instead of exiting, so tests run it in-process. */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    output.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.stderr(`amts: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.stdout(`Usage: amts ${command.synopsis}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    output.stderr(`amts ${name}: ${describeError(error)}\n`);
    if (error instanceof UsageError) output.stderr(`Usage: amts ${command.synopsis}\n`);
    return error instanceof InputError || error instanceof UsageError ? 2 : 1;
  }
}
