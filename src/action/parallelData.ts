/**
 * The action's Active Custom Translation parallel data: decided from the inputs, built from the translation
 * repository's base branch every run (or taken from a hand-kept file in the translation clone), and handed to the
 * `aws` engine, which uploads it only when its content hash differs from the one recorded on the resource. The
 * bot branch never feeds it: its machine drafts become human translation once reviewers merge them into the base
 * branch, and only then do they enter the next run's pairs.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import picomatch from 'picomatch';
import type { ActionSettings } from '../config.js';
import { ConfigError } from '../config.js';
import { actRegionProblem } from '../engines/aws/actRegions.js';
import type { ParallelDataRequest } from '../engines/createEngine.js';
import type { ParallelDataUse } from '../engines/engine.js';
import { sha256Hex } from '../engines/aws/runtime.js';
import { InputError } from '../errors.js';
import { exportTree } from '../github/exportTree.js';
import type { Git } from '../github/git.js';
import { buildTranslationPairs } from '../pairs/translationPairs.js';
import type { ChapterLayout } from '../pairs/findChapterPairs.js';
import type { ParallelDataReport } from '../sync/parallelDataReport.js';
import { excludedBy, readTargetConfig } from '../sync/targetConfig.js';
import { defaultJobs } from '../workers/pool.js';

/** Translate's limit on one parallel data file. */
export const MAX_PARALLEL_DATA_BYTES = 5 * 1024 ** 3;

export interface RunParallelData {
  /** What the engine translates with: a resource (and the file to bring it in step with), or nothing. */
  readonly request: ParallelDataRequest | 'off';
  /** The report section; the resource's fate is filled in once the engine opened. */
  readonly report?: ParallelDataReport;
}

export interface ParallelDataLog {
  info(message: string): void;
  warning(message: string): void;
}

/** `amts-<owner>-<repo>-<from>-<to>`, in the characters Translate allows in a resource name. */
export function defaultParallelDataName(
  settings: Pick<ActionSettings, 'targetRepository' | 'sourceLanguage' | 'targetLanguage'>,
): string {
  const { owner, name } = settings.targetRepository;
  const raw = ['amts', owner, name, settings.sourceLanguage, settings.targetLanguage].join('-');
  return raw
    .replace(/[^A-Za-z0-9-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/-$/u, '')
    .slice(0, 256);
}

/** The `aws` batch engine with parallel data on: the runs that build (or check) it. */
export function usesParallelData(settings: ActionSettings): boolean {
  return settings.engine.kind === 'aws' && settings.engine.aws.parallelData !== 'off';
}

/**
 * Refuses a run with Active Custom Translation in a region that has none, before anything is cloned or sent.
 * The region is the input, else the variables the engine would read.
 */
export function checkParallelDataRegion(settings: ActionSettings, env: NodeJS.ProcessEnv): void {
  if (!usesParallelData(settings)) return;
  const region = settings.engine.aws.region ?? (env['AMTS_AWS_REGION']?.trim() || env['AWS_REGION']?.trim());
  if (!region) return;
  const problem = actRegionProblem(region);
  if (problem !== undefined)
    throw new ConfigError(settings.engine.aws.region ? 'aws-region' : 'parallel-data', problem);
}

export interface PrepareInput {
  readonly settings: ActionSettings;
  /** The translation clone (any branch checked out). */
  readonly target: Git;
  /** English paths (relative to source-path) this run syncs; undefined: every chapter. */
  readonly scope: readonly string[] | undefined;
  readonly dryRun: boolean;
  readonly log: ParallelDataLog;
}

/** Decides and, in `build` mode, builds the run's parallel data. */
export async function prepareRunParallelData(input: PrepareInput): Promise<RunParallelData> {
  const { settings } = input;
  if (!usesParallelData(settings)) return { request: 'off' };
  const name = settings.engine.aws.parallelDataName ?? defaultParallelDataName(settings);
  const planned = input.dryRun ? 'planned' : 'not-reported';
  if (settings.engine.aws.parallelData === 'existing') {
    input.log.info(`Parallel data: the resource "${name}" is used as it is (parallel-data: existing)`);
    return {
      request: { name },
      report: { name, mode: 'existing', source: name, resource: input.dryRun ? 'planned' : 'used-as-is' },
    };
  }
  const file = settings.engine.aws.parallelDataFile;
  if (file !== undefined) return handKeptFile(input, name, file, planned);
  return buildFromTranslation(input, name, planned);
}

async function handKeptFile(
  input: PrepareInput,
  name: string,
  file: string,
  resource: ParallelDataReport['resource'],
): Promise<RunParallelData> {
  const absolute = path.resolve(input.target.dir, file);
  if (path.relative(input.target.dir, absolute).startsWith('..'))
    throw new ConfigError('parallel-data-file', `'${file}' must be a path inside the translation repository`);
  const text = await readFile(absolute, 'utf8').catch(() => {
    throw new ConfigError('parallel-data-file', `'${file}' is not a readable file in the translation repository`);
  });
  const format = path.extname(file).slice(1).toLowerCase();
  if (!['csv', 'tsv', 'tmx'].includes(format))
    throw new ConfigError(
      'parallel-data-file',
      `'${file}' must end in .csv, .tsv or .tmx (the formats Translate imports)`,
    );
  checkSize(text, file);
  input.log.info(
    `Parallel data: the hand-kept ${file} (${Buffer.byteLength(text)} bytes) for "${name}"; nothing is built`,
  );
  return {
    request: { name, file: absolute },
    report: {
      name,
      mode: 'file',
      source: file,
      format,
      bytes: Buffer.byteLength(text),
      sha256: sha256Hex(text),
      resource,
    },
  };
}

function checkSize(text: string, file: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PARALLEL_DATA_BYTES)
    throw new InputError(file, `is ${bytes} bytes, more than the 5 GB Translate imports in one parallel data file`);
}

async function buildFromTranslation(
  input: PrepareInput,
  name: string,
  resource: ParallelDataReport['resource'],
): Promise<RunParallelData> {
  const { settings, target, log } = input;
  const baseCommit = await target.revParse(`refs/remotes/origin/${settings.targetBranch}`);
  if (baseCommit === undefined)
    throw new Error(
      `target-branch '${settings.targetBranch}' is not in the translation clone; cannot build parallel data`,
    );
  await mkdir(settings.workDirectory, { recursive: true });
  const scratch = await mkdtemp(path.join(settings.workDirectory, 'amts-pairs-'));
  try {
    const tree = await exportBook(input, baseCommit, scratch);
    const started = Date.now();
    const built = await buildTranslationPairs({
      layout: tree.layout,
      sourceLanguage: settings.sourceLanguage,
      targetLanguage: settings.targetLanguage,
      format: 'csv',
      jobs: defaultJobs(),
      ...(settings.pairsCacheDirectory === undefined ? {} : { cacheDirectory: settings.pairsCacheDirectory }),
      redrafted: await redraftedChapters(settings, tree, input.scope),
    });
    const { owner, name: repository } = settings.targetRepository;
    const report: ParallelDataReport = {
      name,
      mode: 'build',
      source: `${owner}/${repository}@${settings.targetBranch} (${baseCommit.slice(0, 12)})`,
      format: 'csv',
      pairs: built.pairs,
      chaptersAligned: built.chaptersAligned,
      chaptersFromCache: built.chaptersFromCache,
      chaptersSkipped: built.chaptersSkipped,
      dropped: built.dropped,
      bytes: Buffer.byteLength(built.text),
      sha256: sha256Hex(built.text),
      resource,
    };
    log.info(describeBuild(report, Date.now() - started));
    if (built.pairs === 0) {
      log.warning(
        `Parallel data: the translation gave no sentence pairs, so the batch job runs without Active Custom Translation`,
      );
      return { request: 'off', report: { ...report, resource: 'not-reported' } };
    }
    const file = path.join(settings.workDirectory, 'amts-parallel-data', `${name}.csv`);
    checkSize(built.text, file);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, built.text, 'utf8');
    return { request: { name, file }, report };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function describeBuild(report: ParallelDataReport, milliseconds: number): string {
  const dropped = Object.entries(report.dropped ?? {})
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  return (
    `Parallel data for "${report.name}" from ${report.source}: ${report.pairs ?? 0} sentence pairs from ` +
    `${report.chaptersAligned ?? 0} chapters (${report.chaptersFromCache ?? 0} from the cache), ` +
    `${report.chaptersSkipped?.length ?? 0} chapters skipped${dropped ? `; dropped: ${dropped}` : ''} ` +
    `(${(milliseconds / 1000).toFixed(1)} s)`
  );
}

interface ExportedBook {
  readonly layout: ChapterLayout;
  /** Reads the old English of a chapter (translation path) from the exported trees. */
  readonly oldEnglish: (chapter: string) => Promise<string | undefined>;
  /** Translation paths (relative to the target root) that are chapters, not origin files. */
  readonly chapters: readonly string[];
}

/** The chapters the sync looks at, in the same terms: Markdown under the include globs, not excluded, not `.amts/`. */
function chapterFilter(settings: ActionSettings, excluded: (file: string) => boolean): (file: string) => boolean {
  const include = picomatch([...settings.include]);
  return (file: string): boolean =>
    file.endsWith('.md') &&
    file.split('/')[0] !== '.github' &&
    !file.startsWith('.amts/') &&
    include(file) &&
    !excluded(file);
}

async function exportBook(input: PrepareInput, baseCommit: string, scratch: string): Promise<ExportedBook> {
  const { settings, target } = input;
  const targetRoot = path.join(scratch, 'target');
  await mkdir(targetRoot, { recursive: true });
  // .amts.yml and the state file are read from the base branch, as everything else.
  const statePath = settings.base.kind === 'state-file' ? settings.base.path.split(path.sep).join('/') : undefined;
  await exportTree(
    target.dir,
    baseCommit,
    targetRoot,
    (file) => file === '.amts.yml' || file.startsWith('.amts/') || file === statePath,
  );
  const excluded = excludedBy(await readTargetConfig(targetRoot));
  const isChapter = chapterFilter(settings, excluded);
  if (settings.base.kind === 'origin-suffix') {
    const ending = `${settings.base.suffix}.md`;
    const englishPathOf = (file: string): string =>
      file.endsWith(ending) ? `${file.slice(0, -ending.length)}.md` : file;
    const written = await exportTree(target.dir, baseCommit, targetRoot, (file) => isChapter(englishPathOf(file)));
    const chapters = written.filter((file) => !file.endsWith(ending));
    return {
      layout: { sourceRoot: targetRoot, targetRoot, originSuffix: settings.base.suffix },
      chapters,
      oldEnglish: (chapter) => readOptional(path.join(targetRoot, `${chapter.slice(0, -'.md'.length)}${ending}`)),
    };
  }
  const written = await exportTree(target.dir, baseCommit, targetRoot, isChapter);
  const stateFile = settings.base.path;
  const sourceCommit = await recordedSourceCommit(path.join(targetRoot, stateFile), stateFile);
  const sourceRoot = path.join(scratch, 'source');
  await mkdir(sourceRoot, { recursive: true });
  const prefix = (await sourceGitPrefix(settings.sourcePath)).replace(/\/$/u, '');
  const englishRoot = prefix ? path.join(sourceRoot, ...prefix.split('/')) : sourceRoot;
  await exportTree(settings.sourcePath, sourceCommit, sourceRoot, (file) => {
    if (prefix && !file.startsWith(`${prefix}/`)) return false;
    return isChapter(prefix ? file.slice(prefix.length + 1) : file);
  }).catch((error: unknown) => {
    throw new InputError(
      stateFile,
      `records source commit ${sourceCommit}, which the English checkout cannot read (fetch-depth: 0 in actions/checkout): ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return {
    layout: { sourceRoot: englishRoot, targetRoot },
    chapters: written,
    oldEnglish: (chapter) => readOptional(path.join(englishRoot, chapter)),
  };
}

async function sourceGitPrefix(sourcePath: string): Promise<string> {
  const { stdout } = await promisify(execFile)('git', ['-C', sourcePath, 'rev-parse', '--show-prefix']);
  return stdout.trim();
}

async function recordedSourceCommit(file: string, shown: string): Promise<string> {
  const text = await readOptional(file);
  if (text === undefined)
    throw new InputError(shown, 'is not on the target branch; the English of the translation is unknown');
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new InputError(shown, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const commit =
    typeof record === 'object' && record !== null && 'sourceCommit' in record ? record.sourceCommit : undefined;
  if (typeof commit !== 'string' || !/^[0-9a-f]{7,64}$/u.test(commit))
    throw new InputError(shown, 'has no sourceCommit naming the English commit the translation matches');
  return commit;
}

/** Chapters in this run's scope whose English changed: they contribute the sentences the sync keeps only. */
async function redraftedChapters(
  settings: ActionSettings,
  book: ExportedBook,
  scope: readonly string[] | undefined,
): Promise<Map<string, string>> {
  const inScope = scope === undefined ? undefined : new Set(scope);
  const redrafted = new Map<string, string>();
  for (const chapter of book.chapters) {
    if (inScope !== undefined && !inScope.has(chapter)) continue;
    const newEnglish = await readOptional(path.join(settings.sourcePath, chapter));
    if (newEnglish === undefined) continue;
    if ((await book.oldEnglish(chapter)) !== newEnglish) redrafted.set(chapter, newEnglish);
  }
  return redrafted;
}

async function readOptional(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return readFile(file, 'utf8');
}

/** The report once the engine opened: what it did to the resource, and the warning when the update failed. */
export function reportWithEngineOutcome(
  prepared: RunParallelData,
  use: ParallelDataUse | undefined,
  pricePerMillionUsd: number | undefined,
): ParallelDataReport | undefined {
  const report = prepared.report;
  if (report === undefined) return undefined;
  const price = pricePerMillionUsd === undefined ? {} : { pricePerMillionUsd };
  if (use === undefined || report.mode === 'existing' || prepared.request === 'off') return { ...report, ...price };
  return {
    ...report,
    ...price,
    resource: use.action === 'unchanged' ? 'reused' : use.action,
    records: { imported: use.importedRecordCount, failed: use.failedRecordCount, skipped: use.skippedRecordCount },
    ...(use.warning === undefined ? {} : { warning: use.warning }),
  };
}
