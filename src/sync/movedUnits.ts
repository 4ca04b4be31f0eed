import type { Block } from '../markdown/types.js';
import { similarEnough, type UnitOp } from './diffUnits.js';
import type { StructureUnit } from './structureUnits.js';

/**
 * Prose the English moved: each inserted prose unit paired with a deleted one it is a version of (the same words, or
 * an edit of them), one to one, equal words first. The diff sees a move as a deletion here and an insertion there;
 * when the translators already moved their translation (d2l-zh often follows the English ahead of its origin),
 * the pair lets the plan keep that translation where it stands instead of drafting the English again.
 */
export function movedProse(
  steps: readonly UnitOp[],
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
): Map<StructureUnit, StructureUnit> {
  const deleted: StructureUnit[] = [];
  const inserted: StructureUnit[] = [];
  for (const step of steps) {
    if (step.op === 'delete' && step.old.kind === 'prose') deleted.push(step.old);
    if (step.op === 'insert' && step.new.kind === 'prose') inserted.push(step.new);
  }
  const moves = new Map<StructureUnit, StructureUnit>();
  if (deleted.length === 0 || inserted.length === 0) return moves;
  const taken = new Set<StructureUnit>();
  const pair = (accept: (before: StructureUnit, after: StructureUnit) => boolean): void => {
    for (const after of inserted) {
      if (moves.has(after)) continue;
      const before = deleted.find(
        (candidate) =>
          !taken.has(candidate) &&
          candidate.slot === after.slot &&
          candidate.heading === after.heading &&
          accept(candidate, after),
      );
      if (!before) continue;
      moves.set(after, before);
      taken.add(before);
    }
  };
  pair((before, after) => before.key === after.key);
  pair((before, after) => similarEnough(before, after, oldBlocks, newBlocks));
  return moves;
}
