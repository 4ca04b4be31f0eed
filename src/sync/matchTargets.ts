import { longestCommonSubsequence } from '../align/alignBlocks.js';
import type { StructureUnit } from './structureUnits.js';

/**
 * Non-prose units of an English version and the translation's units that are the same cell, tab block or block
 * (code compared without comments and string contents): equal ones by longest common subsequence of their strong
 * keys, then of their weak keys between two strong matches. Target-only units
 * (Paddle) never match. Prose is not matched here: sentence alignment places it.
 */
export function equalTargets(
  english: readonly StructureUnit[],
  target: readonly StructureUnit[],
): Map<StructureUnit, StructureUnit> {
  const left = english.filter((unit) => unit.crossKey !== undefined);
  const right = target.filter((unit) => unit.crossKey !== undefined && !unit.targetOnly);
  const pairs = new Map<StructureUnit, StructureUnit>();
  const strong = longestCommonSubsequence(
    left.map((unit) => unit.crossKey ?? ''),
    right.map((unit) => unit.crossKey ?? ''),
  );
  // Between two strong matches, units whose strong keys differ (a link the translators dropped) by their weak keys.
  let leftFrom = 0;
  let rightFrom = 0;
  for (const [leftIndex, rightIndex] of [...strong, [left.length, right.length] as [number, number]]) {
    const leftGap = left.slice(leftFrom, leftIndex);
    const rightGap = right.slice(rightFrom, rightIndex);
    if (leftGap.length > 0 && rightGap.length > 0) {
      for (const [a, b] of longestCommonSubsequence(
        leftGap.map((unit) => unit.weakKey ?? unit.crossKey ?? ''),
        rightGap.map((unit) => unit.weakKey ?? unit.crossKey ?? ''),
      )) {
        pairs.set(leftGap[a] as StructureUnit, rightGap[b] as StructureUnit);
      }
    }
    const match = left[leftIndex];
    const counterpart = right[rightIndex];
    if (match && counterpart) pairs.set(match, counterpart);
    leftFrom = leftIndex + 1;
    rightFrom = rightIndex + 1;
  }
  return pairs;
}

/**
 * The translation's counterpart of each non-prose old-English unit: the equal ones, then, between two equal ones,
 * edited units paired in order with a translation unit of the same slot (same kind, fence and tabs) that is neither
 * matched already nor `reserved` (units that already equal the new English).
 */
export function counterparts(
  english: readonly StructureUnit[],
  target: readonly StructureUnit[],
  equal: ReadonlyMap<StructureUnit, StructureUnit>,
  reserved: ReadonlySet<StructureUnit>,
): Map<StructureUnit, StructureUnit> {
  const pairs = new Map(equal);
  const taken = new Set(equal.values());
  const free = (unit: StructureUnit): boolean =>
    unit.crossKey !== undefined && !unit.targetOnly && !taken.has(unit) && !reserved.has(unit);
  let targetFrom = 0;
  let pending: StructureUnit[] = [];
  const pairPending = (targetTo: number): void => {
    let cursor = targetFrom;
    for (const unit of pending) {
      for (let index = cursor; index < targetTo; index += 1) {
        const candidate = target[index] as StructureUnit;
        if (free(candidate) && candidate.slot === unit.slot && sameTabs(candidate, unit)) {
          pairs.set(unit, candidate);
          taken.add(candidate);
          cursor = index + 1;
          break;
        }
      }
    }
    pending = [];
  };
  for (const unit of english) {
    if (unit.crossKey === undefined) continue;
    const match = equal.get(unit);
    if (match === undefined) {
      pending.push(unit);
      continue;
    }
    const at = target.indexOf(match);
    pairPending(at);
    targetFrom = at + 1;
  }
  pairPending(target.length);
  return pairs;
}

/** Tab blocks of the translation pair with the English's of the same tabs (translation-only tabs aside). */
function sameTabs(target: StructureUnit, english: StructureUnit): boolean {
  if (english.kind !== 'tab') return true;
  return english.tabs.every((tab) => target.tabs.includes(tab));
}
