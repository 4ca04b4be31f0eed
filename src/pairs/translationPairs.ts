/**
 * The parallel data of a translation as it stands: every chapter aligned with the English it was made from, by
 * the same aligner, screen and writer as `amts pairs`, into one file in memory. Chapters a run is about to
 * re-draft keep only the pairs whose English the new English still has word for word: the sentences the sync
 * keeps. A pair whose English is being rewritten would teach Active Custom Translation the old wording for the
 * very sentence it is asked to translate anew.
 */
import path from 'node:path';
import type { ParallelDataFormat, SentencePair, SkipReason } from '../paralleldata/index.js';
import { writeParallelData } from '../paralleldata/index.js';
import { buildBookPairs, selectPairs } from './buildBookPairs.js';
import type { ChapterLayout } from './findChapterPairs.js';
import { addCounts } from './pairsReport.js';

export interface TranslationPairsOptions {
  readonly layout: ChapterLayout;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly format: ParallelDataFormat;
  /** Threads to use, the main thread included. */
  readonly jobs: number;
  readonly cacheDirectory?: string;
  /** Chapters the run re-drafts (translation path relative to the target root, `/` separators) → their new English. */
  readonly redrafted?: ReadonlyMap<string, string>;
}

/** Why a pair built from a chapter is not in the file. */
export type DropReason = SkipReason | 'low-confidence' | 're-drafted';

export interface SkippedChapter {
  /** Relative to the root of its tree, `/` separators. */
  readonly file: string;
  readonly reason: string;
}

export interface TranslationPairs {
  readonly text: string;
  readonly pairs: number;
  readonly chaptersAligned: number;
  readonly chaptersFromCache: number;
  readonly chaptersSkipped: readonly SkippedChapter[];
  readonly dropped: Readonly<Partial<Record<DropReason, number>>>;
}

/** Runs of white space as one space: how a folded pair and its chapter's Markdown are compared. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export async function buildTranslationPairs(options: TranslationPairsOptions): Promise<TranslationPairs> {
  const book = await buildBookPairs({
    layout: options.layout,
    align: { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage, glossary: [] },
    jobs: options.jobs,
    ...(options.cacheDirectory === undefined ? {} : { cacheDirectory: options.cacheDirectory }),
  });
  const kept: SentencePair[] = [];
  let redrafted = 0;
  let lowConfidence = 0;
  for (const chapter of book.chapters) {
    lowConfidence += chapter.alignment.droppedLowConfidence;
    const newEnglish = options.redrafted?.get(chapter.files.name);
    const stillThere = newEnglish === undefined ? undefined : squeeze(newEnglish);
    for (const pair of selectPairs(chapter, 'sentence')) {
      if (stillThere !== undefined && !stillThere.includes(squeeze(pair.source))) redrafted += 1;
      else kept.push(pair);
    }
  }
  const written = writeParallelData(kept, {
    format: options.format,
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    segType: 'sentence',
  });
  const dropped = Object.fromEntries(
    Object.entries(
      addCounts<DropReason>({ 'low-confidence': lowConfidence, 're-drafted': redrafted }, written.skipped),
    ).filter(([, count]) => count > 0),
  );
  const roots = [options.layout.targetRoot, options.layout.sourceRoot];
  return {
    text: written.text,
    pairs: written.written,
    chaptersAligned: book.chapters.length,
    chaptersFromCache: book.chapters.filter((chapter) => chapter.fromCache).length,
    chaptersSkipped: book.problems.map((problem) => ({
      file: relativeToRoots(problem.file, roots),
      reason: roots.reduce((message, root) => message.split(`${root}${path.sep}`).join(''), problem.message),
    })),
    dropped,
  };
}

function relativeToRoots(file: string, roots: readonly string[]): string {
  for (const root of roots) {
    const relative = path.relative(root, file);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  }
  return file;
}
