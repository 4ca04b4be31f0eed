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

/** Bump when the entry layout changes; code changes are covered by the code version. */
const ENTRY_FORMAT = 'amts-plan-cache/1';

interface CacheEntry {
  readonly format: string;
  readonly prepared: PreparedChapter;
}

/** The code a chapter plan depends on. */
export function planCodeVersion(): Promise<string> {
  return codeVersionOf(['align', 'markdown', 'sync']);
}

export function planCacheKey(codeVersion: string, task: ChapterSyncTask): string {
  const hash = createHash('sha256');
  // Each part is preceded by its length, so no two different tasks hash the same bytes.
  for (const part of [ENTRY_FORMAT, codeVersion, JSON.stringify(task)]) {
    hash.update(`${part.length}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Prepares only the chapters the cache does not hold (with `inner`), and keeps what it prepared. */
export function cachingPreparer(inner: ChapterPreparer, directory: string): ChapterPreparer {
  return async (tasks) => {
    const codeVersion = await planCodeVersion();
    const keys = tasks.map((task) => planCacheKey(codeVersion, task));
    const cached = await Promise.all(keys.map((key) => readEntry(join(directory, `${key}.json`))));
    const missing = tasks.flatMap((task, index) => (cached[index] === undefined ? [index] : []));
    const fresh = missing.length > 0 ? await inner(missing.map((index) => tasks[index] as ChapterSyncTask)) : [];
    const outcomes = [...cached];
    await Promise.all(
      missing.map(async (taskIndex, freshIndex) => {
        const prepared = fresh[freshIndex];
        if (prepared === undefined) return;
        outcomes[taskIndex] = prepared;
        const entry: CacheEntry = { format: ENTRY_FORMAT, prepared };
        await writeFileAtomic(join(directory, `${keys[taskIndex] ?? ''}.json`), JSON.stringify(entry));
      }),
    );
    return outcomes.map((outcome, index) => outcome ?? { path: tasks[index]?.path ?? '', problem: 'not prepared' });
  };
}

async function readEntry(path: string): Promise<PreparedChapter | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as CacheEntry;
    return entry.format === ENTRY_FORMAT ? entry.prepared : undefined;
  } catch {
    // A damaged entry is prepared again and overwritten.
    return undefined;
  }
}
