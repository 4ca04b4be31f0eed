/**
 * Chapter plans cached on disk, one JSON file per chapter, keyed by a hash of the whole preparation task (the three
 * texts, their names, the languages) and of the code that plans it. A key never goes stale, so `amts status` run
 * again on a book that did not change reads its plans instead of parsing and aligning every chapter anew; the
 * numbers are the same either way.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { codeVersionOf } from '../pairs/pairsCache.js';
import type { ChapterSyncTask, PreparedChapter } from '../sync/prepareChapter.js';
import type { ChapterPreparer } from '../sync/syncBook.js';

/** Bump when an entry's layout changes; code changes are covered by the code version. */
const ENTRY_FORMAT = 'amts-plan-cache/2';

/** JSON values on disk under keys that hash everything they were computed from. */
export interface JsonCache {
  key(kind: string, parts: readonly string[]): Promise<string>;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** The code a chapter plan depends on. */
export function planCodeVersion(): Promise<string> {
  return codeVersionOf(['align', 'markdown', 'sync', 'status']);
}

export function openJsonCache(directory: string): JsonCache {
  const entryPath = (key: string): string => join(directory, `${key}.json`);
  return {
    async key(kind, parts) {
      const hash = createHash('sha256');
      // Each part is preceded by its length, so no two different inputs hash the same bytes.
      for (const part of [ENTRY_FORMAT, await planCodeVersion(), kind, ...parts]) {
        hash.update(`${part.length}:`);
        hash.update(part);
      }
      return hash.digest('hex');
    },
    async get<T>(key: string) {
      const text = await readFile(entryPath(key), 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        const entry = JSON.parse(text) as { format?: unknown; value?: T };
        return entry.format === ENTRY_FORMAT ? entry.value : undefined;
      } catch {
        // A damaged entry is computed again and overwritten.
        return undefined;
      }
    },
    async set(key, value) {
      await writeFileAtomic(entryPath(key), JSON.stringify({ format: ENTRY_FORMAT, value }));
    },
  };
}

/** Every field of a task, in a fixed order, for its key. */
function taskParts(task: ChapterSyncTask): string[] {
  return [
    task.path,
    task.oldText,
    task.newText,
    task.targetText,
    task.oldLabel,
    task.newLabel,
    task.targetLabel,
    task.sourceLanguage,
    task.targetLanguage,
    JSON.stringify(task.targetOnlyTabs ?? null),
    String(task.countSentences ?? false),
    String(task.skipIfUnchanged ?? false),
  ];
}

/** Prepares only the chapters the cache does not hold (with `inner`), and keeps what it prepared. */
export function cachingPreparer(inner: ChapterPreparer, cache: JsonCache): ChapterPreparer {
  return async (tasks) => {
    const keys = await Promise.all(tasks.map((task) => cache.key('prepared-chapter', taskParts(task))));
    const outcomes = await Promise.all(keys.map((key) => cache.get<PreparedChapter>(key)));
    const missing = tasks.flatMap((task, index) => (outcomes[index] === undefined ? [{ task, index }] : []));
    if (missing.length === 0) return outcomes as PreparedChapter[];
    const fresh = await inner(missing.map(({ task }) => task));
    await Promise.all(
      missing.map(async ({ index }, freshIndex) => {
        const prepared = fresh[freshIndex];
        outcomes[index] = prepared;
        if (prepared !== undefined) await cache.set(keys[index] ?? '', prepared);
      }),
    );
    return outcomes.map((outcome, index) => outcome ?? { path: tasks[index]?.path ?? '', problem: 'not prepared' });
  };
}
