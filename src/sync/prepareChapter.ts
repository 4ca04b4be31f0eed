import { alignUnits } from '../align/buildPairs.js';
import { describeError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { checkChapter } from './checkChapter.js';
import { planChapter, type ChapterPlan } from './planChapter.js';
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
    return { path: task.path, plan, memory: memoryEntries(alignment) };
  } catch (error) {
    return { path: task.path, problem: describeError(error) };
  }
}
