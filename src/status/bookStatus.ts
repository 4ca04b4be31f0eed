import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { markdownFilesUnder } from '../io/listMarkdownFiles.js';
import type { SyncOptions } from '../sync/report.js';
import { planBook, type ChapterPreparer } from '../sync/syncBook.js';
import { prepareChapter } from '../sync/prepareChapter.js';
import { classifyChapters } from './classifyChapters.js';
import { cachedNewChapterCounts, type NewChapterCounts } from './newChapterCounts.js';
import { cachingPreparer, openJsonCache } from './planCache.js';
import { readBehind } from './sourceHistory.js';
import { statusTotals } from './totals.js';
import type { BookStatus, CostEstimate } from './types.js';

export type StatusOptions = Pick<
  SyncOptions,
  'sourceDir' | 'targetDir' | 'sourceLanguage' | 'targetLanguage' | 'base' | 'include'
> & {
  /** US dollars per million characters, standard and with ACT. */
  readonly pricePerMillionUsd: CostEstimate;
};

export interface StatusSettings {
  /** Prepares chapters (in worker threads); default one after another in this thread. */
  readonly prepareChapters?: ChapterPreparer;
  /** Keep chapter plans here (see planCache.ts); default none. */
  readonly cacheDirectory?: string;
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
  const cache = settings.cacheDirectory === undefined ? undefined : openJsonCache(settings.cacheDirectory);
  const prepare = settings.prepareChapters ?? ((tasks) => Promise.resolve(tasks.map(prepareChapter)));
  const plan = await planBook(
    syncOptions,
    {
      prepareChapters: cache ? cachingPreparer(prepare, cache) : prepare,
      skipNewChapterParsing: true,
      skipUnchangedChapters: true,
      ...(settings.targetOnlyTabs ? { targetOnlyTabs: settings.targetOnlyTabs } : {}),
      ...(settings.log ? { log: settings.log } : {}),
    },
    true,
  );
  const newChapters = new Map<string, NewChapterCounts>();
  for (const chapter of plan.chapters)
    if (chapter.kind === 'new')
      newChapters.set(
        chapter.path,
        await cachedNewChapterCounts(
          chapter.newText,
          join(options.sourceDir, chapter.path),
          options.sourceLanguage,
          cache,
        ),
      );
  const behind = await history;
  const chapters = classifyChapters({
    plan,
    englishPaths,
    translatedPaths,
    sourceLanguage: options.sourceLanguage,
    pricePerMillionUsd: options.pricePerMillionUsd,
    newChapters,
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
