/** One example translation: Markdown source text of a sentence and of its translation. */
export interface SentencePair {
  source: string;
  target: string;
  /** Alignment confidence in [0, 1]; user-supplied pairs count as 1. */
  confidence: number;
  /** Where the pair came from, for error messages and reports. */
  origin?: { file: string; line: number };
}

export type ParallelDataFormat = 'csv' | 'tsv' | 'tmx';

/** TMX `segtype`: whether pairs hold single sentences or whole paragraphs. */
export type SegmentType = 'sentence' | 'paragraph';

export interface LanguagePair {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

export const SKIP_REASONS = [
  'empty',
  'control-character',
  'identical',
  'no-text',
  'formula-prefix',
  'too-long',
  'duplicate',
] as const;

/** Why a pair was left out of a parallel data file. */
export type SkipReason = (typeof SKIP_REASONS)[number];

export const REWRITE_REASONS = ['line-break', 'tab'] as const;

/** Why a pair was written with a field changed. */
export type RewriteReason = (typeof REWRITE_REASONS)[number];

export function zeroCounts<Reason extends string>(reasons: readonly Reason[]): Record<Reason, number> {
  return Object.fromEntries(reasons.map((reason) => [reason, 0])) as Record<Reason, number>;
}
