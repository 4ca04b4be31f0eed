import { flattenUnits, type StructureUnit } from './structureUnits.js';
import type { StructureChange, StructureCounts } from './types.js';

/** The plan's structure changes counted, for the report's one-line summary. */
export function countStructure(
  structure: readonly StructureChange[],
  targetUnits: readonly StructureUnit[],
  removed: ReadonlySet<StructureUnit>,
  alreadyPresent: number,
): StructureCounts {
  const count = (kind: StructureChange['kind']): number => structure.filter((change) => change.kind === kind).length;
  const targetOnly = flattenUnits(targetUnits).filter((unit) => unit.targetOnly);
  return {
    cellsUpdated: count('cell-updated'),
    cellsInserted: count('cell-inserted'),
    cellsRemoved: count('cell-removed'),
    cellsMoved: count('cell-moved'),
    tabsInserted: count('tab-inserted'),
    tabsRemoved: count('tab-removed'),
    blocksChanged: count('block-updated') + count('block-inserted') + count('block-removed') + count('block-moved'),
    commentsCarried: structure.reduce((sum, change) => sum + (change.commentsCarried ?? 0), 0),
    commentsDropped: structure.reduce((sum, change) => sum + (change.commentsDropped ?? 0), 0),
    targetOnlyKept: targetOnly.filter((unit) => !removed.has(unit)).length,
    targetOnlyRemoved: count('target-only-removed'),
    alreadyPresent,
  };
}
