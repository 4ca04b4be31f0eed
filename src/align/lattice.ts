/**
 * The lattice's view of two segment lists: per side, running lengths and counts in typed arrays, so that a bead's
 * score reads numbers instead of walking segments.
 */
import { missingAnchorCost } from './anchorCost.js';
import { scratch } from './latticeScratch.js';
import { lengthTerms, type LengthTerms } from './lengthModel.js';
import type { AlignmentModel, AlignmentSegment } from './types.js';

export interface SideTable {
  readonly segments: readonly AlignmentSegment[];
  /** Characters before segment k (k = 0 … count). */
  readonly lengthBefore: Float64Array;
  readonly anchorCount: Int32Array;
  /** Sum of the missing costs of a segment's anchors: what it loses if none of them finds its twin. */
  readonly anchorCost: Float64Array;
  /** Index 0 … count: whether a paragraph starts there (both ends of the list count as starts). */
  readonly startsBlock: Int32Array;
  readonly category: Int32Array;
  readonly wordCount: Int32Array;
  readonly termCount: Int32Array;
}

export interface Lattice {
  readonly source: SideTable;
  readonly target: SideTable;
  readonly model: AlignmentModel;
  readonly length: LengthTerms;
  /**
   * Which of target segment t's Latin words (bit w for word w) source segment s holds, at s × targets + t; and
   * the same for glossary terms. Filled on first use (UNKNOWN until then): every such pair is read by several
   * beads and shapes, so each word is looked up once per pair.
   */
  readonly wordMatches: Int32Array;
  readonly termMatches: Int32Array;
}

/** Lists longer than this are matched word by word instead of through the bit masks (31 bits, -1 kept free). */
export const MAX_MASKED_ITEMS = 30;
export const UNKNOWN = -1;

export function buildLattice(
  source: readonly AlignmentSegment[],
  target: readonly AlignmentSegment[],
  model: AlignmentModel,
): Lattice {
  const pairs = source.length * target.length;
  return {
    source: sideTable(source, SOURCE_SLOTS),
    target: sideTable(target, TARGET_SLOTS),
    model,
    length: lengthTerms(model),
    wordMatches: scratch.ints(0, pairs).fill(UNKNOWN),
    termMatches: scratch.ints(1, pairs).fill(UNKNOWN),
  };
}

/** Scratch slots of each side's arrays (floats: lengths, costs; integers: the rest). */
interface SideSlots {
  readonly floats: number;
  readonly ints: number;
}

const SOURCE_SLOTS: SideSlots = { floats: 5, ints: 2 };
const TARGET_SLOTS: SideSlots = { floats: 7, ints: 7 };

/** Categories as small numbers, the same for every call. */
const categoryIds = new Map<string | undefined, number>();

function categoryId(category: string | undefined): number {
  let id = categoryIds.get(category);
  if (id === undefined) {
    id = categoryIds.size;
    categoryIds.set(category, id);
  }
  return id;
}

function sideTable(segments: readonly AlignmentSegment[], slots: SideSlots): SideTable {
  const count = segments.length;
  const table: SideTable = {
    segments,
    lengthBefore: scratch.floats(slots.floats, count + 1),
    anchorCost: scratch.floats(slots.floats + 1, count),
    anchorCount: scratch.ints(slots.ints, count),
    startsBlock: scratch.ints(slots.ints + 1, count + 1),
    category: scratch.ints(slots.ints + 2, count),
    wordCount: scratch.ints(slots.ints + 3, count),
    termCount: scratch.ints(slots.ints + 4, count),
  };
  table.lengthBefore[0] = 0;
  table.startsBlock[0] = 1;
  table.startsBlock[count] = 1;
  segments.forEach((segment, index) => {
    table.lengthBefore[index + 1] = (table.lengthBefore[index] ?? 0) + segment.length;
    table.anchorCount[index] = segment.anchors.length;
    let anchorCost = 0;
    for (const anchor of segment.anchors) anchorCost += missingAnchorCost(anchor);
    table.anchorCost[index] = anchorCost;
    if (index > 0) table.startsBlock[index] = segment.startsBlock === true ? 1 : 0;
    table.category[index] = categoryId(segment.category);
    table.wordCount[index] = segment.latinWords.length;
    table.termCount[index] = segment.terms.length;
  });
  return table;
}
