/**
 * The length term of a bead's score: how well the target's length agrees with the source's, and the re-estimate of
 * its ratio and spread from a first pass.
 */
import type { AlignmentModel, LengthObservation } from './types.js';

/** Length smoothing in target characters, so very short segments do not dominate the length term. */
const LENGTH_SMOOTHING = 4;
const WIDE_SPREAD_FACTOR = 3.5;
const TAIL_WEIGHT = 0.1;

/** The parts of lengthScore that depend on the model only, worked out once per lattice. */
export interface LengthTerms {
  readonly ratio: number;
  readonly narrowWeight: number;
  readonly narrowDivisor: number;
  readonly wideWeight: number;
  readonly wideDivisor: number;
  readonly atZero: number;
}

export function lengthTerms(model: AlignmentModel): LengthTerms {
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

/**
 * Log-likelihood of the length deviation, relative to a perfect match. A mixture of a narrow and a wide normal:
 * most true pairs agree closely, but short sentences and free translations produce a heavy tail.
 */
export function lengthScore(sourceChars: number, targetChars: number, terms: LengthTerms): number {
  const deviation = Math.log((targetChars + LENGTH_SMOOTHING) / (sourceChars * terms.ratio + LENGTH_SMOOTHING));
  const squared = deviation * deviation;
  const narrowDensity = terms.narrowWeight * Math.exp(-squared / terms.narrowDivisor);
  const wideDensity = terms.wideWeight * Math.exp(-squared / terms.wideDivisor);
  return Math.log((narrowDensity + wideDensity) / terms.atZero);
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
