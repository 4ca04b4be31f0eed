import { applyRules, CONTENT_RULES, emptyScreenResult, keepBestPerSource } from './screen.js';
import type { SentencePair, SkipReason } from './types.js';

/** A pair from a user's own parallel data file; without a confidence it counts as certain. */
export type UserSuppliedPair = Omit<SentencePair, 'confidence'> & { confidence?: number };

export interface MergeResult {
  readonly pairs: SentencePair[];
  readonly skipped: Record<SkipReason, number>;
}

/**
 * Joins pairs aligned from the book with pairs the user supplies, under the content rules and one
 * pair per source text. User pairs come first, so they win confidence ties and keep their order;
 * file rules (length, formula prefixes, line breaks) are left to `writeParallelData`.
 */
export function mergeParallelData(
  built: readonly SentencePair[],
  userSupplied: readonly UserSuppliedPair[],
): MergeResult {
  const fromUser = userSupplied.map((pair) => ({ ...pair, confidence: pair.confidence ?? 1 }));
  const merged = emptyScreenResult();
  applyRules([...fromUser, ...built], CONTENT_RULES, merged);
  return { pairs: keepBestPerSource(merged.pairs, merged.skipped), skipped: merged.skipped };
}
