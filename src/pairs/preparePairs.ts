/**
 * The part of `amts pairs` that runs before anything is parsed: read the glossary, the merged files and every
 * chapter, key the whole book, and answer from the cache's whole-book entry when it holds this book. It loads
 * neither the aligner nor the parallel data writer, so the CLI can try it before starting Node again for the
 * CPU-bound rest (src/bin.ts).
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { ParallelDataFormat } from '../paralleldata/types.js';
import { readTerminologyTable } from '../paralleldata/terminology.js';
import type { BookPairsOptions, Granularity, ReadBook } from './buildBookPairs.js';
import { readBook } from './buildBookPairs.js';
import { bookCacheKey, readBookEntry } from './bookCache.js';
import type { ChapterLayout } from './findChapterPairs.js';
import type { PairsReport } from './pairsReport.js';

export interface PairsCommandOptions {
  readonly layout: ChapterLayout;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly out: string;
  readonly format: ParallelDataFormat;
  readonly granularity: Granularity;
  /** The aligner's own default when absent. */
  readonly minConfidence?: number;
  /** Threads to use, the main thread included. */
  readonly jobs: number;
  /** A glossary such as d2l-zh's TERMINOLOGY.md, used as alignment evidence. */
  readonly glossaryPath?: string;
  /** The user's own parallel data files (CSV, TSV, TMX), merged in and preferred on conflicts. */
  readonly mergePaths?: readonly string[];
  readonly cacheDirectory?: string;
  readonly reportPath?: string;
}

/** A run read and keyed, ready to be answered from the cache or aligned. */
export interface PreparedPairsRun {
  readonly bookOptions: BookPairsOptions;
  readonly mergeFiles: readonly MergeFile[];
  readonly read: ReadBook;
  /** Set when a cache is used. */
  readonly bookKey?: string;
}

export async function preparePairsRun(options: PairsCommandOptions): Promise<PreparedPairsRun> {
  const bookOptions: BookPairsOptions = {
    layout: options.layout,
    align: {
      sourceLanguage: options.sourceLanguage,
      targetLanguage: options.targetLanguage,
      glossary: options.glossaryPath === undefined ? [] : await readGlossary(options.glossaryPath),
      ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
    },
    jobs: options.jobs,
    ...(options.cacheDirectory === undefined ? {} : { cacheDirectory: options.cacheDirectory }),
  };
  const mergeFiles = await readMergeFiles(options);
  const read = await readBook(bookOptions);
  const bookKey = wholeBookKey(read, options, mergeFiles);
  return { bookOptions, mergeFiles, read, ...(bookKey === undefined ? {} : { bookKey }) };
}

/** Writes the file and report from the whole-book entry when the cache holds this book; undefined otherwise. */
export async function answerFromBookCache(
  run: PreparedPairsRun,
  options: PairsCommandOptions,
): Promise<PairsReport | undefined> {
  if (run.bookKey === undefined || options.cacheDirectory === undefined) return undefined;
  const entry = await readBookEntry(options.cacheDirectory, run.bookKey);
  if (entry === undefined) return undefined;
  return finishPairs(options, entry.text, { ...entry.report, out: options.out });
}

/** Writes the parallel data file and, on request, the report. */
export async function finishPairs(
  options: PairsCommandOptions,
  text: string,
  report: PairsReport,
): Promise<PairsReport> {
  await writeFileAtomic(options.out, text);
  if (options.reportPath !== undefined)
    await writeFileAtomic(options.reportPath, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** The whole-book cache key, when a cache is used: chapter keys, paths, problems, output options, merged files. */
function wholeBookKey(
  read: ReadBook,
  options: PairsCommandOptions,
  mergeFiles: readonly MergeFile[],
): string | undefined {
  if (read.codeVersion === undefined) return undefined;
  return bookCacheKey({
    codeVersion: read.codeVersion,
    output: {
      format: options.format,
      granularity: options.granularity,
      minConfidence: options.minConfidence,
      sourceLanguage: options.sourceLanguage,
      targetLanguage: options.targetLanguage,
      targetRoot: options.layout.targetRoot,
    },
    chapters: read.chapters.map((chapter) => ({
      sourcePath: chapter.files.sourcePath,
      targetPath: chapter.files.targetPath,
      key: chapter.cacheKey ?? '',
    })),
    problems: read.problems,
    merged: mergeFiles,
  });
}

async function readGlossary(path: string): Promise<Array<{ source: string; target: string }>> {
  return readTerminologyTable(await readText(path, 'glossary'), path);
}

export interface MergeFile {
  readonly path: string;
  readonly text: string;
}

async function readMergeFiles(options: PairsCommandOptions): Promise<MergeFile[]> {
  return Promise.all(
    (options.mergePaths ?? []).map(async (path) => ({ path, text: await readText(path, 'parallel data file') })),
  );
}

async function readText(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => {
    throw new InputError(path, `cannot read the ${what}`);
  });
}
