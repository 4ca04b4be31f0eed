import { prepareChapter, type ChapterSyncTask, type PreparedChapter } from './prepareChapter.js';
import { sameWordsKey } from './sameWordsKey.js';

/** Runs chapter preparation, in worker threads where the caller has them. */
export type ChapterPreparer = (tasks: readonly ChapterSyncTask[]) => Promise<PreparedChapter[]>;

export const prepareInline: ChapterPreparer = (tasks) => Promise.resolve(tasks.map(prepareChapter));

/**
 * Prepares a book's updated chapters, outcomes in the tasks' order. With `skipUnchanged` (`amts status`), a chapter
 * whose English units did not change stops after its English (see `skipIfUnchanged`); the ones that hold a sentence
 * another chapter drafts are then prepared in full. Translation memory takes a sentence's first human translation
 * in chapter order, and only drafted sentences are looked up, so it fills exactly the drafts it fills when every
 * chapter is prepared in full: a chapter left unprepared could only have offered sentences nobody asks for.
 */
export async function prepareUpdates(
  tasks: readonly ChapterSyncTask[],
  prepare: ChapterPreparer,
  skipUnchanged: boolean,
): Promise<PreparedChapter[]> {
  if (!skipUnchanged) return prepare(tasks);
  const outcomes = await prepare(tasks.map((task) => ({ ...task, skipIfUnchanged: true })));
  const drafted = new Set<string>();
  for (const outcome of outcomes)
    if ('plan' in outcome) for (const draft of outcome.plan.drafts) drafted.add(sameWordsKey(draft.source));
  const wanted = outcomes.flatMap((outcome, index) =>
    'unchanged' in outcome && outcome.sentenceKeys.some((key) => drafted.has(key)) ? [index] : [],
  );
  if (wanted.length === 0) return outcomes;
  const full = await prepare(wanted.flatMap((index) => tasks[index] ?? []));
  wanted.forEach((index, position) => {
    const outcome = full[position];
    if (outcome !== undefined) outcomes[index] = outcome;
  });
  return outcomes;
}
