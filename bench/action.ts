/**
 * The shipped bundles: their sizes, and how long `node dist/index.js` takes to print its first log
 * line (a runner shows nothing before it) and to exit, started with no inputs so it fails fast on
 * the first check. Build the bundles first with `npm run package`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLES = ['dist/index.js', 'dist/cli/index.js'] as const;
const STARTS = 5;

interface Start {
  readonly firstLineMs: number;
  readonly exitMs: number;
  readonly exitCode: number | null;
}

function startAction(cwd: string, env: NodeJS.ProcessEnv): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstLineMs: number | undefined;
    let output = '';
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (firstLineMs === undefined && /\S.*\n/u.test(output)) firstLineMs = performance.now() - started;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const exitMs = performance.now() - started;
      resolve({ firstLineMs: firstLineMs ?? exitMs, exitMs, exitCode });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(path.join(ROOT, file)).then(
    (info) => info.size,
    () => undefined,
  );
}

export async function run(): Promise<void> {
  for (const bundle of BUNDLES) {
    const size = await sizeOf(bundle);
    console.log(
      size === undefined
        ? `${bundle}: missing (run npm run package)`
        : `${bundle}: ${(size / 1_000_000).toFixed(2)} MB`,
    );
  }
  if ((await sizeOf('dist/index.js')) === undefined) return;

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'amts-bench-action-'));
  try {
    const outputFile = path.join(scratch, 'output');
    const summaryFile = path.join(scratch, 'summary.md');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const env = { PATH: process.env.PATH, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    const starts: Start[] = [];
    for (let index = 0; index < STARTS; index++) starts.push(await startAction(scratch, env));
    const codes = [...new Set(starts.map((start) => start.exitCode))].join(', ');
    console.log(
      `node ${process.version} dist/index.js without inputs (median of ${STARTS}): ` +
        `first log line ${median(starts.map((start) => start.firstLineMs)).toFixed(0)} ms, ` +
        `exit ${median(starts.map((start) => start.exitMs)).toFixed(0)} ms (exit code ${codes})`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
