/**
 * `amts pairs --cache` over a book the cache holds whole, answered in the process the user started: the CLI
 * otherwise starts Node again for the CPU-bound work (respawn.ts), which a rerun over an unchanged book does not
 * have. Only what the answer needs is loaded (argument parsing, reading and keying the chapters); anything else,
 * an error included, is left to the full command in the restarted process, which reports it.
 */
import { answerFromBookCache, preparePairsRun } from '../pairs/preparePairs.js';
import { formatPairsSummary } from '../pairs/pairsReport.js';
import type { CommandOutput } from './args.js';
import { pairsExitCode, pairsOptionsFromArgs } from './pairsCli.js';

/** The exit code when the cache answered, undefined when the full command must run. */
export async function pairsFromCache(args: readonly string[], output: CommandOutput): Promise<number | undefined> {
  if (!args.includes('--cache') || args.includes('--help') || args.includes('-h')) return undefined;
  try {
    const options = await pairsOptionsFromArgs(args);
    const report = await answerFromBookCache(await preparePairsRun(options), options);
    if (report === undefined) return undefined;
    output.stderr(formatPairsSummary(report));
    return pairsExitCode(report);
  } catch {
    return undefined;
  }
}
