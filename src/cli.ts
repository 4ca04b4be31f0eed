import { UsageError, type CliCommand, type CommandOutput } from './commands/args.js';
import { evaluateCli } from './commands/evaluateCli.js';
import { experimentCli } from './commands/experimentCli.js';
import { pairsCli } from './commands/pairsCli.js';
import { statusCli } from './commands/statusCli.js';
import { syncCli } from './commands/syncCli.js';
import { translateCli } from './commands/translateCli.js';
import { formatFlagHelp } from './commands/flagHelp.js';
import { describeError, InputError } from './errors.js';
import packageJson from '../package.json' with { type: 'json' };

const COMMANDS: readonly CliCommand[] = [syncCli, statusCli, pairsCli, translateCli, evaluateCli, experimentCli];

function usage(): string {
  const lines = COMMANDS.map((command) => `  amts ${command.synopsis}\n      ${command.summary}`);
  return (
    `Usage: amts <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    'amts <command> --help describes every flag of a command and its default; amts --version prints the version.\n'
  );
}

/** The command line: returns the exit code instead of exiting, so tests run it in-process. */
export async function runCli(argv: readonly string[], output: CommandOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    output.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    output.stdout(`amts ${packageJson.version}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.stderr(`amts: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.stdout(
      `Usage: amts ${command.synopsis}\n\n${command.summary}\n\nOptions:\n${formatFlagHelp(command.flags)}\n`,
    );
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
