/**
 * `amts pairs` over the whole of d2l-zh (139 chapters with an `_origin.md`) against the hunalign baseline
 * (`../shared/anchors/hunalign-baseline.sh`: prose extraction, Intl.Segmenter sentences, hunalign without a
 * dictionary), both run here, in turns, so that both see the machine in the same state: its speed drifts from hour
 * to hour and other work shares its cores. `amts` is timed as users run it: the CLI bundle (`node …/index.js pairs`),
 * built from the current sources into a temporary folder, or the bundle named by AMTS_BENCH_BUNDLE. On a machine
 * with two cores or fewer it starts itself again with one V8 background thread (src/commands/respawn.ts); the peak
 * memory is that of the whole process tree, first process included, sampled from /proc.
 *
 * Goals: cold (no cache) median ≤ 1.0 × the baseline's median, warm (every chapter in the cache) median ≤ 0.5 s,
 * peak RSS ≤ 300 MB. `npm run bench pairs` runs this section alone.
 */
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const corpusRoot = join(repoRoot, '../shared/corpus/d2l-zh/');
const baselineScript = join(repoRoot, '../shared/anchors/hunalign-baseline.sh');
const RUNS = 7;
const COLD_RATIO_GOAL = 1.0;
const WARM_SECONDS_GOAL = 0.5;
const MEMORY_GOAL_MB = 300;
const SAMPLE_MS = 20;

interface Measured {
  readonly seconds: number;
  readonly peakTreeRssMb: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command, sampling the summed RSS of it and all its descendants until it exits. */
async function measure(command: string, args: readonly string[]): Promise<Measured> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakKb = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
  }, SAMPLE_MS);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  return { seconds, peakTreeRssMb: peakKb / 1024, exitCode, stdout, stderr };
}

/**
 * Summed RSS of a process and its descendants. Synchronous reads of /proc: sampling every few milliseconds through
 * the asynchronous file API cost the bench a good share of a core, taken from the runs it measures.
 */
function treeRssKb(pid: number): number {
  const status = readProc(`/proc/${pid}/status`);
  const rss = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  let below = 0;
  for (const child of childPids(pid)) below += treeRssKb(child);
  return rss + below;
}

function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) =>
    readProc(`/proc/${pid}/task/${task}/children`)
      .split(/\s+/u)
      .filter((id) => id !== '')
      .map(Number),
  );
}

/** A process can end between two reads. */
function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function seconds(values: readonly number[]): string {
  return values.map((value) => value.toFixed(2)).join(' ');
}

function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

/** The CLI bundle to time: AMTS_BENCH_BUNDLE, else one built now from the sources, as `npm run package` builds it. */
async function cliBundle(work: string): Promise<string> {
  const given = process.env.AMTS_BENCH_BUNDLE;
  if (given !== undefined && given !== '') return given;
  const out = join(work, 'bundle');
  const ncc = join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const start = performance.now();
  await promisify(execFile)(process.execPath, [ncc, 'build', 'src/bin.ts', '-o', out, '-q'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  console.log(`pairs: CLI bundle built from the sources in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return join(out, 'index.js');
}

interface PairsReportSummary {
  readonly pairsWritten: number;
  readonly chaptersAligned: number;
  readonly cache?: { readonly hits: number; readonly misses: number };
}

class AmtsRunner {
  private count = 0;

  constructor(
    private readonly bundle: string,
    private readonly work: string,
  ) {}

  /** One `amts pairs` run; the report is read back to check what it did. */
  async run(cache: string | undefined): Promise<Measured & { readonly report: PairsReportSummary }> {
    this.count += 1;
    const report = join(this.work, `amts-${this.count}.json`);
    const args = [
      this.bundle,
      'pairs',
      '--target',
      corpusRoot,
      '--origin-suffix',
      '_origin',
      '--from',
      'en',
      '--to',
      'zh',
      '--out',
      join(this.work, `amts-${this.count}.csv`),
      '--report',
      report,
      ...(cache === undefined ? [] : ['--cache', cache]),
    ];
    const measured = await measure(process.execPath, args);
    if (measured.exitCode !== 0)
      throw new Error(`amts pairs failed with exit code ${measured.exitCode}: ${lastLines(measured.stderr)}`);
    return { ...measured, report: JSON.parse(await readFile(report, 'utf8')) as PairsReportSummary };
  }
}

async function runBaseline(work: string): Promise<Measured> {
  return measure('bash', [baselineScript, corpusRoot, join(work, 'hunalign.csv')]);
}

/** Whether the baseline runs here; the first run also builds hunalign, so it is not timed. */
async function prepareBaseline(work: string): Promise<string | undefined> {
  const found = await access(baselineScript).then(
    () => true,
    () => false,
  );
  if (!found) return `the baseline script ${baselineScript} is missing`;
  const first = await runBaseline(work);
  if (first.exitCode !== 0)
    return `the baseline script failed (exit code ${first.exitCode}; it builds hunalign from source with make): ${lastLines(`${first.stdout}\n${first.stderr}`)}`;
  return undefined;
}

export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'amts-bench-pairs-'));
  try {
    const bundle = await cliBundle(work);
    const amts = new AmtsRunner(bundle, work);
    const baselineProblem = await prepareBaseline(work);
    if (baselineProblem !== undefined)
      console.log(`pairs: NO BASELINE: ${baselineProblem}; amts is timed alone and no ratio is given`);
    // One untimed run each reads the book into the page cache.
    await amts.run(undefined);
    const cold: Measured[] = [];
    const baseline: Measured[] = [];
    let pairs = 0;
    let baselinePairs = '';
    for (let round = 0; round < RUNS; round += 1) {
      // Alternate who goes first, so neither always runs on the heels of the other.
      const amtsFirst = round % 2 === 1;
      if (!amtsFirst && baselineProblem === undefined) baseline.push(await runBaseline(work));
      const amtsRun = await amts.run(undefined);
      cold.push(amtsRun);
      pairs = amtsRun.report.pairsWritten;
      if (amtsFirst && baselineProblem === undefined) baseline.push(await runBaseline(work));
      const last = baseline[baseline.length - 1];
      if (last !== undefined && last.exitCode !== 0)
        throw new Error(`the baseline failed in round ${round + 1}: ${lastLines(last.stderr)}`);
      baselinePairs = last?.stdout.trim() ?? '';
    }
    const cacheDirectory = join(work, 'cache');
    const filling = await amts.run(cacheDirectory);
    const warm: Measured[] = [];
    for (let round = 0; round < RUNS; round += 1) {
      const warmRun = await amts.run(cacheDirectory);
      if (warmRun.report.cache?.misses !== 0) throw new Error('a warm run aligned chapters again');
      warm.push(warmRun);
    }
    const coldMedian = median(cold.map((runOf) => runOf.seconds));
    const warmMedian = median(warm.map((runOf) => runOf.seconds));
    const peak = Math.max(...[...cold, filling, ...warm].map((runOf) => runOf.peakTreeRssMb));
    console.log(
      `pairs: ${availableParallelism()} cores; ${RUNS} rounds, amts and the baseline in turns; ` +
        `amts writes ${pairs} pairs, the baseline ${baselinePairs || 'nothing'}`,
    );
    console.log(
      `pairs (amts, cold): ${seconds(cold.map((runOf) => runOf.seconds))} s; median ${coldMedian.toFixed(2)} s`,
    );
    if (baseline.length > 0) {
      const baselineMedian = median(baseline.map((runOf) => runOf.seconds));
      const ratio = coldMedian / baselineMedian;
      const perRound = median(cold.map((runOf, index) => runOf.seconds / (baseline[index]?.seconds ?? Infinity)));
      console.log(
        `pairs (hunalign baseline): ${seconds(baseline.map((runOf) => runOf.seconds))} s; median ` +
          `${baselineMedian.toFixed(2)} s; peak RSS ${Math.max(...baseline.map((runOf) => runOf.peakTreeRssMb)).toFixed(0)} MB`,
      );
      console.log(
        `pairs cold ratio: ${ratio.toFixed(2)}× the baseline (median of per-round ratios ${perRound.toFixed(2)}×; ` +
          `goal ≤ ${COLD_RATIO_GOAL.toFixed(1)}×): ${verdict(ratio <= COLD_RATIO_GOAL)}`,
      );
    }
    console.log(
      `pairs (amts, warm cache): filling ${filling.seconds.toFixed(2)} s, then ${seconds(warm.map((runOf) => runOf.seconds))} s; ` +
        `median ${warmMedian.toFixed(2)} s (goal ≤ ${WARM_SECONDS_GOAL} s): ${verdict(warmMedian <= WARM_SECONDS_GOAL)}`,
    );
    console.log(
      `pairs peak RSS: ${peak.toFixed(0)} MB, whole process tree, any amts run (goal ≤ ${MEMORY_GOAL_MB} MB): ` +
        `${verdict(peak <= MEMORY_GOAL_MB)}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
