/**
 * Sentence pairs from an original and its human translation: structure first (alignBlocks), then sentences inside
 * each aligned paragraph group (alignSegments). Pairs below the confidence threshold are dropped and counted.
 */
import type { Block, ParsedDocument } from '../markdown/types.js';
import type { ProseUnit } from './alignBlocks.js';
import { alignBlocks } from './alignBlocks.js';
import type { AlignmentModel, AlignmentSegment, LengthObservation, SentenceBead } from './types.js';
import { alignSegments, SENTENCE_SHAPES, shiftBead } from './alignSentences.js';
import { calibrateLengthModel } from './lengthModel.js';
import type { GlossaryEntry, GlossaryIndex } from './glossary.js';
import { indexGlossary } from './glossary.js';
import { isSpacelessLanguage } from './language.js';
import { penalizeCrossings } from './crossCheck.js';
import { learnLexicon } from './lexicon.js';
import { movedParagraphBeads } from './movedParagraphs.js';
import { glossaryTerms, segmentFeatures, tokensBetween } from './segmentFeatures.js';
import type { SentenceSpan } from './splitSentences.js';
import { splitSentences } from './splitSentences.js';

export interface AlignOptions {
  /** Default `en`. */
  readonly sourceLanguage?: string;
  /** Default `zh`. */
  readonly targetLanguage?: string;
  /** Pairs whose confidence is below this are dropped (default 0.55). */
  readonly minConfidence?: number;
  /** en→target term pairs used as alignment evidence. */
  readonly glossary?: readonly GlossaryEntry[];
  /** Tab names only the translation has (default `paddle`). */
  readonly targetOnlyTabs?: readonly string[];
  /** Target characters per source character; estimated from the documents when absent. */
  readonly lengthRatio?: number;
}

/** One sentence of a prose block. */
export interface SentenceRef {
  readonly blockIndex: number;
  /** Position of the sentence within its block. */
  readonly sentenceIndex: number;
  readonly span: SentenceSpan;
  /** 1-based line of the sentence's first character. */
  readonly line: number;
}

/** Blocks (indices into each document's `blocks`) whose sentences align with each other. */
export interface ParagraphBead {
  readonly sourceBlocks: readonly number[];
  readonly targetBlocks: readonly number[];
  readonly shape: string;
  readonly confidence: number;
}

export interface UnitAlignment {
  /** Every sentence of every prose block of the source, in document order. */
  readonly sourceSentences: readonly SentenceRef[];
  /** Every sentence of the target's prose blocks that take part in alignment (target-only tabs left out). */
  readonly targetSentences: readonly SentenceRef[];
  /** Sentence beads in source order; source sentences in no bead have no counterpart region. */
  readonly beads: readonly SentenceBead[];
  readonly paragraphs: readonly ParagraphBead[];
}

export interface TextPair {
  readonly source: string;
  readonly target: string;
  readonly confidence: number;
  readonly shape: string;
  readonly sourceLine: number;
  readonly targetLine: number;
}

export interface AlignmentStats {
  /** Sentence beads of the best path by shape (`1-1`, `2-1`, `1-0` …), kept or not. */
  readonly beadsByShape: Readonly<Record<string, number>>;
  /** Two-sided sentence beads dropped for low confidence. */
  readonly droppedLowConfidence: number;
  readonly unalignedSourceSentences: number;
  readonly unalignedTargetSentences: number;
}

export interface DocumentAlignment {
  readonly pairs: TextPair[];
  readonly paragraphPairs: TextPair[];
  readonly stats: AlignmentStats;
}

const DEFAULT_MIN_CONFIDENCE = 0.55;
const SENTENCE_LENGTH_SPREAD = 0.35;

/** Sentences of one prose block (empty for other blocks). */
export function blockSentences(block: Block, language: string): SentenceSpan[] {
  return block.kind === 'prose' && block.tokens !== undefined ? splitSentences(block.tokens, language) : [];
}

/**
 * Sentence-level alignment of two documents, for callers that need positions rather than text: sync uses it to
 * find the human translation of each unchanged English sentence.
 */
export function alignUnits(source: ParsedDocument, target: ParsedDocument, options: AlignOptions = {}): UnitAlignment {
  return alignWithEvidence(source, target, options).alignment;
}

/** What the monotonic alignment saw, for the passes that look at its leftovers. */
interface AlignmentEvidence {
  readonly alignment: UnitAlignment;
  readonly sourceFeatures: readonly AlignmentSegment[];
  readonly targetFeatures: readonly AlignmentSegment[];
  readonly sourceRegion: Int32Array;
  readonly targetRegion: Int32Array;
  readonly model: AlignmentModel;
}

function alignWithEvidence(source: ParsedDocument, target: ParsedDocument, options: AlignOptions): AlignmentEvidence {
  const sourceLanguage = options.sourceLanguage ?? 'en';
  const targetLanguage = options.targetLanguage ?? 'zh';
  // No entries: no lookups at all (an empty index would still scan every sentence).
  const glossary =
    options.glossary === undefined || options.glossary.length === 0 ? undefined : indexGlossary(options.glossary);
  const structure = alignBlocks(source, target, {
    ...(options.targetOnlyTabs === undefined ? {} : { targetOnlyTabs: options.targetOnlyTabs }),
  });
  const sourceSentences = documentSentences(source, sourceLanguage);
  const sourceRanges = sentenceRangesByBlock(sourceSentences);
  const targetSentences: SentenceRef[] = [];
  const groups: SentenceGroup[] = structure.regions.map((region) => {
    const targetStart = targetSentences.length;
    for (const unit of region.target) targetSentences.push(...unitSentences(unit, target.blocks, targetLanguage));
    const first = region.source[0];
    const last = region.source[region.source.length - 1];
    const sourceStart = first === undefined ? 0 : (sourceRanges.get(first.blockIndex)?.[0] ?? 0);
    const sourceEnd = last === undefined ? sourceStart : (sourceRanges.get(last.blockIndex)?.[1] ?? sourceStart);
    return { sourceStart, sourceEnd, targetStart, targetEnd: targetSentences.length };
  });
  const sourceFeatures = sentenceFeatures(sourceSentences, source, sourceLanguage, glossary, 'source');
  const targetFeatures = sentenceFeatures(targetSentences, target, targetLanguage, glossary, 'target');
  const firstModel: AlignmentModel = {
    lengthRatio: options.lengthRatio ?? structure.lengthRatio,
    lengthSpread: SENTENCE_LENGTH_SPREAD,
    shapes: FIRST_PASS_SHAPES,
    targetLatinIsEvidence: isSpacelessLanguage(targetLanguage) !== isSpacelessLanguage(sourceLanguage),
    blockEdgeCost: BLOCK_EDGE_COST,
  };
  const firstPassByGroup = alignGroups(groups, sourceFeatures, targetFeatures, firstModel);
  const firstPass = firstPassByGroup.flat();
  const confident = firstPass.filter((bead) => bead.shape === '1-1' && bead.confidence >= CALIBRATION_CONFIDENCE);
  const calibrated = calibrateLengthModel(confidentLengths(confident, sourceFeatures, targetFeatures), firstModel);
  const model: AlignmentModel = {
    ...calibrated,
    shapes: SENTENCE_SHAPES,
    ...(options.lengthRatio === undefined ? {} : { lengthRatio: options.lengthRatio }),
  };
  const lexicon = firstModel.targetLatinIsEvidence
    ? learnLexicon(
        confident.map((bead) => ({
          source: sourceSentences[bead.sourceStart]?.span.text ?? '',
          target: targetSentences[bead.targetStart]?.span.text ?? '',
        })),
      )
    : [];
  const evidence = lexicon.length === 0 ? undefined : indexGlossary([...(options.glossary ?? []), ...lexicon]);
  const finalSource = evidence === undefined ? sourceFeatures : withTerms(sourceFeatures, evidence, 'source');
  const finalTarget = evidence === undefined ? targetFeatures : withTerms(targetFeatures, evidence, 'target');
  const aligned = alignGroups(groups, finalSource, finalTarget, model, firstPassByGroup).flat();
  const sourceRegion = new Int32Array(sourceSentences.length).fill(-1);
  const targetRegion = new Int32Array(targetSentences.length).fill(-1);
  groups.forEach((group, region) => {
    sourceRegion.fill(region, group.sourceStart, group.sourceEnd);
    targetRegion.fill(region, group.targetStart, group.targetEnd);
  });
  const beads = penalizeCrossings(aligned, finalSource, finalTarget, sourceRegion, targetRegion);
  return {
    alignment: {
      sourceSentences,
      targetSentences,
      beads,
      paragraphs: paragraphBeads(beads, sourceSentences, targetSentences),
    },
    sourceFeatures: finalSource,
    targetFeatures: finalTarget,
    sourceRegion,
    targetRegion,
    model,
  };
}

/**
 * The monotonic alignment with paragraphs the translator moved past an anchor paired too (movedParagraphs.ts):
 * their beads replace the one-sided beads of the same sentences, in source order. Parallel data wants every
 * translated sentence; sync keeps to the monotonic beads, whose order it follows.
 */
function alignWithMovedParagraphs(
  source: ParsedDocument,
  target: ParsedDocument,
  options: AlignOptions,
): UnitAlignment {
  const evidence = alignWithEvidence(source, target, options);
  const { alignment } = evidence;
  const moved = movedParagraphBeads({
    beads: alignment.beads,
    sourceBlocks: Int32Array.from(alignment.sourceSentences, (ref) => ref.blockIndex),
    targetBlocks: Int32Array.from(alignment.targetSentences, (ref) => ref.blockIndex),
    sourceRegion: evidence.sourceRegion,
    targetRegion: evidence.targetRegion,
    sourceFeatures: evidence.sourceFeatures,
    targetFeatures: evidence.targetFeatures,
    model: evidence.model,
  });
  if (moved.length === 0) return alignment;
  const sourceMoved = new Uint8Array(alignment.sourceSentences.length);
  const targetMoved = new Uint8Array(alignment.targetSentences.length);
  for (const bead of moved) {
    sourceMoved.fill(1, bead.sourceStart, bead.sourceEnd);
    targetMoved.fill(1, bead.targetStart, bead.targetEnd);
  }
  const kept = alignment.beads.filter(
    (bead) =>
      !sourceMoved.subarray(bead.sourceStart, bead.sourceEnd).includes(1) &&
      !targetMoved.subarray(bead.targetStart, bead.targetEnd).includes(1),
  );
  const beads = [...kept, ...moved].sort((a, b) => a.sourceStart - b.sourceStart || a.sourceEnd - b.sourceEnd);
  return {
    ...alignment,
    beads,
    paragraphs: paragraphBeads(beads, alignment.sourceSentences, alignment.targetSentences),
  };
}

interface SentenceGroup {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
}

const CALIBRATION_CONFIDENCE = 0.9;
/** The first pass only calibrates lengths, learns a lexicon and guides the second: the common shapes suffice. */
const FIRST_PASS_SHAPES = SENTENCE_SHAPES.filter((shape) => shape.source + shape.target <= 3);
const BLOCK_EDGE_COST = 2;

function sentenceFeatures(
  refs: readonly SentenceRef[],
  document: ParsedDocument,
  language: string,
  glossary: GlossaryIndex | undefined,
  side: 'source' | 'target',
): AlignmentSegment[] {
  return refs.map((ref) => {
    const block = document.blocks[ref.blockIndex];
    const features = segmentFeatures(
      {
        text: ref.span.text,
        tokens: tokensBetween(
          block?.tokens ?? [],
          ref.span.start,
          ref.span.end,
          ref.span.firstToken,
          ref.span.firstTokenStart,
        ),
      },
      language,
      glossary,
      side,
      block?.context === 'heading' ? 'heading' : 'text',
    );
    return segmentWith(features, features.terms, ref.sentenceIndex === 0);
  });
}

/**
 * A segment rebuilt field by field in one order: a spread copies whatever shape its source had, and the
 * lattice reads thousands of these.
 */
function segmentWith(features: AlignmentSegment, terms: readonly number[], startsBlock: boolean): AlignmentSegment {
  return {
    length: features.length,
    anchors: features.anchors,
    latinWords: features.latinWords,
    terms,
    category: features.category,
    startsBlock,
    prose: features.prose,
  };
}

/** The same features with glossary terms looked up again, for a glossary extended by a learned lexicon. */
function withTerms(
  features: readonly AlignmentSegment[],
  glossary: GlossaryIndex,
  side: 'source' | 'target',
): AlignmentSegment[] {
  return features.map((feature) =>
    segmentWith(feature, glossaryTerms(feature.prose ?? '', glossary, side), feature.startsBlock === true),
  );
}

/** Aligns each group on its own; the result holds each group's beads, in order. A guide holds a first pass's. */
function alignGroups(
  groups: readonly SentenceGroup[],
  sourceFeatures: readonly AlignmentSegment[],
  targetFeatures: readonly AlignmentSegment[],
  model: AlignmentModel,
  guide?: readonly (readonly SentenceBead[])[],
): SentenceBead[][] {
  return groups.map((group, index) => {
    const sourceCount = group.sourceEnd - group.sourceStart;
    const targetCount = group.targetEnd - group.targetStart;
    if (sourceCount === 0 || targetCount === 0) {
      return sourceCount === 0 && targetCount === 0
        ? []
        : [{ ...group, shape: `${sourceCount}-${targetCount}`, confidence: 1 }];
    }
    const groupGuide = guide?.[index]?.map((bead) => shiftBead(bead, -group.sourceStart, -group.targetStart));
    return alignSegments(
      sourceFeatures.slice(group.sourceStart, group.sourceEnd),
      targetFeatures.slice(group.targetStart, group.targetEnd),
      model,
      groupGuide,
    ).map((bead) => shiftBead(bead, group.sourceStart, group.targetStart));
  });
}

function confidentLengths(
  oneToOne: readonly SentenceBead[],
  sourceFeatures: readonly AlignmentSegment[],
  targetFeatures: readonly AlignmentSegment[],
): LengthObservation[] {
  return oneToOne.map((bead) => ({
    sourceChars: sourceFeatures[bead.sourceStart]?.length ?? 0,
    targetChars: targetFeatures[bead.targetStart]?.length ?? 0,
  }));
}

/**
 * Paragraph pairs follow from sentence beads: blocks joined by a two-sided bead belong together, transitively.
 * A group's confidence is that of its weakest bead.
 */
function paragraphBeads(
  beads: readonly SentenceBead[],
  sourceSentences: readonly SentenceRef[],
  targetSentences: readonly SentenceRef[],
): ParagraphBead[] {
  const paragraphs: Array<{ source: number[]; target: number[]; confidence: number }> = [];
  let current: { source: number[]; target: number[]; confidence: number } | undefined;
  for (const bead of beads) {
    if (bead.sourceEnd === bead.sourceStart || bead.targetEnd === bead.targetStart) continue;
    const sourceBlocks = blocksOf(sourceSentences, bead.sourceStart, bead.sourceEnd);
    const targetBlocks = blocksOf(targetSentences, bead.targetStart, bead.targetEnd);
    const joins =
      current !== undefined &&
      (sourceBlocks.some((block) => current?.source.includes(block)) ||
        targetBlocks.some((block) => current?.target.includes(block)));
    if (current === undefined || !joins) {
      current = { source: [], target: [], confidence: 1 };
      paragraphs.push(current);
    }
    for (const block of sourceBlocks) if (!current.source.includes(block)) current.source.push(block);
    for (const block of targetBlocks) if (!current.target.includes(block)) current.target.push(block);
    current.confidence = Math.min(current.confidence, bead.confidence);
  }
  return paragraphs.map((paragraph) => ({
    sourceBlocks: paragraph.source,
    targetBlocks: paragraph.target,
    shape: `${paragraph.source.length}-${paragraph.target.length}`,
    confidence: paragraph.confidence,
  }));
}

function blocksOf(refs: readonly SentenceRef[], start: number, end: number): number[] {
  const blocks: number[] = [];
  for (const ref of refs.slice(start, end)) if (!blocks.includes(ref.blockIndex)) blocks.push(ref.blockIndex);
  return blocks;
}

/** Sentence pairs (and paragraph pairs) with text folded for parallel data. */
export function alignDocuments(
  source: ParsedDocument,
  target: ParsedDocument,
  options: AlignOptions = {},
): DocumentAlignment {
  const targetLanguage = options.targetLanguage ?? 'zh';
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const alignment = alignWithMovedParagraphs(source, target, options);
  const beadsByShape: Record<string, number> = {};
  const pairs: TextPair[] = [];
  let droppedLowConfidence = 0;
  let unalignedSourceSentences = alignment.sourceSentences.length;
  let unalignedTargetSentences = alignment.targetSentences.length;
  for (const bead of alignment.beads) {
    beadsByShape[bead.shape] = (beadsByShape[bead.shape] ?? 0) + 1;
    const sourceRefs = alignment.sourceSentences.slice(bead.sourceStart, bead.sourceEnd);
    const targetRefs = alignment.targetSentences.slice(bead.targetStart, bead.targetEnd);
    if (sourceRefs.length === 0 || targetRefs.length === 0) continue;
    unalignedSourceSentences -= sourceRefs.length;
    unalignedTargetSentences -= targetRefs.length;
    if (bead.confidence < minConfidence) {
      droppedLowConfidence += 1;
      continue;
    }
    pairs.push({
      source: joinSentences(sourceRefs, options.sourceLanguage ?? 'en'),
      target: joinSentences(targetRefs, targetLanguage),
      confidence: bead.confidence,
      shape: bead.shape,
      sourceLine: sourceRefs[0]?.line ?? 0,
      targetLine: targetRefs[0]?.line ?? 0,
    });
  }
  const paragraphPairs = alignment.paragraphs.flatMap((paragraph) =>
    paragraph.confidence >= minConfidence
      ? [paragraphPair(paragraph, alignment, options.sourceLanguage ?? 'en', targetLanguage)]
      : [],
  );
  return {
    pairs,
    paragraphPairs,
    stats: { beadsByShape, droppedLowConfidence, unalignedSourceSentences, unalignedTargetSentences },
  };
}

/** Sentences of a side are joined with a space, or with nothing in languages written without spaces. */
export function joinSentences(refs: readonly SentenceRef[], language: string): string {
  return refs.map((ref) => ref.span.text).join(isSpacelessLanguage(language) ? '' : ' ');
}

function paragraphPair(
  paragraph: ParagraphBead,
  alignment: UnitAlignment,
  sourceLanguage: string,
  targetLanguage: string,
): TextPair {
  const refsOf = (blocks: readonly number[], refs: readonly SentenceRef[]) =>
    refs.filter((ref) => blocks.includes(ref.blockIndex));
  const sourceRefs = refsOf(paragraph.sourceBlocks, alignment.sourceSentences);
  const targetRefs = refsOf(paragraph.targetBlocks, alignment.targetSentences);
  return {
    source: joinSentences(sourceRefs, sourceLanguage),
    target: joinSentences(targetRefs, targetLanguage),
    confidence: paragraph.confidence,
    shape: paragraph.shape,
    sourceLine: sourceRefs[0]?.line ?? 0,
    targetLine: targetRefs[0]?.line ?? 0,
  };
}

function documentSentences(document: ParsedDocument, language: string): SentenceRef[] {
  return document.blocks.flatMap((block, blockIndex) =>
    unitSentences({ blockIndex, block }, document.blocks, language),
  );
}

function unitSentences(unit: ProseUnit, blocks: readonly Block[], language: string): SentenceRef[] {
  const block = blocks[unit.blockIndex] ?? unit.block;
  return blockSentences(block, language).map((span, sentenceIndex) => ({
    blockIndex: unit.blockIndex,
    sentenceIndex,
    span,
    line: block.line + countNewlines(block.source, span.start),
  }));
}

function countNewlines(text: string, until: number): number {
  let count = 0;
  for (let index = 0; index < until; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return count;
}

function sentenceRangesByBlock(refs: readonly SentenceRef[]): Map<number, [number, number]> {
  const ranges = new Map<number, [number, number]>();
  refs.forEach((ref, index) => {
    const range = ranges.get(ref.blockIndex);
    if (range === undefined) ranges.set(ref.blockIndex, [index, index + 1]);
    else range[1] = index + 1;
  });
  return ranges;
}
