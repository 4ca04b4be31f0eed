/**
 * `amts status` over the whole of d2l-zh against d2l-en-classic (170 chapters, 139 with an `_origin.md`), run as users
 * run it: the bundle `dist/cli/index.js` when it knows `status` (else the source through tsx), one child process per
 * run. Cold runs plan every chapter (`--no-cache`); warm runs read the plans a first run cached. Prints the median
 * wall time and CPU time (user + system of the process tree, from the shell's `times`) of several runs of each.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const bundle = join(repoRoot, 'dist/cli/index.js');
const COLD_RUNS = 3;
const WARM_RUNS = 5;

interface Timed {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly characters: number;
}

export async function run(): Promise<void> {
  const command = (await bundleKnowsStatus()) ? ['node', bundle] : ['npx', 'tsx', join(repoRoot, 'src/bin.ts')];
  const cache = await mkdtemp(join(tmpdir(), 'amts-bench-status-'));
  try {
    const book = [
      'status',
      '--source',
      join(corpus, 'd2l-en-classic'),
      '--target',
      join(corpus, 'd2l-zh'),
      '--from',
      'en',
      '--to',
      'zh',
      '--format',
      'json',
    ];
    const cold: Timed[] = [];
    for (let index = 0; index < COLD_RUNS; index++) cold.push(await timed([...command, ...book, '--no-cache']));
    await timed([...command, ...book, '--cache', cache]);
    const warm: Timed[] = [];
    for (let index = 0; index < WARM_RUNS; index++) warm.push(await timed([...command, ...book, '--cache', cache]));
    const characters = new Set([...cold, ...warm].map((result) => result.characters));
    const source = command[0] === 'node' ? 'dist/cli/index.js' : 'src (tsx)';
    console.log(`status of d2l-zh against d2l-en-classic, ${source}:`);
    console.log(`  cold (--no-cache), median of ${COLD_RUNS}: ${describe(cold)}`);
    console.log(`  warm (--cache),    median of ${WARM_RUNS}: ${describe(warm)}`);
    console.log(
      `  characters to translate: ${[...characters].join(', ')} (every run the same: ${characters.size === 1})`,
    );
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}

function describe(results: readonly Timed[]): string {
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return (
    `${median(results.map((result) => result.wallSeconds)).toFixed(2)} s wall, ` +
    `${median(results.map((result) => result.cpuSeconds)).toFixed(2)} s CPU`
  );
}

async function bundleKnowsStatus(): Promise<boolean> {
  const help = await exec('node', [bundle, '--help']).catch((error: unknown) => ({
    stdout: typeof error === 'object' && error !== null && 'stdout' in error ? String(error.stdout) : '',
  }));
  return /amts status/.test(help.stdout);
}

/** One run in a shell whose `times` then reports the CPU its children used. */
async function timed(argv: readonly string[]): Promise<Timed> {
  const started = performance.now();
  const { stdout } = await exec(
    'bash',
    ['-c', '"$@" > "$AMTS_BENCH_OUT"; code=$?; times; exit $code', 'bench', ...argv],
    {
      env: { ...process.env, AMTS_BENCH_OUT: join(tmpdir(), `amts-bench-status-${process.pid}.json`) },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  // `times` prints the shell's own user/system time, then its children's: `0m1.234s 0m0.056s`.
  const children = stdout.trim().split('\n').at(-1) ?? '';
  const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, match) => sum + Number(match[1]) * 60 + Number(match[2]),
    0,
  );
  const json = JSON.parse(await readFile(join(tmpdir(), `amts-bench-status-${process.pid}.json`), 'utf8')) as {
    totals: { charactersToTranslate: number };
  };
  return { wallSeconds, cpuSeconds, characters: json.totals.charactersToTranslate };
}
