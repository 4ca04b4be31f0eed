// The `amts` command (dist/cli/index.js). The same bundle is also the entry of its own worker
// threads, so it serves a worker instead of running the CLI when started as one.
import { runCli } from './cli.js';
import { startWorkerIfRequested } from './workers/worker.js';

if (!startWorkerIfRequested()) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
