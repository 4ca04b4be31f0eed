/**
 * A monotonic aligner cannot express a translator who moved a sentence: it pairs the moved sentence's slot with
 * whatever fits by length, and may be confident about it. This check looks for such crossings afterwards: when a
 * nearby sentence outside a bead shares clearly more evidence (anchors, kept Latin words, lexicon terms) with the
 * bead's other side than the bead's own sentences do, the bead is probably a reordering artefact and its
 * confidence is cut.
 */
import type { AlignmentSegment } from './alignSentences.js';

export interface CheckedBead {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
  readonly confidence: number;
}

/** How far from a bead a competing sentence may sit. */
const WINDOW = 3;
/** A competitor must share this many more evidence items than the bead itself. */
const MARGIN = 3;
const CROSSING_CONFIDENCE_FACTOR = 0.5;

export function penalizeCrossings<Bead extends CheckedBead>(
  beads: readonly Bead[],
  source: readonly AlignmentSegment[],
  target: readonly AlignmentSegment[],
  /** Region (anchor-delimited stretch) of each source and each target segment: competitors come from the same one. */
  sourceRegion: Int32Array,
  targetRegion: Int32Array,
): Bead[] {
  const sourceSets = source.map(evidenceSets);
  const shared = (sourceStart: number, sourceEnd: number, targetStart: number, targetEnd: number): number =>
    sharedEvidence(source, sourceSets, sourceStart, sourceEnd, target, targetStart, targetEnd);
  return beads.map((bead) => {
    if (bead.sourceEnd === bead.sourceStart || bead.targetEnd === bead.targetStart) return bead;
    const own = shared(bead.sourceStart, bead.sourceEnd, bead.targetStart, bead.targetEnd);
    const region = sourceRegion[bead.sourceStart];
    let competitor = 0;
    for (let index = bead.sourceStart - WINDOW; index < bead.sourceEnd + WINDOW; index += 1) {
      if (index < 0 || index >= source.length || (index >= bead.sourceStart && index < bead.sourceEnd)) continue;
      if (sourceRegion[index] !== region) continue;
      competitor = Math.max(competitor, shared(index, index + 1, bead.targetStart, bead.targetEnd));
    }
    for (let index = bead.targetStart - WINDOW; index < bead.targetEnd + WINDOW; index += 1) {
      if (index < 0 || index >= target.length || (index >= bead.targetStart && index < bead.targetEnd)) continue;
      if (targetRegion[index] !== region) continue;
      competitor = Math.max(competitor, shared(bead.sourceStart, bead.sourceEnd, index, index + 1));
    }
    return competitor >= own + MARGIN ? { ...bead, confidence: bead.confidence * CROSSING_CONFIDENCE_FACTOR } : bead;
  });
}

interface EvidenceSets {
  readonly latinWords: ReadonlySet<string>;
  readonly terms: ReadonlySet<number>;
}

function evidenceSets(segment: AlignmentSegment): EvidenceSets {
  return { latinWords: new Set(segment.latinWords), terms: new Set(segment.terms) };
}

/**
 * Items of evidence both sides carry: anchors (as a multiset), target Latin words found in the source, terms.
 * Sides are index ranges so that nothing is copied for the many comparisons.
 */
function sharedEvidence(
  source: readonly AlignmentSegment[],
  sourceSets: readonly EvidenceSets[],
  sourceStart: number,
  sourceEnd: number,
  target: readonly AlignmentSegment[],
  targetStart: number,
  targetEnd: number,
): number {
  const sourceAnchors: string[] = [];
  for (let index = sourceStart; index < sourceEnd; index += 1) sourceAnchors.push(...(source[index]?.anchors ?? []));
  let shared = 0;
  for (let index = targetStart; index < targetEnd; index += 1) {
    const segment = target[index];
    if (segment === undefined) continue;
    for (const anchor of segment.anchors) {
      const position = sourceAnchors.indexOf(anchor);
      if (position >= 0) {
        sourceAnchors[position] = '';
        shared += 1;
      }
    }
    for (const word of segment.latinWords)
      if (anySetHas(sourceSets, sourceStart, sourceEnd, 'latinWords', word)) shared += 1;
    for (const term of segment.terms) if (anySetHas(sourceSets, sourceStart, sourceEnd, 'terms', term)) shared += 1;
  }
  return shared;
}

function anySetHas<Key extends keyof EvidenceSets>(
  sets: readonly EvidenceSets[],
  start: number,
  end: number,
  key: Key,
  value: EvidenceSets[Key] extends ReadonlySet<infer Item> ? Item : never,
): boolean {
  for (let index = start; index < end; index += 1) {
    const set = sets[index]?.[key] as ReadonlySet<typeof value> | undefined;
    if (set?.has(value) === true) return true;
  }
  return false;
}
