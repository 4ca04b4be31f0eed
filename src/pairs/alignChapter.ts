/**
 * The work of one chapter, wherever it runs (a worker thread or the main thread): parse both files once, make
 * sure each is prose in the language it should be, and align them keeping every bead.
 */
import { alignDocuments } from '../align/buildPairs.js';
import { describeError, InputError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import type { ParsedDocument } from '../markdown/types.js';
import { proseLetters, wrongLanguage } from './checkLanguage.js';
import type { ChapterOutcome, ChapterTask, FileProblem } from './types.js';

export type ParseFunction = (text: string, path: string) => ParsedDocument;

export function alignChapter(task: ChapterTask, parse: ParseFunction = parseMarkdown): ChapterOutcome {
  const source = parseSide(task.sourceText, task.sourcePath, task.options.sourceLanguage, parse);
  if (!source.ok) return source;
  const target = parseSide(task.targetText, task.targetPath, task.options.targetLanguage, parse);
  if (!target.ok) return target;
  try {
    const result = alignDocuments(source.document, target.document, task.options);
    return {
      ok: true,
      alignment: {
        pairs: result.pairs,
        paragraphPairs: result.paragraphPairs,
        beadsByShape: result.stats.beadsByShape,
        droppedLowConfidence: result.stats.droppedLowConfidence,
        unalignedSourceSentences: result.stats.unalignedSourceSentences,
        unalignedTargetSentences: result.stats.unalignedTargetSentences,
      },
    };
  } catch (error) {
    return failure(
      task.targetPath,
      'align-error',
      `cannot be aligned with ${task.sourcePath}: ${describeError(error)}`,
    );
  }
}

type SideResult =
  { readonly ok: true; readonly document: ParsedDocument } | { readonly ok: false; readonly problem: FileProblem };

function parseSide(text: string, path: string, language: string, parse: ParseFunction): SideResult {
  let document: ParsedDocument;
  try {
    document = parse(text, path);
  } catch (error) {
    return failure(path, 'parse-error', `cannot be parsed: ${parseFailure(error)}`);
  }
  const letters = proseLetters(document);
  if (letters.cjk + letters.latin === 0) return failure(path, 'empty', 'has no prose to align');
  const wrong = wrongLanguage(letters, language);
  return wrong === undefined ? { ok: true, document } : failure(path, 'wrong-language', wrong);
}

function failure(file: string, kind: FileProblem['kind'], message: string): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { file, kind, message } };
}

/** InputError already names the file, which the problem line names too. */
function parseFailure(error: unknown): string {
  if (!(error instanceof InputError)) return describeError(error);
  return error.line === undefined ? error.problem : `line ${error.line}: ${error.problem}`;
}
