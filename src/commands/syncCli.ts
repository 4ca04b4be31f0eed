import { stat } from 'node:fs/promises';
import { structureSummary } from '../report/structureSummary.js';
import { resolve } from 'node:path';
import { ENGINE_FLAG_OPTIONS, ENGINE_FLAGS_SYNOPSIS, engineFromFlags } from '../engines/engineFlags.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { BaseSpec, SyncReport } from '../sync/report.js';
import { syncBook } from '../sync/syncBook.js';
import { createParallelPreparer } from '../workers/syncPreparer.js';
import { jobsFlag, parseCommandArgs, requiredFlag, UsageError, type CliCommand, type CommandOutput } from './args.js';

const OPTIONS = {
  ...ENGINE_FLAG_OPTIONS,
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'origin-suffix': { type: 'string' },
  base: { type: 'string' },
  state: { type: 'string' },
  files: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  report: { type: 'string' },
  out: { type: 'string' },
  'price-per-million': { type: 'string' },
  jobs: { type: 'string' },
} as const;

export const syncCli: CliCommand = {
  name: 'sync',
  synopsis:
    'sync --source <new-English dir> --target <translation dir> --from <lang> --to <lang> ' +
    '[--origin-suffix _origin | --base <old-English dir or git rev> | --state <state.json>] [--files <glob>]... ' +
    `[--dry-run] [--report <json>] [--out <dir>] [--price-per-million USD] [--jobs <n>] ${ENGINE_FLAGS_SYNOPSIS}`,
  summary:
    'Updates a translation to its new English: human sentences whose English did not change are kept byte for byte, ' +
    'changed and new sentences are drafted. --out writes the result elsewhere instead of in place.',
  async run(args, output) {
    const { values } = parseCommandArgs(args, OPTIONS);
    const sourceDir = requiredFlag(values.source, '--source');
    const targetDir = requiredFlag(values.target, '--target');
    await requireDirectory(sourceDir, '--source');
    await requireDirectory(targetDir, '--target');
    const flagPrice = values['price-per-million'] === undefined ? undefined : Number(values['price-per-million']);
    if (flagPrice !== undefined && !(flagPrice >= 0))
      throw new UsageError('--price-per-million must be a number of dollars');
    const jobs = jobsFlag(values.jobs);
    const log = (message: string): void => output.stderr(`amts sync: ${message}\n`);
    const sourceLanguage = requiredFlag(values.from, '--from');
    const targetLanguage = requiredFlag(values.to, '--to');
    const base = await baseOf(values, sourceDir);
    const engine = await engineFromFlags(values, { log });
    const price = flagPrice ?? engine.pricePerMillionUsd;
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
          dryRun: values['dry-run'] ?? false,
        },
        engine,
        {
          ...(values.out !== undefined ? { outDir: values.out } : {}),
          pricePerMillionUsd: price,
          log,
          prepareChapters: createParallelPreparer(jobs, log),
        },
      );
    } finally {
      engine.close();
    }
    if (values.report !== undefined) await writeFileAtomic(values.report, `${JSON.stringify(report, null, 2)}\n`);
    printSummary(report, output);
    return report.totals.filesWithErrors > 0 ? 1 : 0;
  },
};

async function baseOf(
  values: { 'origin-suffix'?: string; base?: string; state?: string },
  sourceDir: string,
): Promise<BaseSpec> {
  const chosen = [values['origin-suffix'], values.base, values.state].filter((value) => value !== undefined);
  if (chosen.length > 1) throw new UsageError('choose one of --origin-suffix, --base and --state');
  if (values.state !== undefined) return { kind: 'state-file', path: resolve(values.state) };
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

async function requireDirectory(path: string, flag: string): Promise<void> {
  const isDirectory = await stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new UsageError(`${flag} ${path} is not a directory`);
}

function printSummary(report: SyncReport, output: CommandOutput): void {
  const { totals } = report;
  const lines = [
    `${report.dryRun ? 'Plan (dry run, nothing written)' : 'Synced'}: ${totals.files} files, ${totals.filesChanged} changed, ${totals.filesWithErrors} with problems`,
    `  units kept ${totals.kept}, reused ${totals.reused}, drafted ${totals.drafted}, removed ${totals.removed}` +
      (totals.failed ? `, failed ${totals.failed}` : ''),
    `  characters ${report.dryRun ? 'to send' : 'sent'}: ${totals.charactersSent} (estimated $${totals.estimatedCostUsd.toFixed(2)})`,
  ];
  for (const file of report.files) {
    if (file.status === 'error') lines.push(`  error: ${file.path}: ${file.error ?? 'unknown problem'}`);
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
  output.stdout(`${lines.join('\n')}\n`);
}
