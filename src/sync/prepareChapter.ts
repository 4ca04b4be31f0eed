import { alignUnits, blockSentences, type UnitAlignment } from '../align/buildPairs.js';
import { describeError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import type { ParsedDocument } from '../markdown/types.js';
import { checkChapter } from './checkChapter.js';
import { composeChapter } from './composeChapter.js';
import { planChapter } from './planChapter.js';
import { DEFAULT_TARGET_ONLY_TABS, type ChapterPlan } from './types.js';
import { verifyChapter } from './verifyChapter.js';
import { memoryEntries, type MemoryEntry } from './translationMemory.js';
import { sameWordsKey } from './sameWordsKey.js';
import { structureUnits } from './structureUnits.js';

/** Everything one chapter's sync needs, as plain data, so that it can run in a worker thread. */
export interface ChapterSyncTask {
  readonly path: string;
  readonly oldText: string;
  readonly newText: string;
  readonly targetText: string;
  /** Names for messages (the files the texts came from). */
  readonly oldLabel: string;
  readonly newLabel: string;
  readonly targetLabel: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly targetOnlyTabs?: readonly string[];
  /** Also count the English sentences changed, added and removed (for `amts status`; a sync does not need them). */
  readonly countSentences?: boolean;
  /**
   * Stop after the English when none of its units changed (`amts status`): such a chapter has nothing to send, and
   * aligning its translation is only worth it when another chapter's draft can reuse one of its human translations
   * (planBook asks again for those). A sync needs every chapter's report and memory, so it never sets this.
   */
  readonly skipIfUnchanged?: boolean;
}

/** How the English of a chapter moved, sentence by sentence, slide markers and line wrapping aside. */
export interface SentenceChanges {
  /** Old sentences replaced by new ones in the same place. */
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  /** Sentences of the new English, and the characters of their text (what translating it all would send). */
  readonly total: number;
  readonly characters: number;
}

export type PreparedChapter =
  | { readonly path: string; readonly problem: string; readonly sentences?: SentenceChanges }
  | UnchangedChapter
  | {
      readonly path: string;
      /** Planned without translation memory; the book-wide memory is applied afterwards. */
      readonly plan: ChapterPlan;
      /** Human translations this chapter adds to the book's translation memory. */
      readonly memory: readonly MemoryEntry[];
      /** Set when the task asked for it. */
      readonly sentences?: SentenceChanges;
    };

/** A chapter whose English units are all unchanged, prepared no further (see `skipIfUnchanged`). */
export interface UnchangedChapter {
  readonly path: string;
  readonly unchanged: true;
  readonly sentences: SentenceChanges;
  /** Every sentence of its English, by sameWordsKey: what its translation memory could hold at most. */
  readonly sentenceKeys: readonly string[];
}

/** Parses the three texts of a chapter, aligns the translation with its old English, checks it and plans the edits. */
export function prepareChapter(task: ChapterSyncTask): PreparedChapter {
  try {
    const oldEnglish = parseMarkdown(task.oldText, task.oldLabel);
    // Most chapters did not change: their English is parsed once.
    const newEnglish = task.newText === task.oldText ? oldEnglish : parseMarkdown(task.newText, task.newLabel);
    if (task.skipIfUnchanged && sameUnits(oldEnglish, newEnglish)) {
      const sentenceKeys = documentSentences(oldEnglish, task.sourceLanguage);
      const sentences = countSentences(oldEnglish, newEnglish, task.sourceLanguage, sentenceKeys);
      return { path: task.path, unchanged: true, sentences, sentenceKeys };
    }
    const target = parseMarkdown(task.targetText, task.targetLabel);
    const tabs = task.targetOnlyTabs ? { targetOnlyTabs: task.targetOnlyTabs } : {};
    const alignment = alignUnits(oldEnglish, target, {
      sourceLanguage: task.sourceLanguage,
      targetLanguage: task.targetLanguage,
      ...tabs,
    });
    // The alignment split the old English into sentences already.
    const sentences = task.countSentences
      ? { sentences: countSentences(oldEnglish, newEnglish, task.sourceLanguage, alignedSentenceKeys(alignment)) }
      : {};
    const problem = checkChapter(oldEnglish, target, alignment, task.sourceLanguage, task.targetLanguage);
    if (problem) return { path: task.path, problem, ...sentences };
    const plan = planChapter({
      oldEnglish,
      newEnglish,
      target,
      alignment,
      sourceLanguage: task.sourceLanguage,
      targetLanguage: task.targetLanguage,
      ...tabs,
    });
    // Structure does not depend on what the engine writes: the plan is composed with each draft's English in its
    // place and checked now, so that a chapter the sync would damage is refused before anything is sent.
    if (plan.edits.length === 0) return { path: task.path, plan, memory: memoryEntries(alignment), ...sentences };
    const trial = composeChapter(task.targetText, plan.edits, plan.drafts, (index) =>
      (plan.drafts[index]?.tokens ?? []).map((token) => token.source).join(''),
    );
    const violation = verifyChapter({
      oldEnglish,
      newEnglish,
      target,
      composed: parseMarkdown(trial.text, task.targetLabel),
      targetOnlyTabs: new Set(task.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS),
      removedTargetOnly: plan.removedTargetOnly,
    });
    if (violation) return { path: task.path, problem: `left as it was: ${violation}`, ...sentences };
    return { path: task.path, plan, memory: memoryEntries(alignment), ...sentences };
  } catch (error) {
    return { path: task.path, problem: describeError(error) };
  }
}

/**
 * Whether every unit of the two English versions compares equal as the planner compares them (prose by its words,
 * slide markers aside; anything else exactly): then the plan changes no translated text and drafts nothing.
 */
function sameUnits(oldEnglish: ParsedDocument, newEnglish: ParsedDocument): boolean {
  if (oldEnglish === newEnglish) return true;
  const before = structureUnits(oldEnglish, NO_TABS);
  const after = structureUnits(newEnglish, NO_TABS);
  return before.length === after.length && before.every((unit, index) => unit.key === after[index]?.key);
}

const NO_TABS: ReadonlySet<string> = new Set();

/**
 * Sentences of the new English that differ from the old, by a diff of the two sentence sequences: within each run
 * of differences, as many as both sides have are counted changed, the rest added or removed.
 */
export function countSentences(
  oldEnglish: ParsedDocument,
  newEnglish: ParsedDocument,
  language: string,
  /** The old English's documentSentences, when the caller has them. */
  before: readonly string[] = documentSentences(oldEnglish, language),
): SentenceChanges {
  const after = newEnglish === oldEnglish ? before : documentSentences(newEnglish, language);
  const whole = { total: after.length, characters: proseCharacters(newEnglish) };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const left = before.slice(start, endBefore);
  const right = after.slice(start, endAfter);
  // Longest common subsequence of what is left between the common ends (usually a few sentences).
  const width = right.length + 1;
  const table = new Uint32Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--)
    for (let j = right.length - 1; j >= 0; j--)
      table[i * width + j] =
        left[i] === right[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
  const counts = { changed: 0, added: 0, removed: 0, ...whole };
  let deleted = 0;
  let inserted = 0;
  const closeRun = (): void => {
    const paired = Math.min(deleted, inserted);
    counts.changed += paired;
    counts.removed += deleted - paired;
    counts.added += inserted - paired;
    deleted = 0;
    inserted = 0;
  };
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      closeRun();
      i += 1;
      j += 1;
    } else if (
      j >= right.length ||
      (i < left.length && (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
    ) {
      deleted += 1;
      i += 1;
    } else {
      inserted += 1;
      j += 1;
    }
  }
  closeRun();
  return counts;
}

/** Every sentence of a chapter's English as a new chapter (all of them added). */
export function countNewChapter(newEnglish: ParsedDocument, language: string): SentenceChanges {
  const total = documentSentences(newEnglish, language).length;
  return { changed: 0, added: total, removed: 0, total, characters: proseCharacters(newEnglish) };
}

/** Characters of translatable text in the prose (what a sync counts: text tokens, not code or math). */
function proseCharacters(document: ParsedDocument): number {
  let characters = 0;
  for (const block of document.blocks)
    if (block.kind === 'prose')
      for (const token of block.tokens ?? []) if (token.kind === 'text') characters += token.source.length;
  return characters;
}

/** The old English's sentences as the alignment split them, keyed as documentSentences keys them. */
function alignedSentenceKeys(alignment: UnitAlignment): string[] {
  const keys: string[] = [];
  for (const sentence of alignment.sourceSentences) {
    const key = sameWordsKey(sentence.span.text);
    if (key !== '') keys.push(key);
  }
  return keys;
}

/** Every sentence of a document by sameWordsKey, empty ones left out (both versions of the English are split so). */
function documentSentences(document: ParsedDocument, language: string): string[] {
  const sentences: string[] = [];
  for (const block of document.blocks)
    for (const span of blockSentences(block, language)) {
      const key = sameWordsKey(span.text);
      if (key !== '') sentences.push(key);
    }
  return sentences;
}
