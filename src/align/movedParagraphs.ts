/**
 * Paragraphs a translator moved past a structural anchor (a figure, a code cell, a label) stay unpaired on both
 * sides: the blocks-first alignment keeps prose between the same anchors, and the monotonic aligner cannot cross.
 * This pass looks at those orphans again: a source paragraph none of whose sentences found a partner is paired with
 * an equally unpaired target paragraph a few regions away when the two share enough verbatim evidence (inline math,
 * code, role keys, kept Latin words) and contradict it nowhere, and their sentences are then aligned as usual.
 */
import type { AlignmentModel, AlignmentSegment, SentenceBead } from './types.js';
import { alignSegments, shiftBead } from './alignSentences.js';
import { holdsWordForm } from './holdsWordForm.js';

export interface OrphanSearch {
  /** Beads of the monotonic alignment, sentence indices into the two lists below. */
  readonly beads: readonly SentenceBead[];
  /** Block of each source and each target sentence. */
  readonly sourceBlocks: Int32Array;
  readonly targetBlocks: Int32Array;
  /** Region (stretch between two matched anchors) of each sentence. */
  readonly sourceRegion: Int32Array;
  readonly targetRegion: Int32Array;
  readonly sourceFeatures: readonly AlignmentSegment[];
  readonly targetFeatures: readonly AlignmentSegment[];
  readonly model: AlignmentModel;
}

/**
 * How many regions away a moved paragraph may land: moves are local (past one figure or code cell, rarely two).
 * Within its own region the monotonic aligner has already had its say.
 */
const MAX_REGION_DISTANCE = 2;
/** Verbatim items the two paragraphs must share: one shared number or word is chance. */
const MIN_SHARED_ITEMS = 2;
/** Target characters per expected target character (from the model's ratio) a pairing may be off by. */
const MAX_LENGTH_FACTOR = 2;
/** Candidates looked at per source paragraph, so that a translation of some other text cannot make this quadratic. */
const MAX_CANDIDATES = 32;

interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly region: number;
  /** The anchors as a multiset: sorted, serialised. */
  readonly anchors: string;
  readonly anchorCount: number;
  readonly latinWords: readonly string[];
  readonly length: number;
}

/** Two-sided beads pairing the sentences of moved paragraphs, in source order. */
export function movedParagraphBeads(search: OrphanSearch): SentenceBead[] {
  const sourceOrphans = orphanParagraphs(search, 'source');
  const targetOrphans = orphanParagraphs(search, 'target');
  if (sourceOrphans.length === 0 || targetOrphans.length === 0) return [];
  const taken = new Set<Paragraph>();
  const beads: SentenceBead[] = [];
  for (const source of sourceOrphans) {
    let best: { paragraph: Paragraph; shared: number } | undefined;
    let candidates = 0;
    for (const target of targetOrphans) {
      const distance = Math.abs(target.region - source.region);
      if (taken.has(target) || distance === 0 || distance > MAX_REGION_DISTANCE) continue;
      if (++candidates > MAX_CANDIDATES) break;
      const shared = agreement(search, source, target);
      if (shared !== undefined && (best === undefined || shared > best.shared)) best = { paragraph: target, shared };
    }
    if (best === undefined) continue;
    taken.add(best.paragraph);
    beads.push(...alignOrphans(search, source, best.paragraph));
  }
  return beads;
}

/** Paragraphs (runs of sentences of one block) none of whose sentences is in a two-sided bead. */
function orphanParagraphs(search: OrphanSearch, side: 'source' | 'target'): Paragraph[] {
  const blocks = side === 'source' ? search.sourceBlocks : search.targetBlocks;
  const regions = side === 'source' ? search.sourceRegion : search.targetRegion;
  const features = side === 'source' ? search.sourceFeatures : search.targetFeatures;
  const paired = new Uint8Array(blocks.length);
  for (const bead of search.beads) {
    if (bead.sourceStart === bead.sourceEnd || bead.targetStart === bead.targetEnd) continue;
    if (side === 'source') paired.fill(1, bead.sourceStart, bead.sourceEnd);
    else paired.fill(1, bead.targetStart, bead.targetEnd);
  }
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (let index = 1; index <= blocks.length; index += 1) {
    if (index < blocks.length && blocks[index] === blocks[start]) continue;
    if (!paired.subarray(start, index).includes(1)) {
      const segments = features.slice(start, index);
      const anchors = segments.flatMap((segment) => segment.anchors).sort();
      paragraphs.push({
        start,
        end: index,
        region: regions[start] ?? -1,
        anchors: JSON.stringify(anchors),
        anchorCount: anchors.length,
        latinWords: segments.flatMap((segment) => segment.latinWords),
        length: segments.reduce((sum, segment) => sum + segment.length, 0),
      });
    }
    start = index;
  }
  return paragraphs;
}

/**
 * Verbatim items both paragraphs hold (anchors as a multiset, target Latin words found in the source), or undefined
 * when the pairing is implausible: too little shared, an anchor on either side without its twin, a kept word the
 * source lacks, or lengths that disagree.
 */
function agreement(search: OrphanSearch, source: Paragraph, target: Paragraph): number | undefined {
  if (source.anchors !== target.anchors) return undefined;
  let shared = source.anchorCount;
  if (search.model.targetLatinIsEvidence) {
    for (const word of target.latinWords) {
      if (!holdsWordForm(source.latinWords, word)) return undefined;
      shared += 1;
    }
  }
  if (shared < MIN_SHARED_ITEMS) return undefined;
  const expected = source.length * search.model.lengthRatio;
  if (target.length > expected * MAX_LENGTH_FACTOR || target.length * MAX_LENGTH_FACTOR < expected) return undefined;
  return shared;
}

function alignOrphans(search: OrphanSearch, source: Paragraph, target: Paragraph): SentenceBead[] {
  const beads = alignSegments(
    search.sourceFeatures.slice(source.start, source.end),
    search.targetFeatures.slice(target.start, target.end),
    search.model,
  );
  return beads
    .filter((bead) => bead.sourceStart < bead.sourceEnd && bead.targetStart < bead.targetEnd)
    .map((bead) => shiftBead(bead, source.start, target.start));
}
