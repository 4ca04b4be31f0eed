/**
 * `amts pairs` over the whole of d2l-zh (139 chapters with an `_origin.md`): wall time cold and warm (with the
 * cache), pairs per second, and peak RSS of the whole process tree (worker threads included, sampled from
 * /proc), against a goal of 300 MB. Each run is a child process so peaks do not mix. Runs from source (tsx) and,
 * when `dist/cli/index.js` knows `pairs`, from the bundle. Compares with hunalign when it is on PATH: a plain
 * prose extractor, Intl.Segmenter sentences and hunalign with an empty dictionary, timed end to end.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const corpusRoot = fileURLToPath(new URL('../../shared/corpus/d2l-zh/', import.meta.url));
const bundle = join(repoRoot, 'dist/cli/index.js');
const MEMORY_GOAL_MB = 300;
const SAMPLE_MS = 20;

interface Measured {
  readonly wallMs: number;
  readonly peakTreeRssMb: number;
  readonly exitCode: number;
  readonly stderr: string;
}

/** Runs a command, sampling the summed RSS of it and all its descendants until it exits. */
async function measure(command: string, args: readonly string[]): Promise<Measured> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakKb = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) void treeRssKb(child.pid).then((kb) => (peakKb = Math.max(peakKb, kb)));
  }, SAMPLE_MS);
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  clearInterval(sampler);
  return { wallMs: performance.now() - start, peakTreeRssMb: peakKb / 1024, exitCode, stderr };
}

async function treeRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const rss = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  const children = await childPids(pid);
  const below = await Promise.all(children.map(treeRssKb));
  return rss + below.reduce((sum, kb) => sum + kb, 0);
}

async function childPids(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((list) =>
    list
      .split(/\s+/u)
      .filter((id) => id !== '')
      .map(Number),
  );
}

function pairsArgs(out: string, cache: string, report: string): string[] {
  return [
    '--target',
    corpusRoot,
    '--origin-suffix',
    '_origin',
    '--from',
    'en',
    '--to',
    'zh',
    '--out',
    out,
    '--cache',
    cache,
    '--report',
    report,
  ];
}

interface ReportSummary {
  readonly pairsWritten: number;
  readonly chaptersAligned: number;
  readonly cache?: { readonly hits: number };
  readonly workers?: { readonly workersStarted: number };
}

async function benchPairs(label: string, command: string, prefix: readonly string[], work: string): Promise<void> {
  const cache = join(work, `${label}-cache`);
  for (const phase of ['cold', 'warm'] as const) {
    const report = join(work, `${label}-${phase}.json`);
    const run = await measure(command, [...prefix, ...pairsArgs(join(work, `${label}-${phase}.csv`), cache, report)]);
    if (run.exitCode !== 0) {
      console.log(
        `pairs (${label}) ${phase}: failed with exit code ${run.exitCode}: ${run.stderr.trim().split('\n')[0] ?? ''}`,
      );
      return;
    }
    const summary = JSON.parse(await readFile(report, 'utf8')) as ReportSummary;
    const seconds = run.wallMs / 1000;
    const inProcess = /command (\d+) ms/u.exec(run.stderr)?.[1];
    console.log(
      `pairs (${label}) ${phase}: ${seconds.toFixed(2)} s wall` +
        `${inProcess === undefined ? '' : ` (${(Number(inProcess) / 1000).toFixed(2)} s in the command, start-up excluded)`}, ` +
        `${summary.chaptersAligned} chapters ` +
        `(${summary.cache?.hits ?? 0} from cache, ${summary.workers?.workersStarted ?? 0} workers), ` +
        `${summary.pairsWritten} pairs, ${Math.round(summary.pairsWritten / seconds)} pairs/s, ` +
        `peak RSS ${run.peakTreeRssMb.toFixed(0)} MB (process tree; goal ≤ ${MEMORY_GOAL_MB} MB)`,
    );
  }
  console.log(`pairs (${label}): ${availableParallelism()} cores available`);
}

/** Child mode: one in-process run of the command from source, timing the command itself apart from start-up. */
async function runChild(args: readonly string[]): Promise<void> {
  const { pairsCli } = await import('../src/commands/pairsCli.js');
  const start = performance.now();
  const code = await pairsCli.run(args, { stdout: () => undefined, stderr: () => undefined });
  process.stderr.write(`command ${(performance.now() - start).toFixed(0)} ms\n`);
  process.exitCode = code;
}

async function bundleKnowsPairs(): Promise<boolean> {
  try {
    await promisify(execFile)('node', [bundle, 'pairs', '--help']);
    return true;
  } catch {
    return false;
  }
}

async function onPath(program: string): Promise<boolean> {
  try {
    await promisify(execFile)('sh', ['-c', `command -v ${program}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The baseline the issue compares with: prose lines without code, math, directives and markup, paragraphs at
 * blank lines, sentences from Intl.Segmenter. Deliberately plain; that is the point of the comparison.
 */
function plainSentences(markdown: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const lines: string[] = [];
  let fenced = false;
  let math = false;
  for (const paragraph of markdown.split(/\n\s*\n/u)) {
    const prose: string[] = [];
    for (const line of paragraph.split('\n')) {
      if (/^\s*(```|~~~)/u.test(line)) fenced = !fenced;
      else if (/^\s*\$\$/u.test(line)) math = !/\$\$.*\$\$/u.test(line) ? !math : math;
      else if (!fenced && !math && !/^\s*(:\w+:|!\[|<|\|)/u.test(line)) prose.push(line);
    }
    const text = prose
      .join(' ')
      .replace(/^#+\s*/u, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/[*_`]/gu, '')
      .trim();
    if (text === '') continue;
    for (const { segment } of segmenter.segment(text)) if (segment.trim() !== '') lines.push(segment.trim());
    lines.push('<p>');
  }
  return lines;
}

async function benchHunalign(work: string): Promise<void> {
  if (!(await onPath('hunalign'))) {
    console.log('hunalign not installed');
    return;
  }
  const start = performance.now();
  const originals = (await readdir(corpusRoot, { recursive: true }))
    .filter((name) => name.endsWith('_origin.md'))
    .sort();
  const dictionary = join(work, 'empty.dic');
  await writeFile(dictionary, '');
  let pairs = 0;
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < originals.length; index = next++) {
      const original = originals[index] ?? '';
      const english = plainSentences(await readFile(join(corpusRoot, original), 'utf8'), 'en');
      const chinese = plainSentences(
        await readFile(join(corpusRoot, original.replace(/_origin\.md$/u, '.md')), 'utf8'),
        'zh',
      );
      const sourceFile = join(work, `h${index}.en`);
      const targetFile = join(work, `h${index}.zh`);
      await writeFile(sourceFile, `${english.join('\n')}\n`);
      await writeFile(targetFile, `${chinese.join('\n')}\n`);
      const { stdout } = await promisify(execFile)('hunalign', ['-utf', '-text', dictionary, sourceFile, targetFile], {
        maxBuffer: 64 * 1024 * 1024,
      });
      pairs += stdout.split('\n').filter((line) => /\S\t\S/u.test(line)).length;
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, lane));
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `hunalign (plain extraction + Intl.Segmenter + hunalign -utf -text, empty dictionary): ${seconds.toFixed(2)} s wall ` +
      `for ${originals.length} chapters, ${pairs} two-sided lines, ${Math.round(pairs / seconds)} pairs/s`,
  );
}

export async function run(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'amts-bench-pairs-'));
  try {
    const self = fileURLToPath(import.meta.url);
    const tsx = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    await benchPairs('source via tsx', process.execPath, ['--import', tsx, self, '--child'], work);
    if (await bundleKnowsPairs()) await benchPairs('bundle', process.execPath, [bundle, 'pairs'], work);
    else
      console.log(
        'pairs (bundle): dist/cli/index.js has no pairs command yet; run `npm run package` after registering it',
      );
    await benchHunalign(work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await runChild(process.argv.slice(3));
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
