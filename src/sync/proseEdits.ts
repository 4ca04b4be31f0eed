import { longestCommonSubsequence } from '../align/alignBlocks.js';
import type { SentenceRef, UnitAlignment } from '../align/buildPairs.js';
import type { SentenceBead } from '../align/types.js';
import { tokensBetween } from '../align/segmentFeatures.js';
import { splitSentences, type SentenceSpan } from '../align/splitSentences.js';
import type { Block, ParsedDocument } from '../markdown/types.js';
import type { PlanState } from './planState.js';
import { sameWordsKey } from './sameWordsKey.js';
import { sentenceKey } from './sentenceKey.js';
import type { Part, ReplacedTranslation } from './types.js';

export interface TargetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Edits of the translation's prose, sentence bead by sentence bead: a bead whose English survives is never touched,
 * a bead whose English changed is replaced by drafts, removed prose takes its layout along.
 */
export class ProseEditor {
  private readonly beadsByOldBlock: Map<number, SentenceBead[]>;
  /** Prose the English deleted, by its words: a paragraph inserted elsewhere with the same words was moved. */
  private readonly deletedProse = new Map<string, number>();

  constructor(
    private readonly alignment: UnitAlignment,
    private readonly target: ParsedDocument,
    private readonly sourceLanguage: string,
    private readonly separator: string,
    private readonly state: PlanState,
  ) {
    this.beadsByOldBlock = beadsByBlock(alignment);
  }

  /** An unchanged English paragraph: its beads are kept; sentences that only gained slide markers are named. */
  keep(oldBlock: number, oldSource: string, after: Block): void {
    this.state.kept += this.beadsWithTarget(oldBlock).length;
    if (sentenceKey(after.source) === sentenceKey(oldSource)) return;
    const before = new Set(this.sentencesOfOldBlock(oldBlock).map((sentence) => sentenceKey(sentence.span.text)));
    for (const sentence of splitSentences(after.tokens ?? [], this.sourceLanguage)) {
      if (!before.has(sentenceKey(sentence.text))) this.state.restyled.push(sentence.text);
    }
  }

  /**
   * Edits the translation of one English paragraph bead by bead: a bead whose English sentences all survive is not
   * touched at all; a bead whose English changed is replaced by the drafts of its new sentences; a sentence the
   * English gained goes right after the bead before it. Returns false when the paragraph has no translation to edit.
   */
  change(oldBlock: number, newBlock: Block): boolean {
    const beads = this.beadsWithTarget(oldBlock);
    if (beads.length === 0) return false;
    const alignment = this.alignment;
    const oldSentences = this.sentencesOfOldBlock(oldBlock);
    const firstOld = alignment.sourceSentences.indexOf(oldSentences[0] as SentenceRef);
    const newSentences = splitSentences(newBlock.tokens ?? [], this.sourceLanguage);
    const matches = longestCommonSubsequence(
      oldSentences.map((sentence) => sameWordsKey(sentence.span.text)),
      newSentences.map((sentence) => sameWordsKey(sentence.text)),
    );
    const oldOfNew = new Map(matches.map(([oldIndex, newIndex]) => [newIndex, firstOld + oldIndex]));
    const surviving = new Set(oldOfNew.values());
    const beadOfOld = new Map<number, SentenceBead>();
    for (const bead of beads) for (const index of rangeOf(bead.sourceStart, bead.sourceEnd)) beadOfOld.set(index, bead);
    const replaced = beads.filter((bead) =>
      rangeOf(bead.sourceStart, bead.sourceEnd).some((index) => !surviving.has(index)),
    );
    const isKept = (newIndex: number): boolean => {
      const bead = beadOfOld.get(oldOfNew.get(newIndex) ?? -1);
      return bead !== undefined && !replaced.includes(bead);
    };
    const partsOf = new Map<SentenceBead, Part[]>(replaced.map((bead) => [bead, []]));
    let previousKept: number | undefined;
    let run: number[] = [];
    const placeRun = (nextKept: number | undefined): void => {
      if (run.length === 0) return;
      const from = previousKept === undefined ? firstOld - 1 : (oldOfNew.get(previousKept) ?? firstOld - 1);
      const to = nextKept === undefined ? firstOld + oldSentences.length : (oldOfNew.get(nextKept) ?? from + 1);
      const hunkBeads = replaced.filter((bead) => bead.sourceStart > from && bead.sourceStart < to);
      const parts = this.draftsOf(run, newSentences, newBlock, this.replacedBy(hunkBeads));
      const home = hunkBeads[0];
      if (home) partsOf.get(home)?.push(...parts);
      else this.insertBesideBead(previousKept === undefined ? undefined : beadOfOld.get(from), beads[0], parts);
      run = [];
    };
    newSentences.forEach((_, index) => {
      if (!isKept(index)) {
        run.push(index);
        return;
      }
      placeRun(index);
      previousKept = index;
    });
    placeRun(undefined);
    this.state.kept += beads.length - replaced.length;
    this.state.removed += replaced.length;
    for (const [oldIndex, newIndex] of matches) {
      const before = oldSentences[oldIndex]?.span.text ?? '';
      const after = newSentences[newIndex]?.text ?? '';
      if (sentenceKey(before) !== sentenceKey(after) && isKept(newIndex)) this.state.restyled.push(after);
    }
    for (const [bead, parts] of partsOf) this.replaceBead(bead, parts);
    return true;
  }

  /** The English deleted a paragraph: its translation goes, except inside ranges that must stay (`kept`). */
  delete(oldBlock: number, key: string, kept: (range: TargetRange) => boolean): void {
    const beads = this.beadsWithTarget(oldBlock).filter((bead) => !this.targetSpansOf(bead).some((span) => kept(span)));
    if (!this.deletedProse.has(key)) this.deletedProse.set(key, oldBlock);
    this.state.removed += beads.length;
    for (const span of mergeAdjacent(
      beads.flatMap((bead) => this.targetSpansOf(bead)),
      (a, b) => this.inSameBlock(a, b),
    )) {
      this.state.edits.push({ ...this.removalRange(span), parts: [] });
    }
  }

  /** The translation of a new English block: drafts for prose (or the human translation of a moved paragraph). */
  translated(block: Block, reason: 'changed' | 'inserted'): Part[] {
    if (block.kind !== 'prose' || !block.tokens) return [block.source];
    const moved = this.movedTranslation(block);
    if (moved !== undefined) return [moved];
    const tokens = block.tokens;
    const sentences = splitSentences(tokens, this.sourceLanguage);
    if (sentences.length === 0) return [block.source];
    const parts: Part[] = [];
    sentences.forEach((sentence, index) => {
      if (index > 0) parts.push(this.separator);
      parts.push(this.state.draft(tokensBetween(tokens, sentence.start, sentence.end), sentence.text, reason));
    });
    return parts;
  }

  /** The target range the translation of an old English paragraph covers, whole blocks; undefined when it has none. */
  targetRange(oldBlock: number): TargetRange | undefined {
    const beads = this.beadsWithTarget(oldBlock);
    let start = Number.POSITIVE_INFINITY;
    let end = -1;
    for (const bead of beads) {
      const range = this.targetRangeOf(bead);
      start = Math.min(start, range.start);
      end = Math.max(end, range.end);
    }
    if (end < 0) return undefined;
    const blocks = this.target.blocks;
    const last = blocks.find((candidate) => candidate.start < end && end <= candidate.start + candidate.source.length);
    return { start, end: last ? last.start + last.source.length : end };
  }

  /** When a removal empties a block, the layout before it (blank line, `## `, `- `) goes too. */
  widenToWholeBlocks(range: TargetRange): TargetRange {
    const blocks = this.target.blocks;
    const containing = blocks.findIndex(
      (block) => block.start <= range.start && range.start < block.start + block.source.length,
    );
    const ending = blocks.findIndex(
      (block) => block.start < range.end && range.end <= block.start + block.source.length,
    );
    const first = blocks[containing];
    const last = blocks[ending];
    if (!first || !last || first.start !== range.start || last.start + last.source.length !== range.end) return range;
    let previous = containing - 1;
    while (previous >= 0 && blocks[previous]?.kind === 'layout') previous -= 1;
    const previousBlock = blocks[previous];
    return { start: previousBlock ? previousBlock.start + previousBlock.source.length : 0, end: range.end };
  }

  private sentencesOfOldBlock(blockIndex: number): SentenceRef[] {
    return this.alignment.sourceSentences.filter((sentence) => sentence.blockIndex === blockIndex);
  }

  private draftsOf(
    indices: readonly number[],
    sentences: readonly SentenceSpan[],
    block: Block,
    replaces: ReplacedTranslation | undefined,
  ): Part[] {
    const parts: Part[] = [];
    for (const index of indices) {
      const sentence = sentences[index];
      if (!sentence) continue;
      if (parts.length > 0) parts.push(this.separator);
      const tokens = tokensBetween(block.tokens ?? [], sentence.start, sentence.end);
      parts.push(this.state.draft(tokens, sentence.text, 'changed', parts.length === 0 ? replaces : undefined));
    }
    return parts;
  }

  /** The old English and human translation of beads being replaced, as reviewers should see them. */
  private replacedBy(beads: readonly SentenceBead[]): ReplacedTranslation | undefined {
    if (beads.length === 0) return undefined;
    const alignment = this.alignment;
    const source = beads
      .flatMap((bead) =>
        alignment.sourceSentences.slice(bead.sourceStart, bead.sourceEnd).map((sentence) => sentence.span.text),
      )
      .join(' ');
    const translation = beads
      .flatMap((bead) =>
        alignment.targetSentences.slice(bead.targetStart, bead.targetEnd).map((sentence) => sentence.span.text),
      )
      .join(this.separator);
    return { source, translation };
  }

  /** New sentences with no replaced bead to take their place go after the kept bead before them, or before the first. */
  private insertBesideBead(
    previous: SentenceBead | undefined,
    first: SentenceBead | undefined,
    parts: readonly Part[],
  ): void {
    if (previous) {
      const end = this.targetRangeOf(previous).end;
      this.state.edits.push({ start: end, end, parts: [this.separator, ...parts] });
    } else if (first) {
      const start = this.targetRangeOf(first).start;
      this.state.edits.push({ start, end: start, parts: [...parts, this.separator] });
    }
  }

  /** Replaces a bead's sentences; a bead split by code or math is replaced in its first part, the rest removed. */
  private replaceBead(bead: SentenceBead, parts: readonly Part[]): void {
    const spans = this.targetSpansOf(bead);
    spans.forEach((span, index) => {
      if (index === 0 && parts.length > 0) this.state.edits.push({ ...span, parts });
      else this.state.edits.push({ ...this.removalRange(span), parts: [] });
    });
  }

  /** The bead's target text, cut where it crosses anything but prose and layout. */
  private targetSpansOf(bead: SentenceBead): TargetRange[] {
    const spans: TargetRange[] = [];
    for (const index of rangeOf(bead.targetStart, bead.targetEnd)) {
      const sentence = this.alignment.targetSentences[index];
      if (!sentence) continue;
      const range = { start: this.targetOffset(sentence, 'start'), end: this.targetOffset(sentence, 'end') };
      const last = spans[spans.length - 1];
      if (last && this.inSameBlock(last.end, range.start))
        spans[spans.length - 1] = { start: last.start, end: range.end };
      else spans.push(range);
    }
    return spans;
  }

  /** Whether the end of one sentence and the start of another lie in the same target block. */
  private inSameBlock(end: number, start: number): boolean {
    const block = this.target.blocks.find(
      (candidate) => candidate.start < end && end <= candidate.start + candidate.source.length,
    );
    return block !== undefined && block.start <= start && start < block.start + block.source.length;
  }

  /** Removing a whole block takes the layout before it (blank line, `## `, `- `) along; a sentence, the spaces after it. */
  private removalRange(span: TargetRange): TargetRange {
    const widened = this.widenToWholeBlocks(span);
    if (widened.start !== span.start) return widened;
    const text = this.target.text;
    let end = span.end;
    while (text[end] === ' ' || text[end] === '\t') end += 1;
    return { start: span.start, end };
  }

  /**
   * A paragraph the English moved elsewhere, word for word, keeps its human translation at the new place (it is
   * removed from the old place like any deleted paragraph).
   */
  private movedTranslation(block: Block): string | undefined {
    const key = `prose:${sameWordsKey(block.source)}`;
    const oldBlock = this.deletedProse.get(key);
    if (oldBlock === undefined) return undefined;
    const beads = this.beadsWithTarget(oldBlock);
    const spans = beads.flatMap((bead) => this.targetSpansOf(bead));
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (!first || !last || spans.some((span) => !this.inSameBlock(first.start + 1, span.start))) return undefined;
    this.deletedProse.delete(key);
    this.state.removed -= beads.length;
    this.state.kept += beads.length;
    return this.target.text.slice(first.start, last.end);
  }

  private beadsWithTarget(oldBlock: number): SentenceBead[] {
    return (this.beadsByOldBlock.get(oldBlock) ?? []).filter((bead) => bead.targetEnd > bead.targetStart);
  }

  private targetRangeOf(bead: SentenceBead): TargetRange {
    const first = this.alignment.targetSentences[bead.targetStart];
    const last = this.alignment.targetSentences[bead.targetEnd - 1];
    return { start: this.targetOffset(first, 'start'), end: this.targetOffset(last, 'end') };
  }

  private targetOffset(sentence: SentenceRef | undefined, side: 'start' | 'end'): number {
    if (!sentence) return 0;
    const block = this.target.blocks[sentence.blockIndex];
    return (block?.start ?? 0) + (side === 'start' ? sentence.span.start : sentence.span.end);
  }
}

function beadsByBlock(alignment: UnitAlignment): Map<number, SentenceBead[]> {
  const byBlock = new Map<number, SentenceBead[]>();
  for (const bead of alignment.beads) {
    const first = alignment.sourceSentences[bead.sourceStart];
    if (!first || bead.sourceEnd <= bead.sourceStart) continue;
    const list = byBlock.get(first.blockIndex);
    if (list) list.push(bead);
    else byBlock.set(first.blockIndex, [bead]);
  }
  return byBlock;
}

/** Joins spans within one block, so that a removed paragraph goes as one piece. */
function mergeAdjacent(
  spans: readonly TargetRange[],
  joinable: (end: number, start: number) => boolean,
): TargetRange[] {
  const merged: TargetRange[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || joinable(last.end, span.start))) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else merged.push(span);
  }
  return merged;
}

function rangeOf(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, index) => start + index);
}
