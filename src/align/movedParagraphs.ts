/**
 * Paragraphs a translator moved past a structural anchor (a figure, a code cell, a label) stay unpaired on both
 * sides: the blocks-first alignment keeps prose between the same anchors, and the monotonic aligner cannot cross.
 * This pass looks at those orphans again: a source paragraph none of whose sentences found a partner is paired with
 * an equally unpaired target paragraph a few regions away when the two share enough verbatim evidence (inline math,
 * code, role keys, kept Latin words) and contradict it nowhere, and their sentences are then aligned as usual.
 */
import type { AlignmentModel, AlignmentSegment } from './alignSentences.js';
import { alignSegments, holdsWordForm } from './alignSentences.js';
import type { SentenceBead } from './buildPairs.js';

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

/** How many regions away a moved paragraph may land: moves are local (past one figure or code cell, rarely two). */
const MAX_REGION_DISTANCE = 2;
/** Verbatim items the two paragraphs must share: one shared number or word is chance. */
const MIN_SHARED_ITEMS = 2;
/** Target characters per expected target character (from the model's ratio) a pairing may be off by. */
const MAX_LENGTH_FACTOR = 2;

interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly region: number;
}

/** Two-sided beads pairing the sentences of moved paragraphs, in source order. */
export function movedParagraphBeads(search: OrphanSearch): SentenceBead[] {
  const sourceOrphans = orphanParagraphs(search.beads, search.sourceBlocks, search.sourceRegion, 'source');
  const targetOrphans = orphanParagraphs(search.beads, search.targetBlocks, search.targetRegion, 'target');
  if (sourceOrphans.length === 0 || targetOrphans.length === 0) return [];
  const taken = new Set<Paragraph>();
  const beads: SentenceBead[] = [];
  for (const source of sourceOrphans) {
    let best: { paragraph: Paragraph; shared: number } | undefined;
    for (const target of targetOrphans) {
      if (taken.has(target) || Math.abs(target.region - source.region) > MAX_REGION_DISTANCE) continue;
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
function orphanParagraphs(
  beads: readonly SentenceBead[],
  blocks: Int32Array,
  regions: Int32Array,
  side: 'source' | 'target',
): Paragraph[] {
  const paired = new Uint8Array(blocks.length);
  for (const bead of beads) {
    if (bead.sourceStart === bead.sourceEnd || bead.targetStart === bead.targetEnd) continue;
    if (side === 'source') paired.fill(1, bead.sourceStart, bead.sourceEnd);
    else paired.fill(1, bead.targetStart, bead.targetEnd);
  }
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (let index = 1; index <= blocks.length; index += 1) {
    if (index < blocks.length && blocks[index] === blocks[start]) continue;
    if (!paired.subarray(start, index).includes(1)) {
      paragraphs.push({ start, end: index, region: regions[start] ?? -1 });
    }
    start = index;
  }
  return paragraphs;
}

/**
 * Verbatim items both paragraphs hold (anchors as a multiset, target Latin words found in the source), or undefined
 * when the pairing is implausible: too little shared, an anchor on either side without its twin, or lengths that
 * disagree.
 */
function agreement(search: OrphanSearch, source: Paragraph, target: Paragraph): number | undefined {
  const sourceAnchors = collect(search.sourceFeatures, source, (segment) => segment.anchors);
  const targetAnchors = collect(search.targetFeatures, target, (segment) => segment.anchors);
  if (sourceAnchors.length !== targetAnchors.length) return undefined;
  const unmatched = [...sourceAnchors];
  for (const anchor of targetAnchors) {
    const position = unmatched.indexOf(anchor);
    if (position === -1) return undefined;
    unmatched.splice(position, 1);
  }
  let shared = sourceAnchors.length;
  if (search.model.targetLatinIsEvidence) {
    const sourceWords = collect(search.sourceFeatures, source, (segment) => segment.latinWords);
    for (const word of collect(search.targetFeatures, target, (segment) => segment.latinWords)) {
      if (!holdsWordForm(sourceWords, word)) return undefined;
      shared += 1;
    }
  }
  if (shared < MIN_SHARED_ITEMS) return undefined;
  const sourceLength = total(search.sourceFeatures, source);
  const targetLength = total(search.targetFeatures, target);
  const expected = sourceLength * search.model.lengthRatio;
  if (targetLength > expected * MAX_LENGTH_FACTOR || targetLength * MAX_LENGTH_FACTOR < expected) return undefined;
  return shared;
}

function collect<T>(
  features: readonly AlignmentSegment[],
  paragraph: Paragraph,
  items: (segment: AlignmentSegment) => readonly T[],
): T[] {
  return features.slice(paragraph.start, paragraph.end).flatMap(items);
}

function total(features: readonly AlignmentSegment[], paragraph: Paragraph): number {
  return features.slice(paragraph.start, paragraph.end).reduce((sum, segment) => sum + segment.length, 0);
}

function alignOrphans(search: OrphanSearch, source: Paragraph, target: Paragraph): SentenceBead[] {
  const beads = alignSegments(
    search.sourceFeatures.slice(source.start, source.end),
    search.targetFeatures.slice(target.start, target.end),
    search.model,
  );
  return beads
    .filter((bead) => bead.sourceStart < bead.sourceEnd && bead.targetStart < bead.targetEnd)
    .map((bead) => ({
      sourceStart: source.start + bead.sourceStart,
      sourceEnd: source.start + bead.sourceEnd,
      targetStart: target.start + bead.targetStart,
      targetEnd: target.start + bead.targetEnd,
      shape: bead.shape,
      confidence: bead.confidence,
    }));
}
