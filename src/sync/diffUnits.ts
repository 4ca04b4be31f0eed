import { longestCommonSubsequence } from '../align/alignBlocks.js';
import type { Block } from '../markdown/types.js';
import type { StructureUnit } from './structureUnits.js';

/** One step from the old English to the new: a unit kept, edited, deleted or inserted. */
export type UnitOp =
  | { readonly op: 'keep'; readonly old: StructureUnit; readonly new: StructureUnit }
  | { readonly op: 'change'; readonly old: StructureUnit; readonly new: StructureUnit }
  | { readonly op: 'delete'; readonly old: StructureUnit }
  | { readonly op: 'insert'; readonly new: StructureUnit };

/**
 * The old → new English diff of one level of units, in the new English's order (deletions where the old units
 * stood). Equal units by longest common subsequence; between two equal ones an edited unit is paired with its new
 * version (same slot: prose of the same kind sharing words, code of the same tabs, a tab block of the same tabs).
 */
export function diffUnits(
  oldUnits: readonly StructureUnit[],
  newUnits: readonly StructureUnit[],
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
): UnitOp[] {
  const matches = longestCommonSubsequence(
    oldUnits.map((unit) => unit.key),
    newUnits.map((unit) => unit.key),
  );
  const ops: UnitOp[] = [];
  let oldFrom = 0;
  let newFrom = 0;
  const gap = (oldTo: number, newTo: number): void => {
    let cursor = oldFrom;
    for (let newIndex = newFrom; newIndex < newTo; newIndex += 1) {
      const after = newUnits[newIndex] as StructureUnit;
      let found = -1;
      for (let candidate = cursor; candidate < oldTo; candidate += 1) {
        const before = oldUnits[candidate] as StructureUnit;
        if (before.slot === after.slot && similarEnough(before, after, oldBlocks, newBlocks)) {
          found = candidate;
          break;
        }
      }
      if (found === -1) {
        ops.push({ op: 'insert', new: after });
        continue;
      }
      for (let skipped = cursor; skipped < found; skipped += 1)
        ops.push({ op: 'delete', old: oldUnits[skipped] as StructureUnit });
      ops.push({ op: 'change', old: oldUnits[found] as StructureUnit, new: after });
      cursor = found + 1;
    }
    for (let skipped = cursor; skipped < oldTo; skipped += 1)
      ops.push({ op: 'delete', old: oldUnits[skipped] as StructureUnit });
  };
  for (const [oldIndex, newIndex] of matches) {
    gap(oldIndex, newIndex);
    ops.push({ op: 'keep', old: oldUnits[oldIndex] as StructureUnit, new: newUnits[newIndex] as StructureUnit });
    oldFrom = oldIndex + 1;
    newFrom = newIndex + 1;
  }
  gap(oldUnits.length, newUnits.length);
  return ops;
}

/**
 * Edited, not replaced: prose sharing at least a third of its word bigrams; tab blocks sharing a tab; any other unit
 * of the same slot.
 */
export function similarEnough(
  before: StructureUnit,
  after: StructureUnit,
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
): boolean {
  if (before.kind === 'tab') return before.tabs.some((tab) => after.tabs.includes(tab));
  if (before.kind !== 'prose') return true;
  const left = bigrams(oldBlocks[before.first]?.source ?? '');
  const right = bigrams(newBlocks[after.first]?.source ?? '');
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
