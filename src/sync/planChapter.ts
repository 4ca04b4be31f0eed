import { isSpacelessLanguage } from '../align/language.js';
import { splitSentences } from '../align/splitSentences.js';
import { sentenceKey } from './sentenceKey.js';
import type { Block } from '../markdown/types.js';
import { diffUnits } from './diffUnits.js';
import { counterparts, equalTargets } from './matchTargets.js';
import { countStructure } from './countStructure.js';
import { describeUnit } from './describeUnit.js';
import { captionTokens, imageBlock } from './imageCaption.js';
import { InPlaceFinder } from './inPlaceFinder.js';
import { mergeCodeCell } from './mergeCodeCell.js';
import { mergedTabDirective } from './tabDirective.js';
import { movedProse } from './movedUnits.js';
import { PlanState } from './planState.js';
import { ProseEditor, type TargetRange } from './proseEdits.js';
import { structureUnits, type StructureUnit } from './structureUnits.js';
import {
  DEFAULT_TARGET_ONLY_TABS,
  type ChapterPlan,
  type Part,
  type PlanInput,
  type StructureChange,
} from './types.js';

export type { ChapterPlan, DraftRequest, Part, PlanInput, ReplacedTranslation, TargetEdit } from './types.js';

/**
 * Works out how the translation changes when its English goes from `oldEnglish` to `newEnglish`. Structure first:
 * code cells, tab blocks and other non-prose blocks of the old English are matched with the translation's, the old →
 * new diff is taken unit by unit (a tab block is one unit, its inside diffed the same way) and applied onto the
 * translation's own text; prose inside is edited sentence bead by sentence bead. So everything the edits do not touch
 * (human sentences whose English is unchanged, translators' comments on unchanged code, Paddle cells) stays byte for
 * byte, and a change the translation already has (a cell or tab brought in ahead of its origin) is not made twice.
 */
export function planChapter(input: PlanInput): ChapterPlan {
  return new ChapterPlanner(input).plan();
}

/** New English units to insert together after one place of the translation. */
interface InsertRun {
  readonly units: Array<{ unit: StructureUnit; reason: 'changed' | 'inserted'; copy?: TargetRange }>;
  /** Target offset to insert at; undefined: before the translation's first content. */
  readonly anchor: number | undefined;
  /** End of the new English unit before the run (its layout up to the run is copied). */
  readonly previousNewEnd: number;
}

class ChapterPlanner {
  private readonly state = new PlanState();
  private readonly prose: ProseEditor;
  private readonly targetOnlyTabs: ReadonlySet<string>;
  /** Translation units that already equal a unit of the new English: kept whole. */
  private readonly protectedRanges: TargetRange[] = [];
  private readonly runs: InsertRun[] = [];
  private readonly removedTargets = new Set<StructureUnit>();
  private readonly deletedOld = new Set<StructureUnit>();
  private readonly inPlace: InPlaceFinder;
  private readonly lineOfTarget: (offset: number) => number;

  constructor(private readonly input: PlanInput) {
    this.targetOnlyTabs = new Set(input.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS);
    const separator = isSpacelessLanguage(input.targetLanguage) ? '' : ' ';
    this.prose = new ProseEditor(input.alignment, input.target, input.sourceLanguage, separator, this.state);
    this.inPlace = new InPlaceFinder(input, this.prose, this.state, this.removedTargets);
    const lineStarts = [0];
    for (let index = input.target.text.indexOf('\n'); index !== -1; index = input.target.text.indexOf('\n', index + 1))
      lineStarts.push(index + 1);
    this.lineOfTarget = (offset) => {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStarts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low + 1;
    };
  }

  plan(): ChapterPlan {
    const oldUnits = structureUnits(this.input.oldEnglish, new Set());
    const newUnits = structureUnits(this.input.newEnglish, new Set());
    const targetUnits = structureUnits(this.input.target, this.targetOnlyTabs);
    const deletedHeadings = this.walk(oldUnits, newUnits, targetUnits, undefined, 0);
    this.removeOrphanedTargetOnly(oldUnits, targetUnits, deletedHeadings);
    for (const run of this.runs) this.insertRun(run);
    const structure = [...this.state.structure].sort((a, b) => a.line - b.line);
    return {
      edits: this.state.edits.sort((a, b) => a.start - b.start || a.end - b.end),
      drafts: this.state.drafts,
      kept: this.state.kept,
      reused: 0,
      reusedSources: [],
      removed: this.state.removed,
      restyled: this.state.restyled,
      alreadyTranslated: this.state.alreadyTranslated,
      structure,
      structureCounts: countStructure(structure, targetUnits, this.removedTargets, this.state.alreadyPresent),
      removedTargetOnly: this.state.removedTargetOnly,
    };
  }

  /**
   * Applies the old → new diff of one level of units (the chapter, or the inside of a tab block) onto the
   * translation's units of that level. `startAnchor` is where an insertion before every counterpart goes (inside a
   * tab: right after its `:begin_tab:` line). Returns the old headings the English deleted.
   */
  private walk(
    oldUnits: readonly StructureUnit[],
    newUnits: readonly StructureUnit[],
    targetUnits: readonly StructureUnit[],
    startAnchor: number | undefined,
    newStart: number,
  ): StructureUnit[] {
    const { oldEnglish, newEnglish } = this.input;
    const equalOld = equalTargets(oldUnits, targetUnits);
    const equalNew = equalTargets(newUnits, targetUnits);
    const claimedByOld = new Set(equalOld.values());
    const reserved = new Set([...equalNew.values()].filter((unit) => !claimedByOld.has(unit)));
    // Whatever equals a unit of the new English stays: deleting it could only be undone by drafting it again.
    for (const unit of equalNew.values()) this.protectedRanges.push(unit);
    const targetOf = counterparts(oldUnits, targetUnits, equalOld, reserved);
    const deletedHeadings: StructureUnit[] = [];
    let anchor = startAnchor;
    let previousNewEnd = newStart;
    let run: InsertRun | undefined;
    const moveAnchor = (end: number | undefined): void => {
      if (end === undefined) return;
      run = undefined;
      const extended = this.pastTargetOnly(end, targetUnits);
      anchor = anchor === undefined ? extended : Math.max(anchor, extended);
    };
    const insert = (unit: StructureUnit, reason: 'changed' | 'inserted', copy?: TargetRange): void => {
      if (!run) {
        run = { units: [], anchor, previousNewEnd };
        this.runs.push(run);
      }
      run.units.push({ unit, reason, ...(copy ? { copy } : {}) });
    };
    const steps = diffUnits(oldUnits, newUnits, oldEnglish.blocks, newEnglish.blocks);
    const moves = movedProse(steps, oldEnglish.blocks, newEnglish.blocks);
    const moved = new Set(moves.values());
    // Moved prose is deleted only once it is known that its translation does not already stand at the new place.
    const movedInPlace = new Set<StructureUnit>();
    const targetStart = (old: StructureUnit): number | undefined =>
      old.kind === 'prose' ? this.prose.targetRange(old.first)?.start : targetOf.get(old)?.start;
    /** Where the translation of the next unit the English kept (or edited) starts: the end of an insertion's room. */
    const roomEnd = (from: number): number | undefined => {
      for (const step of steps.slice(from + 1)) {
        if (step.op === 'insert' || step.op === 'delete') continue;
        const start = targetStart(step.old);
        if (start !== undefined) return start;
      }
      return undefined;
    };
    // Translation units of old English units the English deleted: one the new English has elsewhere was moved.
    const deletedCounterparts = new Set(
      steps.flatMap((step) =>
        step.op === 'delete' ? [targetOf.get(step.old)].filter((unit) => unit !== undefined) : [],
      ),
    );
    steps.forEach((step, index) => {
      if (step.op === 'delete') {
        if (moved.has(step.old)) return;
        if (step.old.heading > 0) deletedHeadings.push(step.old);
        this.deletedOld.add(step.old);
        this.deleteUnit(step.old, targetOf.get(step.old));
        return;
      }
      const after = step.new;
      const claimed = equalNew.get(after);
      const movedFrom = step.op === 'insert' ? moves.get(after) : undefined;
      const movedTo = movedFrom && this.inPlace.movedProseHere(movedFrom, after, targetUnits, anchor, roomEnd(index));
      if (movedFrom && movedTo !== undefined) {
        movedInPlace.add(movedFrom);
        this.state.alreadyPresent += 1;
        moveAnchor(movedTo);
      } else if (step.op === 'insert') {
        const room = roomEnd(index);
        const elsewhere =
          claimed !== undefined &&
          ((anchor !== undefined && claimed.start < anchor) || (room !== undefined && claimed.end > room));
        if (claimed && elsewhere && deletedCounterparts.has(claimed) && !this.removedTargets.has(claimed)) {
          // The English moved a cell and the translation still has it at the old place: the translation's own
          // cell (its comments, and the Paddle cells after it) moves to the new place.
          insert(after, 'inserted', this.moveTarget(claimed, targetUnits));
        } else if (claimed) {
          this.alreadyPresent(after);
          moveAnchor(claimed.end);
        } else {
          const own = this.inPlace.unmatchedHere(after, targetUnits, targetOf, anchor, roomEnd(index));
          if (own) {
            // The translation already has a block of this kind here that its old English lacked (a label the
            // translators added): theirs stays, the English's is not added beside it.
            this.alreadyPresent(after);
            moveAnchor(own.end);
          } else insert(after, 'inserted');
        }
      } else if (step.op === 'keep') {
        if (after.kind === 'prose') {
          this.prose.keep(
            step.old.first,
            blockOf(oldEnglish.blocks, step.old).source,
            blockOf(newEnglish.blocks, after),
          );
          moveAnchor(this.prose.targetRange(step.old.first)?.end);
        } else {
          if (after.kind === 'tab') this.keepTabProse(step.old, after);
          moveAnchor((targetOf.get(step.old) ?? claimed)?.end);
        }
      } else {
        const end = this.changeUnit(step.old, after, targetOf.get(step.old), claimed);
        if (end === undefined) insert(after, 'changed');
        else moveAnchor(end);
      }
      previousNewEnd = after.end;
    });
    for (const old of moved) {
      if (movedInPlace.has(old)) continue;
      if (old.heading > 0) deletedHeadings.push(old);
      this.deletedOld.add(old);
      this.deleteUnit(old, undefined);
    }
    return deletedHeadings;
  }

  /** An English unit edited in place; returns the end of its translation, or undefined when it has none to edit. */
  private changeUnit(
    before: StructureUnit,
    after: StructureUnit,
    target: StructureUnit | undefined,
    claimed: StructureUnit | undefined,
  ): number | undefined {
    const { oldEnglish, newEnglish } = this.input;
    if (after.kind === 'prose') {
      if (!this.prose.change(before.first, blockOf(newEnglish.blocks, after))) return undefined;
      return this.prose.targetRange(before.first)?.end;
    }
    if (after.kind === 'tab' && target) {
      const beginTab = this.input.target.blocks[target.first];
      const beginNew = newEnglish.blocks[after.first];
      const beginOld = oldEnglish.blocks[before.first];
      if (beginTab && beginNew && beginOld && beginNew.source !== beginOld.source) {
        const directive = mergedTabDirective(beginNew.source, target.tabs, this.targetOnlyTabs);
        this.state.edits.push({
          start: beginTab.start,
          end: beginTab.start + beginTab.source.length,
          parts: [directive],
        });
        this.record('block-updated', beginTab.start, directive);
      }
      this.walk(
        before.children,
        after.children,
        target.children,
        beginTab ? beginTab.start + beginTab.source.length : target.start,
        beginNew ? beginNew.start + beginNew.source.length : after.start,
      );
      return target.end;
    }
    if (claimed && claimed === target && before.crossKey !== after.crossKey) {
      // The translators already brought in the English's new code (comments aside): theirs stays as it is.
      this.alreadyPresent(after);
      return target.end;
    }
    if (claimed && claimed !== target) {
      // The translation already has the new English (brought in ahead of its origin); an older copy goes.
      this.alreadyPresent(after);
      if (target) this.deleteUnit(before, target);
      return claimed.end;
    }
    if (!target) return undefined;
    const old = oldEnglish.text.slice(before.start, before.end);
    const fresh = newEnglish.text.slice(after.start, after.end);
    const current = this.input.target.text.slice(target.start, target.end);
    if (after.kind === 'code') {
      const merged = mergeCodeCell(old, fresh, current, this.targetOnlyTabs);
      if (merged.text === current) {
        // Every line the English changed the translation already had: nothing to write.
        this.alreadyPresent(after);
        return target.end;
      }
      this.state.edits.push({ start: target.start, end: target.end, parts: [merged.text] });
      this.record('cell-updated', target.start, fresh, {
        commentsCarried: merged.carried,
        commentsDropped: merged.dropped,
      });
    } else {
      this.state.edits.push({ start: target.start, end: target.end, parts: this.updatedBlock(old, fresh, current) });
      this.record('block-updated', target.start, fresh);
    }
    return target.end;
  }

  /**
   * A changed non-prose block: the new English, except for a figure whose translation has its own caption, which keeps
   * that caption when the English caption is unchanged and gets a draft of the new caption when it changed.
   */
  private updatedBlock(old: string, fresh: string, current: string): Part[] {
    const before = imageBlock(old);
    const after = imageBlock(fresh);
    const translated = imageBlock(current);
    if (!before || !after || !translated || after.caption === '') return [fresh];
    const tail = `](${after.target})${after.rest}`;
    if (before.caption === after.caption) return [`![${translated.caption}`, tail];
    const draft = this.state.draft(captionTokens(after.caption), after.caption, 'changed', {
      source: before.caption,
      translation: translated.caption,
    });
    return ['![', draft, tail];
  }

  /** An unchanged tab block: the human translations of its prose are kept (and counted). */
  private keepTabProse(before: StructureUnit, after: StructureUnit): void {
    const { oldEnglish, newEnglish } = this.input;
    before.children.forEach((child, index) => {
      const twin = after.children[index];
      if (child.kind !== 'prose' || !twin) return;
      this.prose.keep(child.first, blockOf(oldEnglish.blocks, child).source, blockOf(newEnglish.blocks, twin));
    });
  }

  /** A new English unit the translation already has: its sentences are named, nothing is drafted. */
  private alreadyPresent(unit: StructureUnit): void {
    this.state.alreadyPresent += 1;
    const blocks = this.input.newEnglish.blocks;
    for (let index = unit.first; index <= unit.last; index += 1) {
      const block = blocks[index];
      if (block?.kind !== 'prose') continue;
      for (const sentence of splitSentences(block.tokens ?? [], this.input.sourceLanguage))
        this.state.alreadyTranslated.push(sentenceKey(sentence.text));
    }
  }

  private deleteUnit(before: StructureUnit, target: StructureUnit | undefined): void {
    if (before.kind === 'prose') {
      this.prose.delete(before.first, before.key, (range) => this.isProtected(range));
      return;
    }
    if (!target || this.isProtected(target) || this.removedTargets.has(target)) return;
    this.removeTarget(
      target,
      before.kind === 'code' ? 'cell-removed' : before.kind === 'tab' ? 'tab-removed' : 'block-removed',
    );
  }

  /** Takes a translation unit, with the translation-only blocks right after it, out of its place; returns its range. */
  private moveTarget(target: StructureUnit, targetUnits: readonly StructureUnit[]): TargetRange {
    const range = { start: target.start, end: this.pastTargetOnly(target.end, targetUnits) };
    for (const unit of targetUnits)
      if (unit.start >= range.start && unit.end <= range.end) this.removedTargets.add(unit);
    this.state.edits.push({ ...this.prose.widenToWholeBlocks(range), parts: [] });
    this.record(
      target.kind === 'code' ? 'cell-moved' : 'block-moved',
      target.start,
      this.input.target.text.slice(target.start, target.end),
    );
    return range;
  }

  private removeTarget(target: StructureUnit, kind: StructureChange['kind']): void {
    this.removedTargets.add(target);
    const source = this.input.target.text.slice(target.start, target.end);
    this.state.edits.push({ ...this.prose.widenToWholeBlocks(target), parts: [] });
    this.record(kind, target.start, source);
    if (kind === 'target-only-removed') this.state.removedTargetOnly.push(source);
  }

  /**
   * Blocks only the translation has stay next to the block they follow, unless the English deleted that block and its
   * whole section: then they go too (and are reported).
   */
  private removeOrphanedTargetOnly(
    oldUnits: readonly StructureUnit[],
    targetUnits: readonly StructureUnit[],
    deletedHeadings: readonly StructureUnit[],
  ): void {
    for (const heading of deletedHeadings) {
      const from = oldUnits.indexOf(heading);
      let to = from + 1;
      while (
        to < oldUnits.length &&
        !((oldUnits[to]?.heading ?? 0) > 0 && (oldUnits[to]?.heading ?? 0) <= heading.heading)
      )
        to += 1;
      const section = oldUnits.slice(from, to);
      const start = this.prose.targetRange(heading.first)?.start;
      if (start === undefined) continue;
      const nextHeading = oldUnits[to];
      const end =
        (nextHeading ? this.prose.targetRange(nextHeading.first)?.start : undefined) ?? this.input.target.text.length;
      if (section.some((unit) => !this.deletedOld.has(unit))) continue;
      let hostRemoved = false;
      for (const unit of targetUnits) {
        if (unit.start < start || unit.end > end) continue;
        if (!unit.targetOnly) {
          hostRemoved = this.removedTargets.has(unit) || unit.kind === 'prose';
          continue;
        }
        if (hostRemoved && !this.isProtected(unit)) this.removeTarget(unit, 'target-only-removed');
      }
    }
  }

  /** New English units go after the translation of the unit before them, with the layout the new English has. */
  private insertRun(run: InsertRun): void {
    const newEnglish = this.input.newEnglish;
    const first = run.units[0]?.unit;
    const last = run.units[run.units.length - 1]?.unit;
    if (!first || !last) return;
    const parts: Part[] = [];
    let cursor = run.anchor === undefined ? first.start : run.previousNewEnd;
    for (const { unit, reason, copy } of run.units) {
      parts.push(newEnglish.text.slice(cursor, unit.start));
      if (copy) parts.push(this.input.target.text.slice(copy.start, copy.end));
      else {
        parts.push(...this.translatedUnit(unit, reason));
        this.recordInsert(unit, run.anchor);
      }
      cursor = unit.end;
    }
    if (run.anchor === undefined) {
      // At the very start: the layout after the run separates it from what follows.
      const next = this.nextStart(last);
      parts.push(next === undefined ? '\n' : newEnglish.text.slice(last.end, next));
      const firstTarget =
        this.input.target.blocks.find((block) => block.kind !== 'layout')?.start ?? this.input.target.text.length;
      this.state.edits.push({ start: firstTarget, end: firstTarget, parts });
      return;
    }
    this.state.edits.push({ start: run.anchor, end: run.anchor, parts });
  }

  private nextStart(unit: StructureUnit): number | undefined {
    return this.input.newEnglish.blocks.slice(unit.last + 1).find((block) => block.kind !== 'layout')?.start;
  }

  private translatedUnit(unit: StructureUnit, reason: 'changed' | 'inserted'): Part[] {
    const blocks = this.input.newEnglish.blocks;
    const parts: Part[] = [];
    for (let index = unit.first; index <= unit.last; index += 1) {
      const block = blocks[index];
      if (!block) continue;
      const image = block.kind === 'prose' ? undefined : imageBlock(block.source);
      if (image && image.caption !== '') {
        // A new figure: its caption is drafted like any new English sentence.
        const draft = this.state.draft(captionTokens(image.caption), image.caption, reason);
        parts.push('![', draft, `](${image.target})${image.rest}`);
      } else parts.push(...this.prose.translated(block, reason));
    }
    return parts;
  }

  private recordInsert(unit: StructureUnit, anchor: number | undefined): void {
    if (unit.kind === 'prose') return;
    const kind = unit.kind === 'code' ? 'cell-inserted' : unit.kind === 'tab' ? 'tab-inserted' : 'block-inserted';
    this.record(kind, anchor ?? 0, this.input.newEnglish.text.slice(unit.start, unit.end));
  }

  private record(
    kind: StructureChange['kind'],
    offset: number,
    source: string,
    comments?: { commentsCarried: number; commentsDropped: number },
  ): void {
    this.state.structure.push({ kind, line: this.lineOfTarget(offset), what: describeUnit(source), ...comments });
  }

  /** After a unit's translation, past the blocks only the translation has that follow it (they stay next to it). */
  private pastTargetOnly(end: number, targetUnits: readonly StructureUnit[]): number {
    let result = end;
    for (const unit of targetUnits) {
      if (unit.end <= result) continue;
      if (!unit.targetOnly || this.removedTargets.has(unit)) break;
      if (!/^\s*$/u.test(this.input.target.text.slice(result, unit.start))) break;
      result = unit.end;
    }
    return result;
  }

  private isProtected(range: TargetRange): boolean {
    return this.protectedRanges.some((kept) => kept.start <= range.start && range.end <= kept.end);
  }
}

function blockOf(blocks: readonly Block[], unit: StructureUnit): Block {
  return blocks[unit.first] as Block;
}
