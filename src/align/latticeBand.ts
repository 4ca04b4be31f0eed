import type { Bead } from './types.js';

/** The lattice is stored by band: row i holds target positions first[i]..last[i] at offsets 0..width-1. */
export interface Band {
  readonly width: number;
  readonly first: Int32Array;
  readonly last: Int32Array;
}

export function cellIndex(band: Band, i: number, j: number): number {
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
export function diagonalBand(sourceCount: number, targetCount: number): Band {
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

export function corridorBand(guide: readonly Bead[], sourceCount: number, targetCount: number): Band {
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
