// The `amts` command (dist/cli/index.js). The same bundle is also the entry of its own worker threads, so it
// serves a worker instead of running the CLI when started as one. Everything else loads on demand: a process
// that only starts the command again (see respawn.ts) stays small.
import { availableParallelism } from 'node:os';
import { respawnArguments, runRespawned } from './commands/respawn.js';
import { isAmtsWorkerThread } from './workers/workerData.js';

const argv = process.argv.slice(2);

async function runHere(): Promise<number> {
  const { runCli } = await import('./cli.js');
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

/** A pairs rerun the cache answers needs no restart (see commands/pairsFromCache.ts). */
async function answeredFromCache(): Promise<number | undefined> {
  // Checked before the import, so a run without a cache does not load the command's parsing twice.
  if (argv[0] !== 'pairs' || !argv.includes('--cache')) return undefined;
  const { pairsFromCache } = await import('./commands/pairsFromCache.js');
  return pairsFromCache(argv.slice(1), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

if (isAmtsWorkerThread()) {
  const { startWorkerIfRequested } = await import('./workers/worker.js');
  startWorkerIfRequested();
} else {
  const respawn = respawnArguments({
    argv,
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
    cores: availableParallelism(),
    script: process.argv[1],
  });
  const code =
    respawn === undefined
      ? undefined
      : ((await answeredFromCache()) ?? (await runRespawned(process.execPath, respawn)));
  process.exitCode = code ?? (await runHere());
}
