import { longestCommonSubsequence } from '../align/alignBlocks.js';
import type { SentenceBead, SentenceRef, UnitAlignment } from '../align/buildPairs.js';
import { isSpacelessLanguage } from '../align/language.js';
import { tokensBetween } from '../align/segmentFeatures.js';
import { splitSentences, type SentenceSpan } from '../align/splitSentences.js';
import type { Block, InlineToken, ParsedDocument } from '../markdown/types.js';
import { sameWordsKey } from './sameWordsKey.js';
import { sentenceKey } from './translationMemory.js';

/** A piece of new English the engine must translate. */
export interface DraftRequest {
  readonly tokens: readonly InlineToken[];
  /** The English, line breaks folded, for the report. */
  readonly source: string;
  readonly reason: 'changed' | 'inserted';
  /** What the draft (with the drafts after it in the same place) replaces, for reviewers. */
  readonly replaces?: ReplacedTranslation;
}

export interface ReplacedTranslation {
  /** The old English. */
  readonly source: string;
  /** Its human translation, as it stood. */
  readonly translation: string;
}

/** Text written into the translation: literal text, a machine draft, or a reused human translation. */
export type Part = string | { readonly draft: number } | { readonly reused: string; readonly source: string };

/** Replace target[start, end) by `parts`. Insertions have start === end. */
export interface TargetEdit {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Part[];
}

export interface ChapterPlan {
  readonly edits: readonly TargetEdit[];
  readonly drafts: readonly DraftRequest[];
  /** Human translations kept byte for byte (sentence beads). */
  readonly kept: number;
  /** Drafts filled from translation memory instead (see applyTranslationMemory). */
  readonly reused: number;
  readonly reusedSources: readonly string[];
  /** Target sentences (beads) removed because their English changed or went away. */
  readonly removed: number;
  /**
   * New English sentences that only gained or lost slide markers: their human translation was kept as it was,
   * without the markers, for translators to mirror them.
   */
  readonly restyled: readonly string[];
}

export interface PlanInput {
  readonly oldEnglish: ParsedDocument;
  readonly newEnglish: ParsedDocument;
  readonly target: ParsedDocument;
  readonly alignment: UnitAlignment;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly targetOnlyTabs?: readonly string[];
}

interface Item {
  readonly blockIndex: number;
  readonly block: Block;
  readonly key: string;
}

interface TargetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Works out how the translation changes when its English goes from `oldEnglish` to `newEnglish`:
 * the edits are made on the translation's own text, so everything they do not touch (human
 * sentences whose English is unchanged, translators' additions, Paddle cells) stays byte for byte.
 */
export function planChapter(input: PlanInput): ChapterPlan {
  return new ChapterPlanner(input).plan();
}

class ChapterPlanner {
  private readonly edits: TargetEdit[] = [];
  private readonly drafts: DraftRequest[] = [];
  private kept = 0;
  private removed = 0;
  private readonly restyled: string[] = [];
  private readonly oldItems: Item[];
  private readonly newItems: Item[];
  private readonly targetOfOldBlock: Map<number, number>;
  private readonly beadsByOldBlock: Map<number, SentenceBead[]>;
  private readonly separator: string;
  /** Prose the English deleted, by block key: a paragraph inserted elsewhere with the same text was moved. */
  private readonly deletedProse = new Map<string, number>();

  constructor(private readonly input: PlanInput) {
    this.oldItems = itemsOf(input.oldEnglish);
    this.newItems = itemsOf(input.newEnglish);
    this.targetOfOldBlock = matchStructure(input.oldEnglish, input.target, input.targetOnlyTabs ?? ['paddle']);
    this.beadsByOldBlock = beadsByBlock(input.alignment);
    this.separator = isSpacelessLanguage(input.targetLanguage) ? '' : ' ';
  }

  plan(): ChapterPlan {
    const matches = longestCommonSubsequence(
      this.oldItems.map((item) => item.key),
      this.newItems.map((item) => item.key),
    );
    const insertedRuns: Array<{ newFrom: number; newTo: number; anchorOld: number | undefined }> = [];
    let oldFrom = 0;
    let newFrom = 0;
    let lastOldWithNew: number | undefined;
    const gap = (oldTo: number, newTo: number): void => {
      const pairs = pairGap(this.oldItems.slice(oldFrom, oldTo), this.newItems.slice(newFrom, newTo), oldFrom, newFrom);
      let run: { newFrom: number; newTo: number; anchorOld: number | undefined } | undefined;
      for (const pair of pairs) {
        if (pair.old !== undefined && pair.new !== undefined) {
          this.changeItem(pair.old, pair.new, lastOldWithNew);
          lastOldWithNew = pair.old;
          run = undefined;
        } else if (pair.old !== undefined) {
          this.deleteItem(pair.old);
        } else if (pair.new !== undefined) {
          if (run && run.newTo === pair.new) run.newTo += 1;
          else {
            run = { newFrom: pair.new, newTo: pair.new + 1, anchorOld: lastOldWithNew };
            insertedRuns.push(run);
          }
        }
      }
    };
    for (const [oldIndex, newIndex] of matches) {
      gap(oldIndex, newIndex);
      this.keepItem(oldIndex, newIndex);
      lastOldWithNew = oldIndex;
      oldFrom = oldIndex + 1;
      newFrom = newIndex + 1;
    }
    gap(this.oldItems.length, this.newItems.length);
    for (const run of insertedRuns) this.insertRun(run.newFrom, run.newTo, run.anchorOld);
    return {
      edits: this.edits.sort((a, b) => a.start - b.start || a.end - b.end),
      drafts: this.drafts,
      kept: this.kept,
      reused: 0,
      reusedSources: [],
      removed: this.removed,
      restyled: this.restyled,
    };
  }

  private keepItem(oldItem: number, newItem: number): void {
    const item = this.oldItems[oldItem];
    if (item?.block.kind !== 'prose') return;
    this.kept += this.beadsWithTarget(item.blockIndex).length;
    const after = this.newItems[newItem];
    if (after && sentenceKey(after.block.source) !== sentenceKey(item.block.source)) {
      // Same words, other slide markers: name the sentences whose exact text is new.
      const before = new Set(
        this.sentencesOfOldBlock(item.blockIndex).map((sentence) => sentenceKey(sentence.span.text)),
      );
      for (const sentence of splitSentences(after.block.tokens ?? [], this.input.sourceLanguage)) {
        if (!before.has(sentenceKey(sentence.text))) this.restyled.push(sentence.text);
      }
    }
  }

  private sentencesOfOldBlock(blockIndex: number): SentenceRef[] {
    return this.input.alignment.sourceSentences.filter((sentence) => sentence.blockIndex === blockIndex);
  }

  /** An English block edited in place: prose sentence by sentence, anything else replaced whole. */
  private changeItem(oldItem: number, newItem: number, anchorOld: number | undefined): void {
    const before = this.oldItems[oldItem];
    const after = this.newItems[newItem];
    if (!before || !after) return;
    if (before.block.kind === 'prose' && after.block.kind === 'prose') {
      if (!this.changeProse(before.blockIndex, after.block)) this.insertRun(newItem, newItem + 1, anchorOld, 'changed');
      return;
    }
    const targetBlock = this.targetOfOldBlock.get(before.blockIndex);
    const target = targetBlock === undefined ? undefined : this.input.target.blocks[targetBlock];
    if (!target) {
      this.insertRun(newItem, newItem + 1, anchorOld);
      return;
    }
    this.edits.push({ start: target.start, end: target.start + target.source.length, parts: [after.block.source] });
  }

  /**
   * Edits the translation of one English paragraph bead by bead: a bead whose English sentences
   * all survive is not touched at all; a bead whose English changed is replaced by the drafts of
   * its new sentences; a sentence the English gained goes right after the bead before it.
   * Returns false when the paragraph has no translation to edit.
   */
  private changeProse(oldBlock: number, newBlock: Block): boolean {
    const beads = this.beadsWithTarget(oldBlock);
    if (beads.length === 0) return false;
    const alignment = this.input.alignment;
    const oldSentences = this.sentencesOfOldBlock(oldBlock);
    const firstOld = alignment.sourceSentences.indexOf(oldSentences[0] as SentenceRef);
    const newSentences = splitSentences(newBlock.tokens ?? [], this.input.sourceLanguage);
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
    this.kept += beads.length - replaced.length;
    this.removed += replaced.length;
    for (const [oldIndex, newIndex] of matches) {
      const before = oldSentences[oldIndex]?.span.text ?? '';
      const after = newSentences[newIndex]?.text ?? '';
      if (sentenceKey(before) !== sentenceKey(after) && isKept(newIndex)) this.restyled.push(after);
    }
    for (const [bead, parts] of partsOf) this.replaceBead(bead, parts);
    return true;
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
      parts.push(this.draft(tokens, sentence.text, 'changed', parts.length === 0 ? replaces : undefined));
    }
    return parts;
  }

  /** The old English and human translation of beads being replaced, as reviewers should see them. */
  private replacedBy(beads: readonly SentenceBead[]): ReplacedTranslation | undefined {
    if (beads.length === 0) return undefined;
    const alignment = this.input.alignment;
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
      this.edits.push({ start: end, end, parts: [this.separator, ...parts] });
    } else if (first) {
      const start = this.targetRangeOf(first).start;
      this.edits.push({ start, end: start, parts: [...parts, this.separator] });
    }
  }

  /** Replaces a bead's sentences; a bead split by code or math is replaced in its first part, the rest removed. */
  private replaceBead(bead: SentenceBead, parts: readonly Part[]): void {
    const spans = this.targetSpansOf(bead);
    spans.forEach((span, index) => {
      if (index === 0 && parts.length > 0) this.edits.push({ ...span, parts });
      else this.edits.push({ ...this.removalRange(span), parts: [] });
    });
  }

  /** The bead's target text, cut where it crosses anything but prose and layout. */
  private targetSpansOf(bead: SentenceBead): TargetRange[] {
    const spans: TargetRange[] = [];
    for (const index of rangeOf(bead.targetStart, bead.targetEnd)) {
      const sentence = this.input.alignment.targetSentences[index];
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
    const block = this.input.target.blocks.find(
      (candidate) => candidate.start < end && end <= candidate.start + candidate.source.length,
    );
    return block !== undefined && block.start <= start && start < block.start + block.source.length;
  }

  /** Removing a whole block takes the layout before it (blank line, `## `, `- `) along; a sentence, the spaces after it. */
  private removalRange(span: TargetRange): TargetRange {
    const widened = this.widenToWholeBlocks(span);
    if (widened.start !== span.start) return widened;
    const text = this.input.target.text;
    let end = span.end;
    while (text[end] === ' ' || text[end] === '\t') end += 1;
    return { start: span.start, end };
  }

  private deleteItem(oldItem: number): void {
    const item = this.oldItems[oldItem];
    if (!item) return;
    if (item.block.kind === 'prose') {
      const beads = this.beadsWithTarget(item.blockIndex);
      if (!this.deletedProse.has(item.key)) this.deletedProse.set(item.key, item.blockIndex);
      this.removed += beads.length;
      for (const span of mergeAdjacent(
        beads.flatMap((bead) => this.targetSpansOf(bead)),
        (a, b) => this.inSameBlock(a, b),
      )) {
        this.edits.push({ ...this.removalRange(span), parts: [] });
      }
      return;
    }
    const targetBlock = this.targetOfOldBlock.get(item.blockIndex);
    const target = targetBlock === undefined ? undefined : this.input.target.blocks[targetBlock];
    if (!target) return;
    this.edits.push({
      ...this.widenToWholeBlocks({ start: target.start, end: target.start + target.source.length }),
      parts: [],
    });
  }

  /**
   * New English blocks with no old counterpart go after the translation of the block before them,
   * with the layout (blank lines, heading hashes, list markers) the new English puts around them.
   */
  private insertRun(
    newFrom: number,
    newTo: number,
    anchorOld: number | undefined,
    reason: 'changed' | 'inserted' = 'inserted',
  ): void {
    const newEnglish = this.input.newEnglish;
    const first = this.newItems[newFrom];
    const last = this.newItems[newTo - 1];
    if (!first || !last) return;
    const lastEnd = last.block.start + last.block.source.length;
    const anchorEnd = this.targetEndOfOldItemOrBefore(anchorOld);
    const previousNew = this.newItems[newFrom - 1];
    const textStart =
      anchorEnd === undefined
        ? first.block.start
        : previousNew
          ? previousNew.block.start + previousNew.block.source.length
          : 0;
    const parts: Part[] = [];
    let cursor = textStart;
    for (const item of this.newItems.slice(newFrom, newTo)) {
      parts.push(newEnglish.text.slice(cursor, item.block.start));
      parts.push(...this.translatedBlock(item.block, reason));
      cursor = item.block.start + item.block.source.length;
    }
    if (anchorEnd === undefined) {
      // At the very start: the layout after the run separates it from what follows.
      const next = this.newItems[newTo];
      parts.push(next ? newEnglish.text.slice(lastEnd, next.block.start) : '\n');
      const firstTarget = this.firstTargetContentOffset();
      this.edits.push({ start: firstTarget, end: firstTarget, parts });
      return;
    }
    this.edits.push({ start: anchorEnd, end: anchorEnd, parts });
  }

  private translatedBlock(block: Block, reason: 'changed' | 'inserted'): Part[] {
    if (block.kind !== 'prose' || !block.tokens) return [block.source];
    const moved = this.movedTranslation(block);
    if (moved !== undefined) return [moved];
    const tokens = block.tokens;
    const sentences = splitSentences(tokens, this.input.sourceLanguage);
    if (sentences.length === 0) return [block.source];
    const parts: Part[] = [];
    sentences.forEach((sentence, index) => {
      if (index > 0) parts.push(this.separator);
      parts.push(this.draft(tokensBetween(tokens, sentence.start, sentence.end), sentence.text, reason));
    });
    return parts;
  }

  /**
   * A paragraph the English moved elsewhere, word for word, keeps its human translation at the new
   * place (it is removed from the old place like any deleted paragraph).
   */
  private movedTranslation(block: Block): string | undefined {
    const key = blockKey(block);
    const oldBlock = this.deletedProse.get(key);
    if (oldBlock === undefined) return undefined;
    const beads = this.beadsWithTarget(oldBlock);
    const spans = beads.flatMap((bead) => this.targetSpansOf(bead));
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (!first || !last || spans.some((span) => !this.inSameBlock(first.start + 1, span.start))) return undefined;
    this.deletedProse.delete(key);
    this.removed -= beads.length;
    this.kept += beads.length;
    return this.input.target.text.slice(first.start, last.end);
  }

  private draft(
    tokens: readonly InlineToken[],
    source: string,
    reason: 'changed' | 'inserted',
    replaces?: ReplacedTranslation,
  ): Part {
    this.drafts.push({ tokens, source: sentenceKey(source), reason, ...(replaces ? { replaces } : {}) });
    return { draft: this.drafts.length - 1 };
  }

  private beadsWithTarget(oldBlock: number): SentenceBead[] {
    return (this.beadsByOldBlock.get(oldBlock) ?? []).filter((bead) => bead.targetEnd > bead.targetStart);
  }

  private targetRangeOfBeads(beads: readonly SentenceBead[]): TargetRange | undefined {
    let start = Number.POSITIVE_INFINITY;
    let end = -1;
    for (const bead of beads) {
      const range = this.targetRangeOf(bead);
      start = Math.min(start, range.start);
      end = Math.max(end, range.end);
    }
    return end < 0 ? undefined : { start, end };
  }

  private targetRangeOf(bead: SentenceBead): TargetRange {
    const first = this.input.alignment.targetSentences[bead.targetStart];
    const last = this.input.alignment.targetSentences[bead.targetEnd - 1];
    return { start: this.targetOffset(first, 'start'), end: this.targetOffset(last, 'end') };
  }

  private targetOffset(sentence: SentenceRef | undefined, side: 'start' | 'end'): number {
    if (!sentence) return 0;
    const block = this.input.target.blocks[sentence.blockIndex];
    return (block?.start ?? 0) + (side === 'start' ? sentence.span.start : sentence.span.end);
  }

  /** When a removal empties a block, the layout before it (blank line, `## `, `- `) goes too. */
  private widenToWholeBlocks(range: TargetRange): TargetRange {
    const blocks = this.input.target.blocks;
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

  /** End of the target block that translates `oldItem`, or of the closest earlier one that has a translation. */
  private targetEndOfOldItemOrBefore(oldItem: number | undefined): number | undefined {
    for (let index = oldItem ?? -1; index >= 0; index -= 1) {
      const end = this.targetEndOfOldItem(index);
      if (end !== undefined) return end;
    }
    return undefined;
  }

  private targetEndOfOldItem(oldItem: number): number | undefined {
    const item = this.oldItems[oldItem];
    if (!item) return undefined;
    if (item.block.kind === 'prose') {
      const range = this.targetRangeOfBeads(this.beadsWithTarget(item.blockIndex));
      if (!range) return undefined;
      const block = this.input.target.blocks.find(
        (candidate) => candidate.start < range.end && range.end <= candidate.start + candidate.source.length,
      );
      return block ? block.start + block.source.length : range.end;
    }
    const targetBlock = this.targetOfOldBlock.get(item.blockIndex);
    const target = targetBlock === undefined ? undefined : this.input.target.blocks[targetBlock];
    return target ? target.start + target.source.length : undefined;
  }

  private firstTargetContentOffset(): number {
    return this.input.target.blocks.find((block) => block.kind !== 'layout')?.start ?? this.input.target.text.length;
  }
}

function itemsOf(document: ParsedDocument): Item[] {
  return document.blocks.flatMap((block, blockIndex) =>
    block.kind === 'layout' ? [] : [{ blockIndex, block, key: blockKey(block) }],
  );
}

/** Prose compares by its words (see sameWordsKey); everything else exactly. */
function blockKey(block: Block): string {
  return block.kind === 'prose' ? `prose:${sameWordsKey(block.source)}` : `${block.kind}:${block.source.trim()}`;
}

interface GapPair {
  readonly old?: number;
  readonly new?: number;
}

/**
 * Between two unchanged blocks: pairs an edited English block with its new version (prose with
 * prose sharing words, code with code of the same cell type, in order); the rest is deleted or inserted.
 */
function pairGap(
  oldItems: readonly Item[],
  newItems: readonly Item[],
  oldOffset: number,
  newOffset: number,
): GapPair[] {
  const pairs: GapPair[] = [];
  let oldCursor = 0;
  for (const [newIndex, item] of newItems.entries()) {
    let found = -1;
    for (let candidate = oldCursor; candidate < oldItems.length; candidate += 1) {
      const old = oldItems[candidate];
      if (old && sameKindOfBlock(old.block, item.block) && similarEnough(old.block, item.block)) {
        found = candidate;
        break;
      }
    }
    if (found === -1) {
      pairs.push({ new: newOffset + newIndex });
      continue;
    }
    for (let skipped = oldCursor; skipped < found; skipped += 1) pairs.push({ old: oldOffset + skipped });
    pairs.push({ old: oldOffset + found, new: newOffset + newIndex });
    oldCursor = found + 1;
  }
  for (let skipped = oldCursor; skipped < oldItems.length; skipped += 1) pairs.push({ old: oldOffset + skipped });
  return pairs;
}

function sameKindOfBlock(a: Block, b: Block): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'prose') return a.context === b.context;
  if (a.kind === 'code' || a.kind === 'directive') return a.info === b.info;
  return true;
}

/** Edited, not replaced: at least a third of the word bigrams are shared (always true for non-prose of one kind). */
function similarEnough(a: Block, b: Block): boolean {
  if (a.kind !== 'prose') return true;
  const left = bigrams(a.source);
  const right = bigrams(b.source);
  if (left.size === 0 || right.size === 0) return left.size === right.size;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / Math.min(left.size, right.size) >= 1 / 3;
}

function bigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams = new Set<string>();
  for (let index = 0; index + 1 < words.length; index += 1) grams.add(`${words[index]} ${words[index + 1]}`);
  if (words.length === 1 && words[0]) grams.add(words[0]);
  return grams;
}

function beadsByBlock(alignment: UnitAlignment): Map<number, SentenceBead[]> {
  const byBlock = new Map<number, SentenceBead[]>();
  for (const bead of alignment.beads) {
    const first = alignment.sourceSentences[bead.sourceStart];
    if (!first || bead.sourceEnd <= bead.sourceStart) continue;
    byBlock.set(first.blockIndex, [...(byBlock.get(first.blockIndex) ?? []), bead]);
  }
  return byBlock;
}

/**
 * Non-prose blocks of the old English and their counterparts in the translation: equal anchors by
 * longest common subsequence, then edited ones of the same kind in order between two anchors.
 */
function matchStructure(
  oldEnglish: ParsedDocument,
  target: ParsedDocument,
  targetOnlyTabs: readonly string[],
): Map<number, number> {
  const oldBlocks = nonProseBlocks(oldEnglish, new Set());
  const targetBlocks = nonProseBlocks(target, new Set(targetOnlyTabs));
  const matches = longestCommonSubsequence(
    oldBlocks.map((entry) => entry.key),
    targetBlocks.map((entry) => entry.key),
  );
  const map = new Map<number, number>();
  let oldFrom = 0;
  let targetFrom = 0;
  const pairInOrder = (oldTo: number, targetTo: number): void => {
    let cursor = targetFrom;
    for (const old of oldBlocks.slice(oldFrom, oldTo)) {
      for (let index = cursor; index < targetTo; index += 1) {
        const candidate = targetBlocks[index];
        if (candidate && candidate.kind === old.kind) {
          map.set(old.blockIndex, candidate.blockIndex);
          cursor = index + 1;
          break;
        }
      }
    }
  };
  for (const [oldIndex, targetIndex] of matches) {
    pairInOrder(oldIndex, targetIndex);
    const old = oldBlocks[oldIndex];
    const match = targetBlocks[targetIndex];
    if (old && match) map.set(old.blockIndex, match.blockIndex);
    oldFrom = oldIndex + 1;
    targetFrom = targetIndex + 1;
  }
  pairInOrder(oldBlocks.length, targetBlocks.length);
  return map;
}

/** Every non-prose, non-layout block outside target-only tabs, keyed by kind and normalized text. */
function nonProseBlocks(
  document: ParsedDocument,
  skippedTabs: ReadonlySet<string>,
): Array<{ blockIndex: number; kind: string; key: string }> {
  const inSkippedTab = blocksInTabs(document, skippedTabs);
  return document.blocks.flatMap((block, blockIndex) => {
    if (block.kind === 'prose' || block.kind === 'layout' || inSkippedTab.has(blockIndex)) return [];
    const kind =
      block.kind === 'code'
        ? `code:${block.info ?? ''}`
        : block.kind === 'directive'
          ? `directive:${block.info ?? ''}`
          : block.kind;
    return [{ blockIndex, kind, key: `${kind}:${normalizedForMatch(block)}` }];
  });
}

/** Indices of the blocks from a `:begin_tab:` naming only skipped tabs through its `:end_tab:`. */
export function blocksInTabs(document: ParsedDocument, tabs: ReadonlySet<string>): Set<number> {
  const inside = new Set<number>();
  let skipping = false;
  document.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'directive' && block.info === 'begin_tab') {
      const names = (/`([^`]*)`/u.exec(block.source)?.[1] ?? '').split(',').map((name) => name.trim().toLowerCase());
      skipping = names.length > 0 && names.every((name) => tabs.has(name));
    }
    if (skipping) inside.add(blockIndex);
    if (block.kind === 'directive' && block.info === 'end_tab') skipping = false;
  });
  return inside;
}

function normalizedForMatch(block: Block): string {
  if (block.kind === 'code') {
    return block.source
      .split('\n')
      .map((line) => line.replace(/(^|\s)#(?!@).*$/u, ''))
      .join('')
      .replace(/\s+/gu, '');
  }
  return block.source.replace(/\s+/gu, '');
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
