import { splitSentences } from '../align/splitSentences.js';
import type { Block } from '../markdown/types.js';
import type { PlanState } from './planState.js';
import type { ProseEditor, TargetRange } from './proseEdits.js';
import { sentenceKey } from './sentenceKey.js';
import type { StructureUnit } from './structureUnits.js';
import type { PlanInput } from './types.js';

/**
 * Finds what an English insertion already has in the translation, at the place it goes to: prose the English moved
 * that the translators had moved the same way, or a block of the same kind they added there (a label). The plan
 * keeps those instead of drafting the English again next to them.
 */
export class InPlaceFinder {
  /** Translation units an inserted English unit found already in place (each is found once). */
  private readonly matched = new Set<StructureUnit>();
  /** Target blocks holding a sentence the aligner paired with the old English. */
  private readonly alignedTargetBlocks: ReadonlySet<number>;

  constructor(
    private readonly input: PlanInput,
    private readonly prose: ProseEditor,
    private readonly state: PlanState,
    private readonly removedTargets: ReadonlySet<StructureUnit>,
  ) {
    const { beads, targetSentences } = input.alignment;
    this.alignedTargetBlocks = new Set(
      beads
        .filter((bead) => bead.sourceEnd > bead.sourceStart)
        .flatMap((bead) => targetSentences.slice(bead.targetStart, bead.targetEnd).map((ref) => ref.blockIndex)),
    );
  }

  /**
   * Prose the English moved whose translation already stands where the English now has it (between the translation
   * of the unit before and of the unit after): kept there, edited if the English also changed its words. Returns the
   * end of that translation, or undefined when the translation does not have it there.
   */
  movedProseHere(
    before: StructureUnit,
    after: StructureUnit,
    targetUnits: readonly StructureUnit[],
    anchor: number | undefined,
    limit: number | undefined,
  ): number | undefined {
    const inRoom = (range: TargetRange): boolean =>
      (anchor === undefined || range.start >= anchor) && (limit === undefined || range.end <= limit);
    const { oldEnglish, newEnglish } = this.input;
    const oldBlock = blockOf(oldEnglish.blocks, before);
    const newBlock = blockOf(newEnglish.blocks, after);
    const range = this.prose.targetRange(before.first);
    if (range) {
      if (!inRoom(range)) return undefined;
      if (before.key === after.key) this.prose.keep(before.first, oldBlock.source, newBlock);
      else if (!this.prose.change(before.first, newBlock)) return undefined;
      return range.end;
    }
    // The aligner pairs sentences between the cells both sides share, so prose the translators moved past a cell
    // is left unaligned on both sides. Unaligned translated prose of the same kind in the room, holding every piece
    // the English protects (code, math, references), is that translation.
    const own = targetUnits.find(
      (unit) =>
        unit.kind === 'prose' &&
        unit.slot === after.slot &&
        unit.heading === after.heading &&
        !this.matched.has(unit) &&
        inRoom(unit) &&
        this.isUnaligned(unit) &&
        protectedPieces(oldBlock).every((piece) => this.input.target.text.slice(unit.start, unit.end).includes(piece)),
    );
    if (!own) return undefined;
    this.matched.add(own);
    if (before.key === after.key) {
      this.state.kept += 1;
      const was = new Set(
        splitSentences(oldBlock.tokens ?? [], this.input.sourceLanguage).map((s) => sentenceKey(s.text)),
      );
      for (const sentence of splitSentences(newBlock.tokens ?? [], this.input.sourceLanguage))
        if (!was.has(sentenceKey(sentence.text))) this.state.restyled.push(sentence.text);
    } else {
      this.state.removed += 1;
      this.state.edits.push({ start: own.start, end: own.end, parts: this.prose.translated(newBlock, 'changed') });
    }
    return own.end;
  }

  /** A translated prose unit none of whose sentences the aligner paired with the old English. */
  private isUnaligned(unit: StructureUnit): boolean {
    for (let index = unit.first; index <= unit.last; index += 1) if (this.alignedTargetBlocks.has(index)) return false;
    return true;
  }

  /**
   * A non-prose unit of the translation in the room an inserted English unit goes to, of the same slot, that no unit
   * of the old English accounts for; found once.
   */
  unmatchedHere(
    after: StructureUnit,
    targetUnits: readonly StructureUnit[],
    targetOf: ReadonlyMap<StructureUnit, StructureUnit>,
    anchor: number | undefined,
    limit: number | undefined,
  ): StructureUnit | undefined {
    if (after.kind !== 'other') return undefined;
    const accounted = new Set(targetOf.values());
    const own = targetUnits.find(
      (unit) =>
        unit.slot === after.slot &&
        !unit.targetOnly &&
        !accounted.has(unit) &&
        !this.matched.has(unit) &&
        unit.start >= (anchor ?? 0) &&
        (limit === undefined || unit.end <= limit) &&
        !this.removedTargets.has(unit),
    );
    if (own) this.matched.add(own);
    return own;
  }
}

function protectedPieces(block: Block): string[] {
  return (block.tokens ?? []).flatMap((token) => (token.kind === 'protected' ? [token.source] : []));
}

function blockOf(blocks: readonly Block[], unit: StructureUnit): Block {
  return blocks[unit.first] as Block;
}
