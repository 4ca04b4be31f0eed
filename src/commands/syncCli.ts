import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  ENGINE_FLAG_HELP,
  ENGINE_FLAG_OPTIONS,
  ENGINE_FLAGS_SYNOPSIS,
  engineFromFlags,
  planningEngineFromFlags,
} from '../engines/engineFlags.js';
import { structureSummary } from '../report/structureSummary.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { completeOutBook } from '../sync/completeOutBook.js';
import { refuseBookBeforeSync } from '../sync/refuseBook.js';
import { NEW_CHAPTERS, type BaseSpec, type NewChapters, type SyncReport } from '../sync/report.js';
import { syncBook } from '../sync/syncBook.js';
import { TARGET_CONFIG_FILE } from '../sync/targetConfig.js';
import { createParallelPreparer } from '../workers/syncPreparer.js';
import {
  jobsFlag,
  languageFlag,
  parseCommandArgs,
  requiredFlag,
  UsageError,
  type CliCommand,
  type CommandOutput,
} from './args.js';
import { renameDeprecatedFlags } from './deprecatedFlags.js';
import type { FlagHelpTable } from './flagHelp.js';

/** Where the old English comes from: the same flags for every command that reads a translation's old English. */
export const OLD_ENGLISH_OPTIONS = {
  'origin-suffix': { type: 'string' },
  base: { type: 'string' },
  'state-file': { type: 'string' },
  state: { type: 'string' },
} as const;

export const OLD_ENGLISH_FLAGS: FlagHelpTable<typeof OLD_ENGLISH_OPTIONS> = {
  'origin-suffix': {
    value: '<suffix>',
    description: 'Old English is <chapter><suffix>.md beside each translated chapter',
    default: '_origin, unless --base or --state-file',
  },
  base: {
    value: '<dir or git rev>',
    description: 'Old English from this directory or git revision of --source',
    default: 'none: origin files',
  },
  'state-file': {
    value: '<json>',
    description: 'Old English from the source commit recorded in this sync state file',
    default: 'none: origin files',
  },
  state: { value: '<json>', description: '', deprecatedFor: 'state-file' },
};

const OPTIONS = {
  ...ENGINE_FLAG_OPTIONS,
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  ...OLD_ENGLISH_OPTIONS,
  files: { type: 'string', multiple: true },
  'new-chapters': { type: 'string' },
  strict: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  report: { type: 'string' },
  out: { type: 'string' },
  'price-per-million': { type: 'string' },
  jobs: { type: 'string' },
} as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  source: { value: '<dir>', description: 'The new English book (required)' },
  target: { value: '<dir>', description: 'The translation to update, in place unless --out (required)' },
  from: { value: '<lang>', description: 'Language of the English, a code Amazon Translate accepts (required)' },
  to: {
    value: '<lang>',
    description: "Language of the translation; checked against the translation's own text (required)",
  },
  ...OLD_ENGLISH_FLAGS,
  files: { value: '<glob>', description: 'Sync only the chapters these globs match (repeatable)', default: '**/*.md' },
  'new-chapters': {
    value: '<draft|skip>',
    description: `English chapters the translation lacks: draft them whole or list them as skipped (${TARGET_CONFIG_FILE} exclude: globs leaves chapters out for good)`,
    default: 'draft',
  },
  strict: { description: 'Chapters without old English (index.md) are errors instead of skipped', default: 'off' },
  'dry-run': {
    description: 'Plan and estimate only: nothing is sent or written (AWS settings are still checked)',
    default: 'off',
  },
  report: { value: '<json>', description: 'Write the full report as JSON', default: 'none' },
  out: {
    value: '<dir>',
    description:
      'Write the complete synced book (unchanged chapters too) to this new or empty directory; --target is left as it was',
    default: 'update --target in place',
  },
  'price-per-million': {
    value: '<USD>',
    description: 'List price per million characters for the estimate',
    default: "the engine's: $15 standard, $60 with a parallel data resource (ACT), 0 offline",
  },
  jobs: { value: '<n>', description: 'Threads preparing chapters', default: 'every core' },
  ...ENGINE_FLAG_HELP,
};

export const syncCli: CliCommand = {
  name: 'sync',
  synopsis:
    'sync --source <new-English dir> --target <translation dir> --from <lang> --to <lang> ' +
    '[--origin-suffix _origin | --base <old-English dir or git rev> | --state-file <state.json>] [--files <glob>]... ' +
    '[--new-chapters draft|skip] [--strict] [--dry-run] [--report <json>] [--out <dir>] [--price-per-million USD] ' +
    `[--jobs <n>] ${ENGINE_FLAGS_SYNOPSIS}`,
  summary:
    'Updates a translation to its new English: human sentences whose English did not change are kept byte for byte, ' +
    'changed and new sentences are drafted. Chapters that never had old English are skipped and listed. ' +
    '--out writes the complete synced book elsewhere instead of in place.',
  flags: FLAGS,
  async run(args, output) {
    const log = (message: string): void => output.stderr(`amts sync: ${message}\n`);
    const values = renameDeprecatedFlags(parseCommandArgs(args, OPTIONS).values, FLAGS, log);
    const sourceDir = requiredFlag(values.source, '--source');
    const targetDir = requiredFlag(values.target, '--target');
    await requireDirectory(sourceDir, '--source');
    await requireDirectory(targetDir, '--target');
    const flagPrice = values['price-per-million'] === undefined ? undefined : Number(values['price-per-million']);
    if (flagPrice !== undefined && !(flagPrice >= 0))
      throw new UsageError('--price-per-million must be a number of dollars');
    const jobs = jobsFlag(values.jobs);
    const sourceLanguage = languageFlag(values.from, '--from');
    const targetLanguage = languageFlag(values.to, '--to');
    const newChapters = newChaptersFlag(values['new-chapters']);
    const dryRun = values['dry-run'] ?? false;
    if (values.out !== undefined) requireOutsideTarget(values.out, targetDir);
    const base = await baseOf(values, sourceDir);
    await refuseBookBeforeSync({ base, targetDir, targetLanguage });
    const engine = dryRun ? planningEngineFromFlags(values, { log }) : await engineFromFlags(values, { log });
    const price = flagPrice ?? engine.pricePerMillionUsd;
    // The sync writes into a fresh folder that becomes the complete book; --out receives it only when it is whole.
    const staging = values.out !== undefined && !dryRun ? await mkdtemp(join(tmpdir(), 'amts-sync-out-')) : undefined;
    let report: SyncReport;
    try {
      report = await syncBook(
        {
          sourceDir,
          targetDir,
          sourceLanguage,
          targetLanguage,
          base,
          ...(values.files ? { include: values.files } : {}),
          dryRun,
          newChapters,
          strict: values.strict ?? false,
        },
        engine,
        {
          ...(staging !== undefined ? { outDir: staging } : {}),
          pricePerMillionUsd: price,
          log,
          prepareChapters: createParallelPreparer(jobs, log),
        },
      );
      if (staging !== undefined && values.out !== undefined)
        await completeOutBook({ targetDir, staging, outDir: values.out, report, base });
    } finally {
      engine.close();
      if (staging !== undefined) await rm(staging, { recursive: true, force: true });
    }
    if (values.report !== undefined) await writeFileAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
    printSummary(report, output, dryRun ? undefined : values.out);
    return report.totals.filesWithErrors > 0 ? 1 : 0;
  },
};

function newChaptersFlag(value: string | undefined): NewChapters {
  if (value === undefined) return 'draft';
  const choice = NEW_CHAPTERS.find((candidate) => candidate === value);
  if (!choice) throw new UsageError(`--new-chapters must be one of ${NEW_CHAPTERS.join(', ')}, not '${value}'`);
  return choice;
}

export async function baseOf(
  values: { 'origin-suffix'?: string; base?: string; 'state-file'?: string },
  sourceDir: string,
): Promise<BaseSpec> {
  const chosen = [values['origin-suffix'], values.base, values['state-file']].filter((value) => value !== undefined);
  if (chosen.length > 1) throw new UsageError('choose one of --origin-suffix, --base and --state-file');
  if (values['state-file'] !== undefined) return { kind: 'state-file', path: resolve(values['state-file']) };
  if (values.base !== undefined) {
    const isDirectory = await stat(values.base).then(
      (info) => info.isDirectory(),
      () => false,
    );
    return isDirectory
      ? { kind: 'directory', path: values.base }
      : { kind: 'git-rev', repo: sourceDir, rev: values.base };
  }
  return { kind: 'origin-suffix', suffix: values['origin-suffix'] ?? '_origin' };
}

export async function requireDirectory(path: string, flag: string): Promise<void> {
  const isDirectory = await stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new UsageError(`${flag} ${path} is not a directory`);
}

/** `--out` receives a whole book, so it cannot be the translation or inside it. */
function requireOutsideTarget(out: string, targetDir: string): void {
  const inside = relative(resolve(targetDir), resolve(out));
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new UsageError(`--out ${out} is inside --target ${targetDir}: give a directory outside the translation`);
}

function printSummary(report: SyncReport, output: CommandOutput, out: string | undefined): void {
  const { totals } = report;
  const skipped = report.files.filter((file) => file.status === 'skipped');
  const lines = [
    `${report.dryRun ? 'Plan (dry run, nothing written)' : 'Synced'}: ${totals.files} files, ${totals.filesChanged} changed, ` +
      `${skipped.length} skipped, ${totals.filesWithErrors} with problems`,
    `  units kept ${totals.kept}, reused ${totals.reused}, drafted ${totals.drafted}, removed ${totals.removed}` +
      (totals.failed ? `, failed ${totals.failed}` : ''),
    `  characters ${report.dryRun ? 'to send' : 'sent'}: ${totals.charactersSent} (estimated $${totals.estimatedCostUsd.toFixed(2)})`,
  ];
  for (const file of report.files) {
    if (file.status === 'error') lines.push(`  error: ${file.path}: ${file.error ?? 'unknown problem'}`);
    else if (file.status === 'skipped') lines.push(`  skipped: ${file.path}: ${file.reason ?? 'no reason given'}`);
    else if (file.status !== 'unchanged') {
      const restyled = file.restyled?.length ?? 0;
      const structure = structureSummary(file.structureCounts);
      lines.push(
        `  ${file.status}: ${file.path} (kept ${file.kept}, reused ${file.reused}, drafted ${file.drafted}, removed ${file.removed}` +
          `${restyled > 0 ? `; ${restyled} with new slide markers, translation kept` : ''}` +
          `${structure ? `; ${structure}` : ''})`,
      );
    }
  }
  if (out !== undefined) lines.push(`  the complete synced book is in ${out}; the translation itself was not changed`);
  output.stdout(`${lines.join('\n')}\n`);
}
