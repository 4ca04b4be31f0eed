/**
 * A monotonic aligner cannot express a translator who moved, dropped or split a sentence next to a bead: it pairs
 * the slot with whatever fits by length, and may be confident about it. This check looks for such crossings
 * afterwards: when the bead's target carries verbatim evidence (an anchor, a kept Latin word) that its own source
 * lacks but a nearby source sentence has, or the mirror image, and the bead shares no more evidence of its own, the
 * bead is probably a shifted pairing and its confidence is cut.
 */
import type { AlignmentSegment } from './types.js';
import { holdsWordForm } from './holdsWordForm.js';

export interface CheckedBead {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
  readonly confidence: number;
}

/** How far from a bead a competing sentence may sit. */
const WINDOW = 3;
/** The neighbour must hold this many more misplaced items than the bead shares itself. */
const MARGIN = 1;
const CROSSING_CONFIDENCE_FACTOR = 0.5;

export function penalizeCrossings<Bead extends CheckedBead>(
  beads: readonly Bead[],
  source: readonly AlignmentSegment[],
  target: readonly AlignmentSegment[],
  /** Region (anchor-delimited stretch) of each source and each target segment: competitors come from the same one. */
  sourceRegion: Int32Array,
  targetRegion: Int32Array,
): Bead[] {
  const sourceSide: Side = { segments: source };
  const targetSide: Side = { segments: target };
  const partners = partnersOf(beads, target.length);
  return beads.map((bead) => {
    if (bead.sourceEnd === bead.sourceStart || bead.targetEnd === bead.targetStart) return bead;
    const own = sharedEvidence(source, bead.sourceStart, bead.sourceEnd, target, bead.targetStart, bead.targetEnd);
    const region = sourceRegion[bead.sourceStart];
    const ownSource: Range = { side: sourceSide, start: bead.sourceStart, end: bead.sourceEnd };
    const ownTarget: Range = { side: targetSide, start: bead.targetStart, end: bead.targetEnd };
    const targetItems = verbatimItems(target, bead.targetStart, bead.targetEnd);
    let misplaced = 0;
    for (let index = bead.sourceStart - WINDOW; index < bead.sourceEnd + WINDOW; index += 1) {
      if (index < 0 || index >= source.length || (index >= bead.sourceStart && index < bead.sourceEnd)) continue;
      if (sourceRegion[index] !== region) continue;
      const neighbour: Range = { side: sourceSide, start: index, end: index + 1 };
      let count = 0;
      for (const item of targetItems) if (holds(neighbour, item) && !holds(ownSource, item)) count += 1;
      misplaced = Math.max(misplaced, count);
    }
    for (let index = bead.targetStart - WINDOW; index < bead.targetEnd + WINDOW; index += 1) {
      if (index < 0 || index >= target.length || (index >= bead.targetStart && index < bead.targetEnd)) continue;
      if (targetRegion[index] !== region) continue;
      // The mirror image: what the neighbouring target shares with the bead's source, the bead's target lacks,
      // and the neighbour's own source does not explain.
      const partner: Range = { side: sourceSide, ...partners.ofTarget(index) };
      let count = 0;
      for (const item of verbatimItems(target, index, index + 1)) {
        if (holds(ownSource, item) && !holds(ownTarget, item) && !holds(partner, item)) count += 1;
      }
      misplaced = Math.max(misplaced, count);
    }
    return misplaced >= own + MARGIN ? { ...bead, confidence: bead.confidence * CROSSING_CONFIDENCE_FACTOR } : bead;
  });
}

/**
 * Where each segment's own bead puts it: the other side's range. In the mirror check, a neighbouring target's item
 * that its own source also holds is explained where it stands: d2l-zh glosses a term as 术语（term） at its first
 * mention only, so the English sentence after a gloss names in English what its translation says in Chinese, and
 * English words recur everywhere. The direct check needs no such test: a Latin word kept in a CJK translation is
 * rare, so one its own source lacks points to a crossing wherever else it occurs. An unpaired neighbour has an empty
 * partner.
 */
function partnersOf(beads: readonly CheckedBead[], targetCount: number): { ofTarget(index: number): IndexRange } {
  const targetBead = new Int32Array(targetCount).fill(-1);
  beads.forEach((bead, beadIndex) => targetBead.fill(beadIndex, bead.targetStart, bead.targetEnd));
  const none: IndexRange = { start: 0, end: 0 };
  return {
    ofTarget(index) {
      const bead = beads[targetBead[index] ?? -1];
      return bead === undefined ? none : { start: bead.sourceStart, end: bead.sourceEnd };
    },
  };
}

interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Evidence a translator copies verbatim: anchors and Latin words. Lexicon terms are left out here: common words
 * (network, gradient) recur in every neighbour, so a term found next door says little about a crossing.
 */
interface Item {
  readonly kind: 'anchor' | 'word';
  readonly value: string;
}

interface Side {
  readonly segments: readonly AlignmentSegment[];
}

interface Range extends IndexRange {
  readonly side: Side;
}

function verbatimItems(segments: readonly AlignmentSegment[], start: number, end: number): Item[] {
  const items: Item[] = [];
  for (let index = start; index < end; index += 1) {
    const segment = segments[index];
    if (segment === undefined) continue;
    for (const anchor of segment.anchors) items.push({ kind: 'anchor', value: anchor });
    for (const word of segment.latinWords) items.push({ kind: 'word', value: word });
  }
  return items;
}

function holds(range: Range, item: Item): boolean {
  for (let index = range.start; index < range.end; index += 1) {
    if (item.kind === 'anchor' && range.side.segments[index]?.anchors.includes(item.value) === true) return true;
    if (item.kind === 'word' && holdsWordForm(range.side.segments[index]?.latinWords ?? [], item.value)) return true;
  }
  return false;
}

/**
 * Items of evidence both sides carry: anchors (as a multiset), target Latin words found in the source, terms.
 * Sides are index ranges so that nothing is copied for the many comparisons.
 */
function sharedEvidence(
  source: readonly AlignmentSegment[],
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
    for (const word of segment.latinWords) if (anySourceHas(source, sourceStart, sourceEnd, word)) shared += 1;
    for (const term of segment.terms) if (anySourceHas(source, sourceStart, sourceEnd, term)) shared += 1;
  }
  return shared;
}

/** Whether a segment in [start, end) holds the Latin word (plurals folded) or the glossary term. */
function anySourceHas(
  segments: readonly AlignmentSegment[],
  start: number,
  end: number,
  item: string | number,
): boolean {
  for (let index = start; index < end; index += 1) {
    const segment = segments[index];
    if (segment === undefined) continue;
    if (typeof item === 'string' ? holdsWordForm(segment.latinWords, item) : segment.terms.includes(item)) return true;
  }
  return false;
}
