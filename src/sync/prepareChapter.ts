import { alignUnits } from '../align/buildPairs.js';
import { describeError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import type { ParsedDocument } from '../markdown/types.js';
import { checkChapter } from './checkChapter.js';
import { composeChapter } from './composeChapter.js';
import { planChapter } from './planChapter.js';
import { DEFAULT_TARGET_ONLY_TABS, type ChapterPlan } from './types.js';
import { verifyChapter } from './verifyChapter.js';
import { memoryEntries, type MemoryEntry } from './translationMemory.js';
import { alignedKeysByBlock, countSentences, sentenceKeysByBlock, type SentenceChanges } from './countSentences.js';
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
      const keysByBlock = sentenceKeysByBlock(oldEnglish, task.sourceLanguage);
      const sentences = countSentences(oldEnglish, newEnglish, task.sourceLanguage, keysByBlock);
      return { path: task.path, unchanged: true, sentences, sentenceKeys: keysByBlock.flat() };
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
      ? {
          sentences: countSentences(
            oldEnglish,
            newEnglish,
            task.sourceLanguage,
            alignedKeysByBlock(alignment, oldEnglish.blocks.length),
          ),
        }
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
