import { longestCommonSubsequence } from '../align/alignBlocks.js';
import { codeCell, codeOfLine, normalizeCode, tabNames, type CodeCell } from './structureUnits.js';

export interface MergedCell {
  readonly text: string;
  /** Comment lines of the translation (translated or added by translators) carried into the new code. */
  readonly carried: number;
  /** Comment lines of the translation that had to go because the code they belong to changed or went away. */
  readonly dropped: number;
}

/**
 * The new English code cell with the translation's own comments kept: a stanza (the comment and blank lines above a
 * code line, and the line itself) whose English did not change is taken from the translation as it is, so its
 * translated comments stay; a stanza whose code line is unchanged but whose English comment above changed keeps the
 * new English. The `#@tab` line keeps the tabs only the translation has (`mxnet, pytorch, paddle`).
 */
export function mergeCodeCell(
  oldSource: string,
  newSource: string,
  targetSource: string,
  targetOnlyTabs: ReadonlySet<string>,
): MergedCell {
  const before = codeCell(oldSource);
  const after = codeCell(newSource);
  const target = codeCell(targetSource);
  const oldStanzas = stanzas(before.body);
  const newStanzas = stanzas(after.body);
  const targetStanzas = stanzas(target.body);
  const newOfOld = new Map(
    longestCommonSubsequence(
      oldStanzas.map((stanza) => stanza.lines.join('\n')),
      newStanzas.map((stanza) => stanza.lines.join('\n')),
    ).map(([oldIndex, newIndex]) => [newIndex, oldIndex]),
  );
  const targetOfOld = new Map(
    longestCommonSubsequence(
      oldStanzas.map((stanza) => stanza.codeKey),
      targetStanzas.map((stanza) => stanza.codeKey),
    ),
  );
  const used = new Set<number>();
  const lines: string[] = [];
  let lastUsed = -1;
  newStanzas.forEach((stanza, index) => {
    const oldIndex = newOfOld.get(index);
    const targetIndex =
      oldIndex === undefined ? aheadStanza(stanza, targetStanzas, lastUsed, before.body) : targetOfOld.get(oldIndex);
    const translated = targetIndex === undefined || used.has(targetIndex) ? undefined : targetStanzas[targetIndex];
    if (translated && targetIndex !== undefined) {
      used.add(targetIndex);
      lastUsed = Math.max(lastUsed, targetIndex);
      lines.push(...translated.lines);
    } else lines.push(...stanza.lines);
  });
  let carried = 0;
  let dropped = 0;
  targetStanzas.forEach((stanza, index) => {
    const own = stanza.lines.filter((line) => isOwnComment(line, before.body)).length;
    if (used.has(index)) carried += own;
    else dropped += own;
  });
  const tabLine = mergedTabLine(before, after, target, targetOnlyTabs);
  const text = [after.open, ...(tabLine === undefined ? [] : [tabLine]), ...lines, after.close].join('\n');
  return { text, carried, dropped };
}

/**
 * A stanza of the translation that already has the new English code line (translators brought it in ahead of its
 * origin), after the last stanza taken, when the English comments above the line are ones the old English had: the
 * translators' version of those comments (translated, or removed) stands.
 */
function aheadStanza(
  stanza: Stanza,
  targetStanzas: readonly Stanza[],
  lastUsed: number,
  oldBody: readonly string[],
): number | undefined {
  if (stanza.codeKey === '') return undefined;
  if (!stanza.lines.slice(0, -1).every((line) => oldBody.includes(line))) return undefined;
  // A trailing comment on the line itself that the English wrote must be the translation's too.
  const line = stanza.lines.at(-1) ?? '';
  const commented = codeOfLine(line) !== line;
  const found = targetStanzas.findIndex(
    (candidate, index) =>
      index > lastUsed && candidate.codeKey === stanza.codeKey && (!commented || candidate.lines.at(-1) === line),
  );
  return found === -1 ? undefined : found;
}

interface Stanza {
  /** Comment and blank lines, then the code line they stand above (none for trailing comments). */
  readonly lines: readonly string[];
  /** The code line compared across languages (comments and string contents aside). */
  readonly codeKey: string;
}

function stanzas(body: readonly string[]): Stanza[] {
  const out: Stanza[] = [];
  let pending: string[] = [];
  for (const line of body) {
    pending.push(line);
    if (codeOfLine(line).trim() === '') continue;
    out.push({ lines: pending, codeKey: normalizeCode([line]) });
    pending = [];
  }
  if (pending.length > 0) out.push({ lines: pending, codeKey: '' });
  return out;
}

/** A line with a comment that the English cell does not have word for word: the translators' own. */
function isOwnComment(line: string, english: readonly string[]): boolean {
  return codeOfLine(line) !== line && !english.includes(line);
}

/**
 * The new English `#@tab` line, plus the tabs only the translation has. When the English tab line did not change, the
 * translation's own line stays as it is.
 */
function mergedTabLine(
  before: CodeCell,
  after: CodeCell,
  target: CodeCell,
  targetOnlyTabs: ReadonlySet<string>,
): string | undefined {
  if (before.tabLine === after.tabLine) return target.tabLine ?? after.tabLine;
  if (after.tabLine === undefined) return undefined;
  const names = tabNames(after.tabLine.slice(5));
  if (names.includes('all')) return after.tabLine;
  const extra = target.tabs.filter((tab) => targetOnlyTabs.has(tab) && !names.includes(tab));
  return extra.length === 0 ? after.tabLine : `${after.tabLine.trimEnd()}, ${extra.join(', ')}`;
}
