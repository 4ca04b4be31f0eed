/**
 * `amts pairs` without the command line: aligns a book with its translation, merges the user's own parallel
 * data, writes an Amazon Translate parallel data file and, on request, a JSON report.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { ParallelDataFormat, SentencePair, SkipReason } from '../paralleldata/index.js';
import { mergeParallelData, readParallelData, readTerminologyTable, writeParallelData } from '../paralleldata/index.js';
import type { BookPairs, Granularity } from './buildBookPairs.js';
import type { ReadBook } from './buildBookPairs.js';
import { alignBook, readBook, selectPairs } from './buildBookPairs.js';
import { bookCacheKey, readBookEntry, rerunReport, writeBookEntry } from './bookCache.js';
import type { ChapterLayout } from './findChapterPairs.js';
import type { FileReport, PairsReport } from './pairsReport.js';
import { addCounts, confidenceHistogram, totalBeadsByShape } from './pairsReport.js';
import type { ChapterAlignOptions } from './types.js';

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

export async function runPairs(options: PairsCommandOptions): Promise<PairsReport> {
  const align: ChapterAlignOptions = {
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    glossary: options.glossaryPath === undefined ? [] : await readGlossary(options.glossaryPath),
    ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
  };
  const mergeFiles = await readMergeFiles(options);
  const userPairs = parseUserPairs(mergeFiles, options);
  const bookOptions = {
    layout: options.layout,
    align,
    jobs: options.jobs,
    ...(options.cacheDirectory === undefined ? {} : { cacheDirectory: options.cacheDirectory }),
  };
  const read = await readBook(bookOptions);
  const bookKey = wholeBookKey(read, options, mergeFiles);
  if (bookKey !== undefined && options.cacheDirectory !== undefined) {
    const entry = await readBookEntry(options.cacheDirectory, bookKey);
    if (entry !== undefined) return finish(options, entry.text, { ...entry.report, out: options.out });
  }
  const book = await alignBook(read, bookOptions);
  const files: FileReport[] = [];
  const built: SentencePair[] = [];
  for (const chapter of book.chapters) {
    const selected = selectPairs(chapter, options.granularity);
    built.push(...selected);
    files.push({
      file: chapter.files.targetPath,
      source: chapter.files.sourcePath,
      pairs: selected.length,
      droppedLowConfidence: chapter.alignment.droppedLowConfidence,
      unalignedSourceSentences: chapter.alignment.unalignedSourceSentences,
      unalignedTargetSentences: chapter.alignment.unalignedTargetSentences,
      fromCache: chapter.fromCache,
    });
  }
  const merged = userPairs.length === 0 ? { pairs: built, skipped: {} } : mergeParallelData(built, userPairs);
  if (merged.pairs.length === 0) throw new InputError(options.layout.targetRoot, noPairsProblem(book));
  const written = writeParallelData(merged.pairs, {
    format: options.format,
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    segType: options.granularity,
  });
  const droppedLowConfidence = files.reduce((sum, file) => sum + file.droppedLowConfidence, 0);
  const report: PairsReport = {
    out: options.out,
    format: options.format,
    granularity: options.granularity,
    ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
    pairsWritten: written.written,
    chaptersAligned: book.chapters.length,
    userPairs: userPairs.length,
    beadsByShape: totalBeadsByShape(book.chapters),
    skipped: addCounts<SkipReason | 'low-confidence'>(
      { 'low-confidence': droppedLowConfidence },
      written.skipped,
      merged.skipped,
    ),
    rewritten: written.rewritten,
    confidenceHistogram: confidenceHistogram(book.chapters, options.granularity),
    files,
    problems: book.problems,
    ...(book.cache === undefined ? {} : { cache: book.cache }),
    ...(book.pool === undefined ? {} : { workers: book.pool }),
  };
  if (bookKey === undefined || options.cacheDirectory === undefined || book.cache === undefined)
    return finish(options, written.text, report);
  const entry = { text: written.text, report: rerunReport(report, read.chapters.length) };
  const failure = await writeBookEntry(options.cacheDirectory, bookKey, entry);
  const cache =
    failure === undefined ? book.cache : { ...book.cache, writeFailures: [...book.cache.writeFailures, failure] };
  return finish(options, written.text, { ...report, cache });
}

/** Writes the parallel data file and, on request, the report. */
async function finish(options: PairsCommandOptions, text: string, report: PairsReport): Promise<PairsReport> {
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

interface MergeFile {
  readonly path: string;
  readonly text: string;
}

async function readMergeFiles(options: PairsCommandOptions): Promise<MergeFile[]> {
  return Promise.all(
    (options.mergePaths ?? []).map(async (path) => ({ path, text: await readText(path, 'parallel data file') })),
  );
}

function parseUserPairs(files: readonly MergeFile[], options: PairsCommandOptions): SentencePair[] {
  const languages = { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
  return files.flatMap((file) => readParallelData(file.text, file.path, languages));
}

async function readText(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => {
    throw new InputError(path, `cannot read the ${what}`);
  });
}

/**
 * Why a book gave no pair at all, in one line: a parallel data file with only its header would import as an empty
 * resource, so nothing is written. Most often the English is missing: no origin files and no --source.
 */
function noPairsProblem(book: BookPairs): string {
  const first = book.problems[0];
  const example = first === undefined ? '' : ` (first: ${first.file}: ${first.message})`;
  if (book.chapters.length === 0 && book.problems.every((problem) => problem.kind === 'missing-counterpart'))
    return (
      `no sentence pairs, nothing written: none of its ${book.problems.length} translations has its English${example}; ` +
      'give the English book with --source <dir>, or --origin-suffix <suffix> for origin files beside the translations'
    );
  return `no sentence pairs, nothing written: ${book.chapters.length} chapters aligned, ${book.problems.length} gave no pairs${example}`;
}
