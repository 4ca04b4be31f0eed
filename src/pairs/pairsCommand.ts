/**
 * `amts pairs` without the command line: aligns a book with its translation, merges the user's own parallel
 * data, writes an Amazon Translate parallel data file and, on request, a JSON report.
 */
import { InputError } from '../errors.js';
import type { SentencePair, SkipReason } from '../paralleldata/index.js';
import { mergeParallelData, readParallelData, writeParallelData } from '../paralleldata/index.js';
import type { BookPairs } from './buildBookPairs.js';
import { alignBook, selectPairs } from './buildBookPairs.js';
import { rerunReport, writeBookEntry } from './bookCache.js';
import type { FileReport, PairsReport } from './pairsReport.js';
import { addCounts, confidenceHistogram, totalBeadsByShape } from './pairsReport.js';
import type { MergeFile, PairsCommandOptions } from './preparePairs.js';
import { answerFromBookCache, finishPairs, preparePairsRun } from './preparePairs.js';

export type { PairsCommandOptions } from './preparePairs.js';

export async function runPairs(options: PairsCommandOptions): Promise<PairsReport> {
  const run = await preparePairsRun(options);
  const userPairs = parseUserPairs(run.mergeFiles, options);
  const answered = await answerFromBookCache(run, options);
  if (answered !== undefined) return answered;
  const { read, bookKey } = run;
  const book = await alignBook(read, run.bookOptions);
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
    return finishPairs(options, written.text, report);
  const entry = { text: written.text, report: rerunReport(report, read.chapters.length) };
  const failure = await writeBookEntry(options.cacheDirectory, bookKey, entry);
  const cache =
    failure === undefined ? book.cache : { ...book.cache, writeFailures: [...book.cache.writeFailures, failure] };
  return finishPairs(options, written.text, { ...report, cache });
}

function parseUserPairs(files: readonly MergeFile[], options: PairsCommandOptions): SentencePair[] {
  const languages = { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
  return files.flatMap((file) => readParallelData(file.text, file.path, languages));
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
