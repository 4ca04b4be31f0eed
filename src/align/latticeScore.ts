/**
 * A bead's score: shape prior and paragraph edges, length agreement and categories (structural), and what the two
 * sides share (evidence: anchors, Latin words kept in CJK text, glossary terms).
 */
import { missingAnchorCost } from './anchorCost.js';
import { holdsWordForm } from './holdsWordForm.js';
import { MAX_MASKED_ITEMS, UNKNOWN, type Lattice } from './lattice.js';
import { lengthScore } from './lengthModel.js';
import type { BeadShape } from './types.js';

const SHARED_ANCHOR_GAIN = 2.0;
/** Several missing anchors of one sentence are not independent evidence (a whole formula left out). */
const MAX_MISSING_ANCHOR_COST = 6;
const SHARED_LATIN_GAIN = 1.2;
/** A CJK translation keeps a Latin word of its source (plurals folded) in about 96 % of confident pairs. */
const UNMATCHED_LATIN_COST = 1.0;
/** Sentences that carry anchors are seldom left untranslated: a one-sided bead pays this per anchor. */
const DROPPED_ANCHOR_COST = 0.6;
const MAX_DROPPED_ANCHORS = 8;
const SHARED_TERM_GAIN = 0.8;
const CATEGORY_MISMATCH_COST = 8;

/** The shape prior and the paragraph edges: the structural score before its length and category terms. */
export function edgeScore(lattice: Lattice, i: number, j: number, shape: BeadShape): number {
  return shape.logPrior - lattice.model.blockEdgeCost * blockEdgeMismatches(lattice, i, j, shape);
}

/** Everything but the evidence: shape prior and paragraph edges (`edges`), length agreement and categories. */
export function structuralScore(lattice: Lattice, i: number, j: number, shape: BeadShape, edges: number): number {
  const { source, target } = lattice;
  let score = edges;
  if (shape.source === 0 || shape.target === 0) return score;
  const sourceChars = (source.lengthBefore[i + shape.source] ?? 0) - (source.lengthBefore[i] ?? 0);
  const targetChars = (target.lengthBefore[j + shape.target] ?? 0) - (target.lengthBefore[j] ?? 0);
  score += lengthScore(sourceChars, targetChars, lattice.length);
  if (!categoriesAgree(lattice, i, shape.source, j, shape.target)) score -= CATEGORY_MISMATCH_COST;
  return score;
}

export function evidenceUpperBound(lattice: Lattice, i: number, shape: BeadShape, j: number): number {
  if (shape.source === 0 || shape.target === 0) return 0;
  const { source, target } = lattice;
  const sourceAnchors = sumOf(source.anchorCount, i, shape.source);
  const targetAnchors = sumOf(target.anchorCount, j, shape.target);
  const targetLatin = sumOf(target.wordCount, j, shape.target);
  const targetTerms = sumOf(target.termCount, j, shape.target);
  return (
    Math.min(6, sourceAnchors, targetAnchors) * SHARED_ANCHOR_GAIN +
    (lattice.model.targetLatinIsEvidence ? targetLatin * SHARED_LATIN_GAIN : 0) +
    Math.min(4, targetTerms) * SHARED_TERM_GAIN
  );
}

/** Adds `count` entries from `from` on, in order (for costs, the order fixes the rounding). */
function sumOf(values: Int32Array | Float64Array, from: number, count: number): number {
  let total = 0;
  for (let k = 0; k < count; k += 1) total += values[from + k] ?? 0;
  return total;
}

function categoriesAgree(lattice: Lattice, i: number, sourceCount: number, j: number, targetCount: number): boolean {
  const category = lattice.source.category[i];
  for (let k = 1; k < sourceCount; k += 1) if (lattice.source.category[i + k] !== category) return false;
  for (let k = 0; k < targetCount; k += 1) if (lattice.target.category[j + k] !== category) return false;
  return true;
}

/** Edges disagree where one side starts a paragraph at the bead start and the other does not, or inside a bead. */
function blockEdgeMismatches(lattice: Lattice, i: number, j: number, shape: BeadShape): number {
  const sourceStarts = lattice.source.startsBlock;
  const targetStarts = lattice.target.startsBlock;
  let mismatches = 0;
  if (shape.source > 0 && shape.target > 0 && sourceStarts[i] !== targetStarts[j]) mismatches += 1;
  for (let k = 1; k < shape.source; k += 1) mismatches += sourceStarts[i + k] ?? 0;
  for (let k = 1; k < shape.target; k += 1) mismatches += targetStarts[j + k] ?? 0;
  return mismatches;
}

/** Shared anchors, Latin words and glossary terms raise the score; anchors found on one side only lower it. */
export function evidenceScore(
  lattice: Lattice,
  i: number,
  sourceCount: number,
  j: number,
  targetCount: number,
): number {
  const { source, target } = lattice;
  const sourceAnchors = sumOf(source.anchorCount, i, sourceCount);
  const targetAnchors = sumOf(target.anchorCount, j, targetCount);
  if (sourceCount === 0 || targetCount === 0) {
    return -Math.min(sourceAnchors + targetAnchors, MAX_DROPPED_ANCHORS) * DROPPED_ANCHOR_COST;
  }
  const matched =
    sourceAnchors === 0 || targetAnchors === 0 ? NO_MATCH : matchAnchors(lattice, i, sourceCount, j, targetCount);
  const missingCost =
    sumOf(source.anchorCost, i, sourceCount) + sumOf(target.anchorCost, j, targetCount) - 2 * matched.cost;
  let score = Math.min(matched.count, 6) * SHARED_ANCHOR_GAIN - Math.min(missingCost, MAX_MISSING_ANCHOR_COST);
  let sharedTerms = 0;
  for (let t = j; t < j + targetCount; t += 1) {
    const words = target.wordCount[t] ?? 0;
    if (lattice.model.targetLatinIsEvidence && words > 0) {
      if (words <= MAX_MASKED_ITEMS) {
        let found = 0;
        for (let s = i; s < i + sourceCount; s += 1) found |= wordMatches(lattice, s, t);
        for (let w = 0; w < words; w += 1)
          score += (found & (1 << w)) !== 0 ? SHARED_LATIN_GAIN : -UNMATCHED_LATIN_COST;
      } else {
        for (const word of target.segments[t]?.latinWords ?? NO_ITEMS) {
          score += sourceHasWord(lattice, i, sourceCount, word) ? SHARED_LATIN_GAIN : -UNMATCHED_LATIN_COST;
        }
      }
    }
    const terms = target.termCount[t] ?? 0;
    if (terms === 0) continue;
    if (terms <= MAX_MASKED_ITEMS) {
      let found = 0;
      for (let s = i; s < i + sourceCount; s += 1) found |= termMatches(lattice, s, t);
      sharedTerms += bitCount(found);
    } else {
      for (const term of target.segments[t]?.terms ?? NO_ITEMS)
        if (sourceHasTerm(lattice, i, sourceCount, term)) sharedTerms += 1;
    }
  }
  return score + Math.min(sharedTerms, 4) * SHARED_TERM_GAIN;
}

const NO_ITEMS: readonly never[] = [];

/** Bit w set: source segment s holds target segment t's Latin word w (plurals folded). */
function wordMatches(lattice: Lattice, s: number, t: number): number {
  const index = s * lattice.target.segments.length + t;
  let found = lattice.wordMatches[index] ?? UNKNOWN;
  if (found !== UNKNOWN) return found;
  found = 0;
  const sourceWords = lattice.source.segments[s]?.latinWords ?? NO_ITEMS;
  const words = lattice.target.segments[t]?.latinWords ?? NO_ITEMS;
  for (let w = 0; w < words.length; w += 1) if (holdsWordForm(sourceWords, words[w] ?? '')) found |= 1 << w;
  lattice.wordMatches[index] = found;
  return found;
}

/** Bit k set: source segment s mentions target segment t's glossary term k. */
function termMatches(lattice: Lattice, s: number, t: number): number {
  const index = s * lattice.target.segments.length + t;
  let found = lattice.termMatches[index] ?? UNKNOWN;
  if (found !== UNKNOWN) return found;
  found = 0;
  // A segment mentions a handful of terms at most: a list search beats building a set per segment.
  const sourceTerms = lattice.source.segments[s]?.terms ?? NO_ITEMS;
  const terms = lattice.target.segments[t]?.terms ?? NO_ITEMS;
  for (let k = 0; k < terms.length; k += 1) if (sourceTerms.includes(terms[k] ?? -1)) found |= 1 << k;
  lattice.termMatches[index] = found;
  return found;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

// Plain functions rather than closures: they run for every lattice cell and shape of an unusual segment.
function sourceHasWord(lattice: Lattice, i: number, sourceCount: number, word: string): boolean {
  for (let s = i; s < i + sourceCount; s += 1)
    if (holdsWordForm(lattice.source.segments[s]?.latinWords ?? NO_ITEMS, word)) return true;
  return false;
}

function sourceHasTerm(lattice: Lattice, i: number, sourceCount: number, term: number): boolean {
  for (let s = i; s < i + sourceCount; s += 1)
    if (lattice.source.segments[s]?.terms.includes(term) === true) return true;
  return false;
}

interface AnchorMatch {
  /** Size of the multiset intersection of both sides' anchors. */
  readonly count: number;
  /** Sum of the missing costs of the matched anchors (on one side). */
  readonly cost: number;
}

const NO_MATCH: AnchorMatch = { count: 0, cost: 0 };

/**
 * Lists hold a handful of items, so pairwise matching with a bit mask over target positions is cheapest and
 * allocates nothing but the result.
 */
function matchAnchors(lattice: Lattice, i: number, sourceCount: number, j: number, targetCount: number): AnchorMatch {
  let count = 0;
  let cost = 0;
  let used = 0;
  for (let k = 0; k < sourceCount; k += 1) {
    for (const anchor of lattice.source.segments[i + k]?.anchors ?? NO_ITEMS) {
      let position = 0;
      search: for (let m = 0; m < targetCount; m += 1) {
        for (const candidate of lattice.target.segments[j + m]?.anchors ?? NO_ITEMS) {
          if (position < 31 && (used & (1 << position)) === 0 && candidate === anchor) {
            used |= 1 << position;
            count += 1;
            cost += missingAnchorCost(anchor);
            break search;
          }
          position += 1;
        }
      }
    }
  }
  return count === 0 ? NO_MATCH : { count, cost };
}
