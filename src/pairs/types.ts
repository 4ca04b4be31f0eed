/**
 * What `amts pairs` passes between its stages: chapter tasks go to a worker (or run in-process), outcomes come
 * back and are cached as JSON, so everything here must survive structured cloning and JSON unchanged.
 */
import type { TextPair } from '../align/buildPairs.js';
import type { GlossaryEntry } from '../align/glossary.js';

/** Options that change a chapter's alignment; all of them are part of the cache key. */
export interface ChapterAlignOptions {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly glossary: readonly GlossaryEntry[];
  /** Pairs below this confidence are dropped; the aligner's own default when absent. */
  readonly minConfidence?: number;
}

/** One English chapter and its translation, read and decoded, ready to parse. */
export interface ChapterTask {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly sourceText: string;
  readonly targetText: string;
  readonly options: ChapterAlignOptions;
}

/** A chapter's pairs at both granularities, with the aligner's counts. */
export interface ChapterAlignment {
  readonly pairs: readonly TextPair[];
  readonly paragraphPairs: readonly TextPair[];
  readonly beadsByShape: Readonly<Record<string, number>>;
  /** Two-sided sentence beads under the confidence threshold. */
  readonly droppedLowConfidence: number;
  readonly unalignedSourceSentences: number;
  readonly unalignedTargetSentences: number;
}

export const PROBLEM_KINDS = [
  'missing-counterpart',
  'unreadable',
  'empty',
  'wrong-language',
  'parse-error',
  'align-error',
] as const;

/** Why a file gave no pairs. */
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** A file the run could not use; the run goes on with the others. */
export interface FileProblem {
  readonly file: string;
  readonly kind: ProblemKind;
  readonly message: string;
}

export type ChapterOutcome =
  { readonly ok: true; readonly alignment: ChapterAlignment } | { readonly ok: false; readonly problem: FileProblem };
