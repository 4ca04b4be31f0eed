/** N-gram counting as in sacrebleu/metrics/helpers.py, with n-grams keyed by their space-joined text. */
import { codePoints, removeWhitespace } from './pythonText.js';

export type NgramCounts = Map<string, number>;

function countSlices<T>(items: readonly T[], order: number, join: (slice: readonly T[]) => string): NgramCounts {
  const counts: NgramCounts = new Map();
  for (let start = 0; start + order <= items.length; start++) {
    const key = join(items.slice(start, start + order));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const joinWords = (words: readonly string[]): string => words.join(' ');

/** Word n-grams of one order. Words never contain a space, so the joined key is unambiguous. */
export function wordNgrams(words: readonly string[], order: number): NgramCounts {
  return countSlices(words, order, joinWords);
}

/** Word n-grams of orders 1..maxOrder; element `n - 1` holds order n. */
export function allWordNgrams(words: readonly string[], maxOrder: number): NgramCounts[] {
  return Array.from({ length: maxOrder }, (_, index) => wordNgrams(words, index + 1));
}

/** Character n-grams of orders 1..maxOrder, counted over code points; element `n - 1` holds order n. */
export function allCharacterNgrams(line: string, maxOrder: number, includeWhitespace: boolean): NgramCounts[] {
  const text = includeWhitespace ? line : removeWhitespace(line);
  // Slicing the string at code point offsets is much faster than joining arrays of characters.
  const offsets = [0];
  for (const character of codePoints(text)) offsets.push((offsets[offsets.length - 1] ?? 0) + character.length);
  const length = offsets.length - 1;
  return Array.from({ length: maxOrder }, (_, index) => {
    const order = index + 1;
    const counts: NgramCounts = new Map();
    for (let start = 0; start + order <= length; start++) {
      const key = text.slice(offsets[start], offsets[start + order]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  });
}

export function totalCount(counts: NgramCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** How many hypothesis n-grams the reference covers, each clipped to its reference count. */
export function clippedMatches(hypothesis: NgramCounts, reference: NgramCounts): number {
  let matches = 0;
  for (const [ngram, count] of hypothesis) {
    const referenceCount = reference.get(ngram);
    if (referenceCount !== undefined) matches += Math.min(count, referenceCount);
  }
  return matches;
}
