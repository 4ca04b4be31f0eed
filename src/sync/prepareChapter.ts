import { alignUnits } from '../align/buildPairs.js';
import { describeError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { checkChapter } from './checkChapter.js';
import { composeChapter } from './composeChapter.js';
import { planChapter } from './planChapter.js';
import { DEFAULT_TARGET_ONLY_TABS, type ChapterPlan } from './types.js';
import { verifyChapter } from './verifyChapter.js';
import { memoryEntries, type MemoryEntry } from './translationMemory.js';

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
}

export type PreparedChapter =
  | { readonly path: string; readonly problem: string }
  | {
      readonly path: string;
      /** Planned without translation memory; the book-wide memory is applied afterwards. */
      readonly plan: ChapterPlan;
      /** Human translations this chapter adds to the book's translation memory. */
      readonly memory: readonly MemoryEntry[];
    };

/** Parses the three texts of a chapter, aligns the translation with its old English, checks it and plans the edits. */
export function prepareChapter(task: ChapterSyncTask): PreparedChapter {
  try {
    const oldEnglish = parseMarkdown(task.oldText, task.oldLabel);
    // Most chapters did not change: their English is parsed once.
    const newEnglish = task.newText === task.oldText ? oldEnglish : parseMarkdown(task.newText, task.newLabel);
    const target = parseMarkdown(task.targetText, task.targetLabel);
    const tabs = task.targetOnlyTabs ? { targetOnlyTabs: task.targetOnlyTabs } : {};
    const alignment = alignUnits(oldEnglish, target, {
      sourceLanguage: task.sourceLanguage,
      targetLanguage: task.targetLanguage,
      ...tabs,
    });
    const problem = checkChapter(oldEnglish, target, alignment, task.sourceLanguage, task.targetLanguage);
    if (problem) return { path: task.path, problem };
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
    if (plan.edits.length === 0) return { path: task.path, plan, memory: memoryEntries(alignment) };
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
    if (violation) return { path: task.path, problem: `left as it was: ${violation}` };
    return { path: task.path, plan, memory: memoryEntries(alignment) };
  } catch (error) {
    return { path: task.path, problem: describeError(error) };
  }
}
