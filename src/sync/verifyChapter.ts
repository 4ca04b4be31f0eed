import { longestCommonSubsequence } from '../align/alignBlocks.js';
import type { InlineToken, ParsedDocument } from '../markdown/types.js';
import { flattenUnits, structureUnits, type StructureUnit } from './structureUnits.js';

export interface VerifyInput {
  readonly oldEnglish: ParsedDocument;
  readonly newEnglish: ParsedDocument;
  readonly target: ParsedDocument;
  /** The composed translation, parsed. */
  readonly composed: ParsedDocument;
  readonly targetOnlyTabs: ReadonlySet<string>;
  /** Sources of the target-only blocks the plan removed on purpose (reported). */
  readonly removedTargetOnly: readonly string[];
}

/**
 * Checks a composed chapter before it is written, against what the sync promises: tab blocks balanced, every block only
 * the translation has still there (or removed on purpose), headings in the English's order, code cells in the
 * English's order under the same heading (protected pieces of drafts: see lostProtectedPiece). What the
 * translation already got wrong against its old English is not held against the sync: a check that the input
 * passed must pass, and misplaced cells must not grow. Returns the first violation, or undefined.
 */
export function verifyChapter(input: VerifyInput): string | undefined {
  const { composed, target } = input;
  const tabs = tabProblem(composed);
  if (tabs && !tabProblem(target)) return tabs;
  const missing = missingTargetOnly(input);
  if (missing) return missing;
  const composedUnits = structureUnits(composed, input.targetOnlyTabs);
  const targetUnits = structureUnits(target, input.targetOnlyTabs);
  const oldUnits = structureUnits(input.oldEnglish, new Set());
  const newUnits = structureUnits(input.newEnglish, new Set());
  const headingsBefore = headingLevels(oldUnits).join() === headingLevels(targetUnits).join();
  if (headingsBefore) {
    const wanted = headingLevels(newUnits);
    const got = headingLevels(composedUnits);
    if (wanted.join() !== got.join()) {
      const at = wanted.findIndex((level, index) => got[index] !== level);
      const index = at === -1 ? Math.min(wanted.length, got.length) : at;
      return `headings differ from the English's: heading ${index + 1} is ${describeLevel(got[index])} where the English has ${describeLevel(wanted[index])}`;
    }
  }
  const misplacedBefore = misplacedCells(oldUnits, targetUnits).length;
  const misplacedAfter = misplacedCells(newUnits, composedUnits);
  if (misplacedAfter.length > misplacedBefore) {
    const first = misplacedAfter[0];
    return `code cells out of the English's order: the cell at line ${first?.line ?? 0} of the new English is missing or under another heading (${misplacedAfter.length} such cells, ${misplacedBefore} before)`;
  }
  return undefined;
}

/** The first protected piece (code, math, role, URL …) of a drafted English sentence that its draft does not hold. */
export function lostProtectedPiece(
  drafts: ReadonlyArray<{ readonly tokens: readonly InlineToken[]; readonly markdown: string }>,
): string | undefined {
  for (const draft of drafts) {
    for (const token of draft.tokens) {
      if (token.kind === 'protected' && !draft.markdown.includes(token.source))
        return `a draft lost the protected piece ${JSON.stringify(token.source)} of its English`;
    }
  }
  return undefined;
}

/** The first nested or stray tab marker, or an unclosed tab block. */
function tabProblem(document: ParsedDocument): string | undefined {
  let open: number | undefined;
  for (const block of document.blocks) {
    if (block.kind !== 'directive') continue;
    if (block.info === 'begin_tab') {
      if (open !== undefined) return `line ${block.line}: :begin_tab: inside the tab opened at line ${open}`;
      open = block.line;
    } else if (block.info === 'end_tab') {
      if (open === undefined) return `line ${block.line}: :end_tab: without a :begin_tab:`;
      open = undefined;
    }
  }
  return open === undefined ? undefined : `line ${open}: :begin_tab: never closed`;
}

function missingTargetOnly(input: VerifyInput): string | undefined {
  const wanted = new Map<string, number>();
  for (const unit of flattenUnits(structureUnits(input.target, input.targetOnlyTabs))) {
    if (!unit.targetOnly) continue;
    const source = input.target.text.slice(unit.start, unit.end);
    wanted.set(source, (wanted.get(source) ?? 0) + 1);
  }
  for (const source of input.removedTargetOnly) wanted.set(source, (wanted.get(source) ?? 0) - 1);
  for (const [source, count] of wanted) {
    if (count > 0 && occurrences(input.composed.text, source) < count) {
      const line = input.target.text.slice(0, input.target.text.indexOf(source)).split('\n').length;
      return `the block only the translation has at line ${line} (${source.split('\n')[0] ?? ''} …) would be lost`;
    }
  }
  return undefined;
}

function occurrences(text: string, piece: string): number {
  let count = 0;
  for (let index = text.indexOf(piece); index !== -1; index = text.indexOf(piece, index + piece.length)) count += 1;
  return count;
}

function headingLevels(units: readonly StructureUnit[]): number[] {
  return units.filter((unit) => unit.heading > 0).map((unit) => unit.heading);
}

function describeLevel(level: number | undefined): string {
  return level === undefined ? 'missing' : `level ${level}`;
}

/**
 * Code cells of the English (outside target-only tabs) that the translation lacks, or has under another heading:
 * compared without comments and string contents, in order.
 */
function misplacedCells(english: readonly StructureUnit[], translation: readonly StructureUnit[]): StructureUnit[] {
  const left = cellsWithSection(english);
  const right = cellsWithSection(translation);
  const matched = new Set(
    longestCommonSubsequence(
      left.map((cell) => cell.key),
      right.map((cell) => cell.key),
    ).map(([index]) => index),
  );
  return left.filter((_, index) => !matched.has(index)).map((cell) => cell.unit);
}

function cellsWithSection(units: readonly StructureUnit[]): Array<{ key: string; unit: StructureUnit }> {
  const cells: Array<{ key: string; unit: StructureUnit }> = [];
  let section = 0;
  for (const unit of flattenUnits(units)) {
    if (unit.heading > 0) section += 1;
    if (unit.kind === 'code' && !unit.targetOnly) cells.push({ key: `${section}:${unit.crossKey ?? ''}`, unit });
  }
  return cells;
}
