import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { markdownFilesUnder } from '../io/listMarkdownFiles.js';
import type { BaseSpec } from '../sync/report.js';
import { planBook, type ChapterPreparer } from '../sync/syncBook.js';
import { classifyChapters } from './classifyChapters.js';
import { readBehind } from './sourceHistory.js';
import { statusTotals } from './totals.js';
import type { BookStatus, CostEstimate } from './types.js';

export interface StatusOptions {
  /** The new English. */
  readonly sourceDir: string;
  /** The translation, only read. */
  readonly targetDir: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly base: BaseSpec;
  /** Globs of the chapters to look at (the action's `include`); default every `.md`. */
  readonly include?: readonly string[];
  /** US dollars per million characters, standard and with ACT. */
  readonly pricePerMillionUsd: CostEstimate;
}

export interface StatusSettings {
  /** Prepares chapters (in worker threads, from a cache); default one after another in this thread. */
  readonly prepareChapters?: ChapterPreparer;
  readonly targetOnlyTabs?: readonly string[];
  readonly log?: (message: string) => void;
}

/**
 * Where a translation stands against its new English, chapter by chapter. It plans exactly what a sync would (same
 * inputs, same refusals, translation memory applied) and sends and writes nothing.
 */
export async function bookStatus(options: StatusOptions, settings: StatusSettings = {}): Promise<BookStatus> {
  const syncOptions = {
    sourceDir: options.sourceDir,
    targetDir: options.targetDir,
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    base: options.base,
    ...(options.include ? { include: options.include } : {}),
    dryRun: true,
    newChapters: 'draft',
    strict: false,
  } as const;
  const [englishPaths, translatedPaths] = await Promise.all([
    bookPaths(options.sourceDir, options),
    bookPaths(options.targetDir, options),
  ]);
  // The git history is read while the chapters are planned.
  const history = readBehind({
    sourceDir: options.sourceDir,
    targetDir: options.targetDir,
    base: options.base,
    paths: translatedPaths,
  }).catch((error: unknown) => {
    settings.log?.(`cannot read the English's git history, so no commits behind: ${String(error)}`);
    return undefined;
  });
  const plan = await planBook(
    syncOptions,
    {
      ...(settings.prepareChapters ? { prepareChapters: settings.prepareChapters } : {}),
      ...(settings.targetOnlyTabs ? { targetOnlyTabs: settings.targetOnlyTabs } : {}),
      ...(settings.log ? { log: settings.log } : {}),
    },
    true,
  );
  const behind = await history;
  const chapters = classifyChapters({
    plan,
    englishPaths,
    translatedPaths,
    sourceLanguage: options.sourceLanguage,
    pricePerMillionUsd: options.pricePerMillionUsd,
    ...(behind ? { behind } : {}),
  });
  return {
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    oldEnglish: plan.oldEnglish.description,
    pricePerMillionUsd: options.pricePerMillionUsd,
    chapters,
    totals: statusTotals(chapters),
  };
}

/** Chapters of one side, as a sync lists them: `.md` under the include globs, origin files and `.amts/` aside. */
async function bookPaths(root: string, options: StatusOptions): Promise<string[]> {
  const include = picomatch(options.include && options.include.length > 0 ? [...options.include] : ['**/*.md']);
  const suffix = options.base.kind === 'origin-suffix' ? `${options.base.suffix}.md` : undefined;
  return (await markdownFilesUnder(root))
    .map((path) => relative(root, path).split(sep).join('/'))
    .filter((path) => include(path) && !path.startsWith('.amts/') && (suffix === undefined || !path.endsWith(suffix)));
}
