/**
 * Monotonic alignment of two segment lists (sentences, or whole paragraphs) by dynamic programming over beads
 * (1-1, 2-1, 1-0 …). A bead's score is a log-likelihood: shape prior + length agreement + shared anchors and
 * glossary terms. Forward–backward over the same lattice gives every bead of the best path its posterior
 * probability, which is the confidence callers threshold on.
 */

export interface AlignmentSegment {
  /** Characters of translatable text: whitespace, markup and protected tokens left out. */
  readonly length: number;
  /** Keys both languages write the same way: inline math, code, role keys, URLs, numbers. */
  readonly anchors: readonly string[];
  /** Lower-cased Latin words: every word on the source side; words a CJK translation kept on the target side. */
  readonly latinWords: readonly string[];
  /** Glossary entries mentioned (indices into the glossary). */
  readonly terms: readonly number[];
  /** Segments of different categories (heading vs paragraph) should not pair. */
  readonly category?: string;
  /** First segment of a paragraph (block): bead edges should fall on paragraph edges on both sides. */
  readonly startsBlock?: boolean;
  /** The words the features were taken from, for looking terms up again with a larger glossary. */
  readonly prose?: string;
}

/**
 * Whether a segment's Latin words hold `word`, plurals folded too: a target's kept `GPU` finds the source's
 * `GPUs`, `class` finds `classes`. A segment has a few dozen words, so comparing lengths and ends beats building a
 * set of forms for each.
 */
export function holdsWordForm(words: readonly string[], word: string): boolean {
  for (const candidate of words) {
    if (candidate === word) return true;
    const extra = candidate.length - word.length;
    if (
      ((extra === 1 && candidate.endsWith('s')) || (extra === 2 && candidate.endsWith('es'))) &&
      candidate.startsWith(word)
    )
      return true;
  }
  return false;
}

export interface BeadShape {
  readonly source: number;
  readonly target: number;
  /** Natural log of the shape's prior probability. */
  readonly logPrior: number;
}

export interface AlignmentModel {
  /** Expected target length per source character (e.g. ≈0.3 Chinese characters per English character). */
  readonly lengthRatio: number;
  /** Standard deviation of log(target length / expected target length) for a true pair. */
  readonly lengthSpread: number;
  readonly shapes: readonly BeadShape[];
  /** Whether target Latin words are evidence (true when the target script is not Latin). */
  readonly targetLatinIsEvidence: boolean;
  /** Cost of a paragraph edge on one side that the other side does not have (translator merged or split paragraphs). */
  readonly blockEdgeCost: number;
}

export interface Bead {
  /** Source segments [sourceStart, sourceEnd). */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Target segments [targetStart, targetEnd). */
  readonly targetStart: number;
  readonly targetEnd: number;
  /** `E-Z`: how many source and target segments. */
  readonly shape: string;
  /** Posterior probability of this bead given both lists, in [0, 1]. */
  readonly confidence: number;
}

/** A bead of a sub-list, in the indices of the whole lists it was cut from at the given offsets. */
export function shiftBead(bead: Bead, sourceOffset: number, targetOffset: number): Bead {
  return {
    sourceStart: sourceOffset + bead.sourceStart,
    sourceEnd: sourceOffset + bead.sourceEnd,
    targetStart: targetOffset + bead.targetStart,
    targetEnd: targetOffset + bead.targetEnd,
    shape: bead.shape,
    confidence: bead.confidence,
  };
}

/** Shapes seen in human translations, en→zh first of all: translators merge sentences far more than they split. */
export const SENTENCE_SHAPES: readonly BeadShape[] = shapes({
  '1-1': 0.86,
  '2-1': 0.06,
  '1-2': 0.03,
  '1-0': 0.012,
  '0-1': 0.012,
  '3-1': 0.01,
  '1-3': 0.005,
  '2-2': 0.005,
});

export function shapes(priors: Readonly<Record<string, number>>): BeadShape[] {
  return Object.entries(priors).map(([shape, probability]) => {
    const [source, target] = shape.split('-').map(Number);
    if (source === undefined || target === undefined || Number.isNaN(source) || Number.isNaN(target)) {
      throw new Error(`bead shape "${shape}" is not of the form E-Z`);
    }
    return { source, target, logPrior: Math.log(probability) };
  });
}

const SHARED_ANCHOR_GAIN = 2.0;
/**
 * Log-likelihood cost of an anchor whose twin is missing on the other side. Translators keep inline math, code,
 * role keys and URLs verbatim (in confident pairs over the whole book, 96–98 % of them reappear), so one left
 * unmatched is strong evidence that the two sides are not the same text; numbers are often spelt out or dropped
 * (92 % reappear), so they weigh less. Roughly log((1 − kept) / (1 − chance)).
 */
const MISSING_VERBATIM_ANCHOR_COST = 3.0;
const MISSING_NUMBER_COST = 1.8;
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
/** Length smoothing in target characters, so very short segments do not dominate the length term. */
const LENGTH_SMOOTHING = 4;
const PRUNE_MARGIN = 12;
const WIDE_SPREAD_FACTOR = 3.5;
const TAIL_WEIGHT = 0.1;

/**
 * Work arrays of the lattice, kept between calls and grown when needed: a book is aligned in thousands of small
 * groups, and allocating fresh arrays for each kept the collector busy. Each call fills what it uses first.
 */
class LatticeScratch {
  private readonly floatBuffers: Float64Array[] = [];
  private readonly intBuffers: Int32Array[] = [];
  private readonly choiceBuffers: Int8Array[] = [];

  floats(slot: number, size: number): Float64Array {
    return grown(this.floatBuffers, slot, size, (length) => new Float64Array(length)).subarray(0, size);
  }

  ints(slot: number, size: number): Int32Array {
    return grown(this.intBuffers, slot, size, (length) => new Int32Array(length)).subarray(0, size);
  }

  choices(size: number): Int8Array {
    return grown(this.choiceBuffers, 0, size, (length) => new Int8Array(length)).subarray(0, size);
  }
}

/** The buffer in `slot`, replaced by one at least twice as long when it holds fewer than `size` items. */
function grown<Buffer extends { readonly length: number }>(
  buffers: Buffer[],
  slot: number,
  size: number,
  allocate: (length: number) => Buffer,
): Buffer {
  let buffer = buffers[slot];
  if (buffer === undefined || buffer.length < size) {
    buffer = allocate(Math.max(size, 2 * (buffer?.length ?? 0)));
    buffers[slot] = buffer;
  }
  return buffer;
}

const scratch = new LatticeScratch();

/** Aligns two segment lists; returns the best bead path in order, each bead with its posterior confidence. */
export function alignSegments(
  source: readonly AlignmentSegment[],
  target: readonly AlignmentSegment[],
  givenModel: AlignmentModel,
  guide?: readonly Bead[],
): Bead[] {
  const model = modelOf(givenModel);
  const lattice = buildLattice(source, target, model);
  const band =
    guide === undefined
      ? diagonalBand(source.length, target.length)
      : corridorBand(guide, source.length, target.length);
  const end = cellIndex(band, source.length, target.length);
  if (end < 0) throw new Error('alignment band does not reach the last cell');
  const tables = latticeTables(band, model.shapes.length);
  forwardPass(lattice, band, tables);
  backwardPass(lattice, band, tables, end);
  return bestPath(lattice, band, tables, end);
}

/**
 * Per cell: the log-sum of every path reaching it (forward) and leaving it (backward), the best path's score and
 * last shape, and each bead's score (cell × shapes, NaN for beads not scored). Kept apart from the passes that
 * fill them so that each pass is small enough for the compiler to inline the scoring into it.
 */
interface LatticeTables {
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly best: Float64Array;
  readonly choice: Int8Array;
  readonly beadScores: Float64Array;
  /** Terms of one cell's log-sum. */
  readonly terms: Float64Array;
}

function latticeTables(band: Band, shapeCount: number): LatticeTables {
  const cells = band.first.length * band.width;
  const tables: LatticeTables = {
    forward: scratch.floats(0, cells).fill(-Infinity),
    backward: scratch.floats(3, cells).fill(-Infinity),
    best: scratch.floats(1, cells).fill(-Infinity),
    choice: scratch.choices(cells).fill(-1),
    beadScores: scratch.floats(2, cells * shapeCount).fill(Number.NaN),
    terms: scratch.floats(4, shapeCount),
  };
  tables.forward[0] = 0;
  tables.best[0] = 0;
  return tables;
}

function forwardPass(lattice: Lattice, band: Band, tables: LatticeTables): void {
  for (let i = 0; i < band.first.length; i += 1) {
    const first = band.first[i] ?? 0;
    const last = band.last[i] ?? -1;
    for (let j = first; j <= last; j += 1) if (i > 0 || j > 0) forwardCell(lattice, band, tables, i, j);
  }
}

function forwardCell(lattice: Lattice, band: Band, tables: LatticeTables, i: number, j: number): void {
  const { forward, best, choice, beadScores, terms } = tables;
  const shapes = lattice.model.shapes;
  const cell = cellIndex(band, i, j);
  let termCount = 0;
  for (let shapeIndex = 0; shapeIndex < shapes.length; shapeIndex += 1) {
    const shape = shapes[shapeIndex];
    if (shape === undefined) continue;
    const fromI = i - shape.source;
    const fromJ = j - shape.target;
    const from = cellIndex(band, fromI, fromJ);
    if (from < 0) continue;
    const previousBest = best[from] ?? -Infinity;
    if (previousBest === -Infinity) continue;
    // A bead that cannot beat the cell's best path by any amount of evidence adds nothing to the
    // Viterbi path and a negligible share to the posteriors: skip its costly evidence. The length and
    // category terms only ever lower the score, so the bound without them already rules out some beads
    // before their logarithms (floating-point addition is monotonic: the same beads are skipped).
    const bestSoFar = best[cell] ?? -Infinity;
    const upperBound = evidenceUpperBound(lattice, fromI, shape, fromJ);
    const edges = edgeScore(lattice, fromI, fromJ, shape);
    if (previousBest + edges + upperBound < bestSoFar - PRUNE_MARGIN) continue;
    const structural = structuralScore(lattice, fromI, fromJ, shape, edges);
    if (previousBest + structural + upperBound < bestSoFar - PRUNE_MARGIN) continue;
    const score = structural + evidenceScore(lattice, fromI, shape.source, fromJ, shape.target);
    beadScores[cell * shapes.length + shapeIndex] = score;
    terms[termCount] = (forward[from] ?? -Infinity) + score;
    termCount += 1;
    if (previousBest + score > bestSoFar) {
      best[cell] = previousBest + score;
      choice[cell] = shapeIndex;
    }
  }
  forward[cell] = logSumExp(terms, termCount);
}

function backwardPass(lattice: Lattice, band: Band, tables: LatticeTables, end: number): void {
  const { backward, beadScores, terms } = tables;
  const shapes = lattice.model.shapes;
  backward[end] = 0;
  for (let i = band.first.length - 1; i >= 0; i -= 1) {
    const first = band.first[i] ?? 0;
    const last = band.last[i] ?? -1;
    for (let j = last; j >= first; j -= 1) {
      const cell = cellIndex(band, i, j);
      if (cell === end) continue;
      let termCount = 0;
      for (let shapeIndex = 0; shapeIndex < shapes.length; shapeIndex += 1) {
        const shape = shapes[shapeIndex];
        if (shape === undefined) continue;
        const to = cellIndex(band, i + shape.source, j + shape.target);
        if (to < 0) continue;
        const score = beadScores[to * shapes.length + shapeIndex] ?? Number.NaN;
        if (Number.isNaN(score)) continue;
        terms[termCount] = score + (backward[to] ?? -Infinity);
        termCount += 1;
      }
      backward[cell] = logSumExp(terms, termCount);
    }
  }
}

/** The Viterbi path from the last cell back, each bead with its posterior. */
function bestPath(lattice: Lattice, band: Band, tables: LatticeTables, end: number): Bead[] {
  const { forward, backward, choice, beadScores } = tables;
  const shapes = lattice.model.shapes;
  const total = forward[end] ?? -Infinity;
  const beads: Bead[] = [];
  let i = lattice.source.segments.length;
  let j = lattice.target.segments.length;
  while (i > 0 || j > 0) {
    const cell = cellIndex(band, i, j);
    const shapeIndex = choice[cell] ?? -1;
    const shape = shapes[shapeIndex];
    if (shape === undefined) throw new Error('alignment lattice has no path (a 1-0 and a 0-1 shape are required)');
    const fromI = i - shape.source;
    const fromJ = j - shape.target;
    const score = beadScores[cell * shapes.length + shapeIndex] ?? -Infinity;
    const logPosterior =
      (forward[cellIndex(band, fromI, fromJ)] ?? -Infinity) + score + (backward[cell] ?? -Infinity) - total;
    beads.push({
      sourceStart: fromI,
      sourceEnd: i,
      targetStart: fromJ,
      targetEnd: j,
      shape: `${shape.source}-${shape.target}`,
      confidence: Math.min(1, Math.exp(logPosterior), partSupport(lattice, fromI, shape.source, fromJ, shape.target)),
    });
    i = fromI;
    j = fromJ;
  }
  return beads.reverse();
}

/**
 * How sure the data alone is that every sentence of a many-to-one bead belongs in it. The shape priors make a merge
 * (2-1) several times likelier than a dropped sentence next to a one-to-one bead, so without evidence either way the
 * posterior still favours the merge, and a pair whose one side says more than the other becomes training data.
 * Each end segment of a side with several segments must be supported on its own: the likelihood (lengths and
 * evidence, no priors) of the bead with it, against the bead without it plus the segment left unpaired, is turned
 * into a probability with prior odds of MERGE_ODDS, milder than the shape priors' (about 6).
 */
/** Prior odds of a merge against a dropped sentence when only the end part's support is in question. */
const MERGE_ODDS = 3;

function partSupport(lattice: Lattice, i: number, sourceCount: number, j: number, targetCount: number): number {
  if (sourceCount === 0 || targetCount === 0 || sourceCount + targetCount <= 2) return 1;
  const whole = beadLikelihood(lattice, i, sourceCount, j, targetCount);
  let weakest = Infinity;
  if (sourceCount > 1) {
    const withoutFirst =
      beadLikelihood(lattice, i, 1, j, 0) + beadLikelihood(lattice, i + 1, sourceCount - 1, j, targetCount);
    const withoutLast =
      beadLikelihood(lattice, i, sourceCount - 1, j, targetCount) +
      beadLikelihood(lattice, i + sourceCount - 1, 1, j, 0);
    weakest = Math.min(weakest, whole - withoutFirst, whole - withoutLast);
  }
  if (targetCount > 1) {
    const withoutFirst =
      beadLikelihood(lattice, i, 0, j, 1) + beadLikelihood(lattice, i, sourceCount, j + 1, targetCount - 1);
    const withoutLast =
      beadLikelihood(lattice, i, sourceCount, j, targetCount - 1) +
      beadLikelihood(lattice, i, 0, j + targetCount - 1, 1);
    weakest = Math.min(weakest, whole - withoutFirst, whole - withoutLast);
  }
  return 1 / (1 + Math.exp(-(weakest + Math.log(MERGE_ODDS))));
}

/** A bead's score without its shape prior and paragraph edges: what the two sides themselves say. */
function beadLikelihood(lattice: Lattice, i: number, sourceCount: number, j: number, targetCount: number): number {
  const evidence = evidenceScore(lattice, i, sourceCount, j, targetCount);
  if (sourceCount === 0 || targetCount === 0) return evidence;
  const sourceChars = (lattice.source.lengthBefore[i + sourceCount] ?? 0) - (lattice.source.lengthBefore[i] ?? 0);
  const targetChars = (lattice.target.lengthBefore[j + targetCount] ?? 0) - (lattice.target.lengthBefore[j] ?? 0);
  return evidence + lengthScore(sourceChars, targetChars, lattice.length);
}

/** The lattice is stored by band: row i holds target positions first[i]..last[i] at offsets 0..width-1. */
interface Band {
  readonly width: number;
  readonly first: Int32Array;
  readonly last: Int32Array;
}

function cellIndex(band: Band, i: number, j: number): number {
  if (i < 0 || j < 0 || i >= band.first.length) return -1;
  const first = band.first[i] ?? 0;
  if (j < first || j > (band.last[i] ?? -1)) return -1;
  return i * band.width + (j - first);
}

/** Half-width of the search band around the diagonal, in segments: wide enough for long runs of skipped text. */
const MIN_BAND = 10;
const BAND_FRACTION = 0.05;

/**
 * Cells far off the diagonal cannot be on a sensible path; skipping them keeps long anchor-free regions (whole
 * introductions) linear rather than quadratic.
 */
function diagonalBand(sourceCount: number, targetCount: number): Band {
  const halfWidth = Math.max(MIN_BAND, Math.ceil(BAND_FRACTION * Math.max(sourceCount, targetCount)));
  const first = new Int32Array(sourceCount + 1);
  const last = new Int32Array(sourceCount + 1);
  for (let row = 0; row <= sourceCount; row += 1) {
    const centre = sourceCount === 0 ? 0 : Math.round((row * targetCount) / sourceCount);
    first[row] = Math.max(0, centre - halfWidth);
    last[row] = Math.min(targetCount, centre + halfWidth);
  }
  return { width: Math.min(targetCount + 1, 2 * halfWidth + 1), first, last };
}

/** Cells within a few positions of an earlier pass's path: a second pass refines, it does not wander. */
const CORRIDOR = 4;

function corridorBand(guide: readonly Bead[], sourceCount: number, targetCount: number): Band {
  const first = new Int32Array(sourceCount + 1).fill(targetCount);
  const last = new Int32Array(sourceCount + 1);
  const visit = (row: number, column: number): void => {
    first[row] = Math.min(first[row] ?? targetCount, Math.max(0, column - CORRIDOR));
    last[row] = Math.max(last[row] ?? 0, Math.min(targetCount, column + CORRIDOR));
  };
  visit(0, 0);
  for (const bead of guide) {
    for (let row = bead.sourceStart; row <= bead.sourceEnd; row += 1) {
      for (let column = bead.targetStart; column <= bead.targetEnd; column += 1) visit(row, column);
    }
  }
  let width = 1;
  for (let row = 0; row <= sourceCount; row += 1) width = Math.max(width, (last[row] ?? 0) - (first[row] ?? 0) + 1);
  return { width, first, last };
}

/**
 * What the lattice reads about each side, one typed array per field: the hot loops below run for every cell and
 * shape, and reading numbers from arrays keeps them fast and free of object shapes. Lists (anchors, words, terms)
 * stay with the segments.
 */
interface SideTable {
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

interface Lattice {
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
const MAX_MASKED_ITEMS = 30;
const UNKNOWN = -1;

function buildLattice(
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

/** The model with its fields in one fixed order: the lattice's hot functions read it for every cell. */
function modelOf(model: AlignmentModel): AlignmentModel {
  return {
    lengthRatio: model.lengthRatio,
    lengthSpread: model.lengthSpread,
    shapes: model.shapes,
    targetLatinIsEvidence: model.targetLatinIsEvidence,
    blockEdgeCost: model.blockEdgeCost,
  };
}

/** Anchor keys start with their kind: `n:` for numbers, `m:`, `c:`, `r:`, `u:` for text kept verbatim. */
export function missingAnchorCost(anchor: string): number {
  return anchor.startsWith('n:') ? MISSING_NUMBER_COST : MISSING_VERBATIM_ANCHOR_COST;
}

function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let index = 0; index < count; index += 1)
    if ((values[index] ?? -Infinity) > max) max = values[index] ?? -Infinity;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += Math.exp((values[index] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/** The shape prior and the paragraph edges: the structural score before its length and category terms. */
function edgeScore(lattice: Lattice, i: number, j: number, shape: BeadShape): number {
  return shape.logPrior - lattice.model.blockEdgeCost * blockEdgeMismatches(lattice, i, j, shape);
}

/** Everything but the evidence: shape prior and paragraph edges (`edges`), length agreement and categories. */
function structuralScore(lattice: Lattice, i: number, j: number, shape: BeadShape, edges: number): number {
  const { source, target } = lattice;
  let score = edges;
  if (shape.source === 0 || shape.target === 0) return score;
  const sourceChars = (source.lengthBefore[i + shape.source] ?? 0) - (source.lengthBefore[i] ?? 0);
  const targetChars = (target.lengthBefore[j + shape.target] ?? 0) - (target.lengthBefore[j] ?? 0);
  score += lengthScore(sourceChars, targetChars, lattice.length);
  if (!categoriesAgree(lattice, i, shape.source, j, shape.target)) score -= CATEGORY_MISMATCH_COST;
  return score;
}

function evidenceUpperBound(lattice: Lattice, i: number, shape: BeadShape, j: number): number {
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

/**
 * Log-likelihood of the length deviation, relative to a perfect match. A mixture of a narrow and a wide normal:
 * most true pairs agree closely, but short sentences and free translations produce a heavy tail.
 */
export function lengthLogLikelihood(sourceChars: number, targetChars: number, model: AlignmentModel): number {
  return lengthScore(sourceChars, targetChars, lengthTerms(model));
}

/** The parts of lengthLogLikelihood that depend on the model only, worked out once per lattice. */
interface LengthTerms {
  readonly ratio: number;
  readonly narrowWeight: number;
  readonly narrowDivisor: number;
  readonly wideWeight: number;
  readonly wideDivisor: number;
  readonly atZero: number;
}

function lengthTerms(model: AlignmentModel): LengthTerms {
  const narrow = model.lengthSpread;
  const wide = narrow * WIDE_SPREAD_FACTOR;
  return {
    ratio: model.lengthRatio,
    narrowWeight: (1 - TAIL_WEIGHT) / narrow,
    narrowDivisor: 2 * narrow * narrow,
    wideWeight: TAIL_WEIGHT / wide,
    wideDivisor: 2 * wide * wide,
    atZero: (1 - TAIL_WEIGHT) / narrow + TAIL_WEIGHT / wide,
  };
}

/** lengthLogLikelihood with its model terms given: the same operations in the same order, so the same bits. */
function lengthScore(sourceChars: number, targetChars: number, terms: LengthTerms): number {
  const deviation = Math.log((targetChars + LENGTH_SMOOTHING) / (sourceChars * terms.ratio + LENGTH_SMOOTHING));
  const squared = deviation * deviation;
  const narrowDensity = terms.narrowWeight * Math.exp(-squared / terms.narrowDivisor);
  const wideDensity = terms.wideWeight * Math.exp(-squared / terms.wideDivisor);
  return Math.log((narrowDensity + wideDensity) / terms.atZero);
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
function evidenceScore(lattice: Lattice, i: number, sourceCount: number, j: number, targetCount: number): number {
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

export interface LengthObservation {
  readonly sourceChars: number;
  readonly targetChars: number;
}

const MIN_CALIBRATION_PAIRS = 12;
const MIN_CALIBRATION_SOURCE_CHARS = 20;

/**
 * Re-estimates the length ratio (median) and spread (median absolute deviation, robust to the misaligned few)
 * from confident one-to-one pairs of a first pass. Too few pairs: the given model stays.
 */
export function calibrateLengthModel(
  observations: readonly LengthObservation[],
  model: AlignmentModel,
): AlignmentModel {
  const usable = observations.filter(
    (observation) => observation.sourceChars >= MIN_CALIBRATION_SOURCE_CHARS && observation.targetChars > 0,
  );
  if (usable.length < MIN_CALIBRATION_PAIRS) return model;
  const lengthRatio = median(usable.map((observation) => observation.targetChars / observation.sourceChars));
  const deviations = usable.map((observation) =>
    Math.abs(
      Math.log(
        (observation.targetChars + LENGTH_SMOOTHING) / (observation.sourceChars * lengthRatio + LENGTH_SMOOTHING),
      ),
    ),
  );
  const lengthSpread = Math.min(0.6, Math.max(0.15, 1.4826 * median(deviations)));
  return { ...model, lengthRatio, lengthSpread };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
