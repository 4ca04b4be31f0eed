/**
 * Parallel data for one experiment configuration: the sentence or paragraph pairs of the training chapters (the
 * book minus the evaluated chapters), turned the way the direction needs, with every pair that shares a sentence
 * with an evaluated chapter removed, written as an Amazon Translate CSV and checked again after writing.
 */
import type { TextPair } from '../align/buildPairs.js';
import { readParallelData, writeParallelData, type SentencePair, type SkipReason } from '../paralleldata/index.js';
import type { BookChapter } from './book.js';
import type { SentenceIndex } from './leakage.js';

export const GRANULARITIES = ['paragraph', 'sentence'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface ExperimentDirection {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** True when translating the translation back into the original's language. */
  readonly reverse: boolean;
}

/** The evaluated chapters' sentences, by side of the book. */
export interface LeakageGuard {
  readonly origin: SentenceIndex;
  readonly translation: SentenceIndex;
}

export interface LeakageCheck {
  /** Pairs of the written file checked against the evaluated sentences. */
  readonly checkedPairs: number;
  /** Evaluated sentences on each side that were searched for. */
  readonly evaluatedSourceSentences: number;
  readonly evaluatedTargetSentences: number;
  /** Pairs of the written file containing an evaluated sentence: always 0, or building fails. */
  readonly violations: number;
}

export interface BuiltParallelData {
  readonly granularity: Granularity;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly csv: string;
  /** Pairs the aligner produced from the training chapters. */
  readonly aligned: number;
  /** Pairs removed because a side contains a sentence of an evaluated chapter. */
  readonly removedForLeakage: number;
  readonly written: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  readonly leakage: LeakageCheck;
}

export class LeakageError extends Error {
  constructor(
    readonly granularity: Granularity,
    readonly examples: readonly string[],
  ) {
    super(
      `The ${granularity} parallel data contains sentences of evaluated chapters: ${examples.slice(0, 3).join(' | ')}`,
    );
    this.name = 'LeakageError';
  }
}

export function buildParallelData(
  training: readonly BookChapter[],
  granularity: Granularity,
  direction: ExperimentDirection,
  guard: LeakageGuard,
): BuiltParallelData {
  const aligned = training.flatMap((chapter) => directedPairs(chapter, granularity, direction));
  const sourceIndex = direction.reverse ? guard.translation : guard.origin;
  const targetIndex = direction.reverse ? guard.origin : guard.translation;
  const clean = aligned.filter(
    (pair) => sourceIndex.find(pair.source) === undefined && targetIndex.find(pair.target) === undefined,
  );
  const languages = { sourceLanguage: direction.sourceLanguage, targetLanguage: direction.targetLanguage };
  const written = writeParallelData(clean, { ...languages, format: 'csv', segType: granularity });
  const leakage = checkLeakage(written.text, granularity, direction, sourceIndex, targetIndex);
  return {
    granularity,
    ...languages,
    csv: written.text,
    aligned: aligned.length,
    removedForLeakage: aligned.length - clean.length,
    written: written.written,
    skipped: written.skipped,
    leakage,
  };
}

function directedPairs(chapter: BookChapter, granularity: Granularity, direction: ExperimentDirection): SentencePair[] {
  const alignment = chapter.alignment();
  const pairs: readonly TextPair[] = granularity === 'sentence' ? alignment.pairs : alignment.paragraphPairs;
  return pairs.map((pair) => ({
    source: direction.reverse ? pair.target : pair.source,
    target: direction.reverse ? pair.source : pair.target,
    confidence: pair.confidence,
    origin: {
      file: direction.reverse ? chapter.translationPath : chapter.originPath,
      line: direction.reverse ? pair.targetLine : pair.sourceLine,
    },
  }));
}

/** Reads the written CSV back, as Translate would, and searches every field for an evaluated sentence. */
function checkLeakage(
  csv: string,
  granularity: Granularity,
  direction: ExperimentDirection,
  sourceIndex: SentenceIndex,
  targetIndex: SentenceIndex,
): LeakageCheck {
  const pairs = readParallelData(csv, `${granularity}.csv`, direction);
  const examples = pairs.flatMap((pair) => {
    const found = sourceIndex.find(pair.source) ?? targetIndex.find(pair.target);
    return found === undefined ? [] : [found];
  });
  if (examples.length > 0) throw new LeakageError(granularity, examples);
  return {
    checkedPairs: pairs.length,
    evaluatedSourceSentences: sourceIndex.sentences.length,
    evaluatedTargetSentences: targetIndex.sentences.length,
    violations: 0,
  };
}
