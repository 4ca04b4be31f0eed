/**
 * Monotonic alignment of two segment lists (sentences, or whole paragraphs) by dynamic programming over beads
 * (1-1, 2-1, 1-0 …). A bead's score is a log-likelihood: shape prior + length agreement + shared anchors and
 * glossary terms. Forward–backward over the same lattice gives every bead of the best path its posterior
 * probability, which is the confidence callers threshold on.
 */
import { buildLattice, type Lattice } from './lattice.js';
import { cellIndex, corridorBand, diagonalBand, type Band } from './latticeBand.js';
import { edgeScore, evidenceScore, evidenceUpperBound, structuralScore } from './latticeScore.js';
import { scratch } from './latticeScratch.js';
import { lengthScore } from './lengthModel.js';
import type { AlignmentModel, AlignmentSegment, Bead, BeadShape } from './types.js';

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

const PRUNE_MARGIN = 12;

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

function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let index = 0; index < count; index += 1)
    if ((values[index] ?? -Infinity) > max) max = values[index] ?? -Infinity;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += Math.exp((values[index] ?? -Infinity) - max);
  return max + Math.log(sum);
}
