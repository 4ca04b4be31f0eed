/**
 * Aligns every chapter of a book with its translation: find the chapter pairs, read them, take what the cache
 * holds, align the rest on all cores, and cache the new alignments.
 */
import type { SentencePair } from '../paralleldata/index.js';
import { describeError, InputError } from '../errors.js';
import { readMarkdownFile } from '../markdown/readMarkdownFile.js';
import type { PoolStats } from '../workers/pool.js';
import type { ChapterFiles, ChapterLayout } from './findChapterPairs.js';
import { findChapterPairs } from './findChapterPairs.js';
import type { PairsCache } from './pairsCache.js';
import { chapterCacheKey, openPairsCache, pairsCodeVersion } from './pairsCache.js';
import type { ChapterAlignment, ChapterAlignOptions, ChapterTask, FileProblem } from './types.js';

export interface BookPairsOptions {
  readonly layout: ChapterLayout;
  readonly align: ChapterAlignOptions;
  /** Threads to use, the main thread included. */
  readonly jobs: number;
  readonly cacheDirectory?: string;
}

export interface AlignedChapter {
  readonly files: ChapterFiles;
  readonly alignment: ChapterAlignment;
  readonly fromCache: boolean;
}

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Entries that could not be written; the run still succeeds. */
  readonly writeFailures: readonly string[];
}

export interface BookPairs {
  /** In chapter name order. */
  readonly chapters: AlignedChapter[];
  /** One per file that gave no pairs, in file order. */
  readonly problems: FileProblem[];
  readonly cache?: CacheStats;
  readonly pool?: PoolStats;
}

export interface ReadChapter {
  readonly files: ChapterFiles;
  readonly task: ChapterTask;
  readonly cacheKey?: string;
}

/** A book's chapters read from disk, before anything is parsed: what the cache keys are made of. */
export interface ReadBook {
  /** In the order the files were found. */
  readonly chapters: readonly ReadChapter[];
  /** Translations without their English, and files that could not be read. */
  readonly problems: readonly FileProblem[];
  /** The aligner's code version, when a cache is used. */
  readonly codeVersion?: string;
}

export async function buildBookPairs(options: BookPairsOptions): Promise<BookPairs> {
  return alignBook(await readBook(options), options);
}

export async function readBook(options: BookPairsOptions): Promise<ReadBook> {
  const search = await findChapterPairs(options.layout);
  const problems = [...search.problems];
  const chapters: ReadChapter[] = [];
  const codeVersion = options.cacheDirectory === undefined ? undefined : await pairsCodeVersion();
  for (const read of await Promise.all(search.chapters.map((files) => readChapter(files, options.align)))) {
    if ('problem' in read) problems.push(read.problem);
    else
      chapters.push(
        codeVersion === undefined ? read : { ...read, cacheKey: chapterCacheKey({ codeVersion, ...read.task }) },
      );
  }
  return { chapters, problems, ...(codeVersion === undefined ? {} : { codeVersion }) };
}

/** Takes what the cache holds and aligns the rest on all cores; the aligner loads only when a chapter needs it. */
export async function alignBook(book: ReadBook, options: BookPairsOptions): Promise<BookPairs> {
  const problems = [...book.problems];
  const readable = book.chapters;
  const cache = options.cacheDirectory === undefined ? undefined : openPairsCache(options.cacheDirectory);
  const cached = await Promise.all(readable.map((chapter) => lookUp(cache, chapter.cacheKey)));
  const chapters: AlignedChapter[] = [];
  const misses: ReadChapter[] = [];
  readable.forEach((chapter, index) => {
    const alignment = cached[index];
    if (alignment === undefined) misses.push(chapter);
    else chapters.push({ files: chapter.files, alignment, fromCache: true });
  });
  const cacheWrites: Array<Promise<string | undefined>> = [];
  const pool =
    misses.length === 0
      ? undefined
      : await (
          await import('../workers/pool.js')
        ).runInWorkers(
          'align-chapter',
          misses.map((chapter) => chapter.task),
          {
            jobs: options.jobs,
            onOutcome(index, outcome) {
              const chapter = misses[index] as ReadChapter;
              if (!outcome.ok) {
                problems.push(outcome.problem);
                return;
              }
              chapters.push({ files: chapter.files, alignment: outcome.alignment, fromCache: false });
              if (cache !== undefined && chapter.cacheKey !== undefined) {
                cacheWrites.push(store(cache, chapter.cacheKey, outcome.alignment));
              }
            },
          },
        );
  const writeFailures = (await Promise.all(cacheWrites)).filter((failure) => failure !== undefined);
  chapters.sort((a, b) => compareText(a.files.name, b.files.name));
  problems.sort((a, b) => compareText(a.file, b.file));
  return {
    chapters,
    problems,
    ...(cache === undefined
      ? {}
      : { cache: { hits: readable.length - misses.length, misses: misses.length, writeFailures } }),
    ...(pool === undefined ? {} : { pool: pool.stats }),
  };
}

async function readChapter(
  files: ChapterFiles,
  options: ChapterAlignOptions,
): Promise<ReadChapter | { problem: FileProblem }> {
  const source = await readSide(files.sourcePath);
  if (typeof source !== 'string') return source;
  const target = await readSide(files.targetPath);
  if (typeof target !== 'string') return target;
  const task = {
    sourcePath: files.sourcePath,
    targetPath: files.targetPath,
    sourceText: source,
    targetText: target,
    options,
  };
  return { files, task };
}

async function readSide(path: string): Promise<string | { problem: FileProblem }> {
  try {
    const text = await readMarkdownFile(path);
    if (text.trim() === '') return { problem: { file: path, kind: 'empty', message: 'is empty' } };
    return text;
  } catch (error) {
    const message = error instanceof InputError ? error.problem : describeError(error);
    return { problem: { file: path, kind: 'unreadable', message } };
  }
}

async function lookUp(cache: PairsCache | undefined, key: string | undefined): Promise<ChapterAlignment | undefined> {
  return cache === undefined || key === undefined ? undefined : cache.get(key);
}

/** A cache that cannot be written costs the next run time, not this run its output. */
async function store(cache: PairsCache, key: string, alignment: ChapterAlignment): Promise<string | undefined> {
  try {
    await cache.set(key, alignment);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Granularity = 'sentence' | 'paragraph';

/** The pairs of one chapter at the wanted granularity, as parallel data pairs that remember where they came from. */
export function selectPairs(chapter: AlignedChapter, granularity: Granularity): SentencePair[] {
  const aligned = granularity === 'sentence' ? chapter.alignment.pairs : chapter.alignment.paragraphPairs;
  return aligned.map((pair) => ({
    source: pair.source,
    target: pair.target,
    confidence: pair.confidence,
    origin: { file: chapter.files.targetPath, line: pair.targetLine },
  }));
}
