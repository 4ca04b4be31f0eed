import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignChapter } from '../../src/pairs/alignChapter.js';
import { runChapterTasks } from '../../src/pairs/pairsPool.js';
import type { ChapterTask } from '../../src/pairs/types.js';
import { D2L_ZH, DEV_CHAPTERS, originOf } from './bookTree.js';

async function devTasks(): Promise<ChapterTask[]> {
  return Promise.all(
    DEV_CHAPTERS.map(async (chapter) => ({
      sourcePath: join(D2L_ZH, originOf(chapter)),
      targetPath: join(D2L_ZH, chapter),
      sourceText: await readFile(join(D2L_ZH, originOf(chapter)), 'utf8'),
      targetText: await readFile(join(D2L_ZH, chapter), 'utf8'),
      options: { sourceLanguage: 'en', targetLanguage: 'zh', glossary: [] },
    })),
  );
}

describe('runChapterTasks', () => {
  it('aligns chapters in worker threads (TypeScript source through tsx) exactly as in the main thread', async () => {
    const tasks = await devTasks();
    const inWorkers = await runChapterTasks(tasks, { jobs: 2, mainThread: false });
    expect(inWorkers.stats).toMatchObject({
      workersStarted: 2,
      workerFailures: [],
      chaptersInMainThread: 0,
      chaptersInWorkers: 3,
    });
    expect(inWorkers.outcomes).toEqual(tasks.map((task) => alignChapter(task)));
  });

  it('reports outcomes in task order and calls back once per chapter', async () => {
    const tasks = await devTasks();
    const seen: number[] = [];
    const result = await runChapterTasks(tasks, { jobs: 2, onOutcome: (index) => seen.push(index) });
    expect(seen.sort()).toEqual([0, 1, 2]);
    expect(result.stats.chaptersInMainThread + result.stats.chaptersInWorkers).toBe(3);
    expect(result.outcomes.map((outcome) => outcome.ok && outcome.alignment.pairs.length > 0)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('lets the main thread take chapters beside the workers when asked', async () => {
    const result = await runChapterTasks(await devTasks(), { jobs: 2, mainThread: true });
    expect(result.stats.workersStarted).toBe(1);
    expect(result.stats.chaptersInMainThread + result.stats.chaptersInWorkers).toBe(3);
    expect(result.stats.chaptersInMainThread).toBeGreaterThan(0);
  });

  it('runs everything in the main thread with one job', async () => {
    const result = await runChapterTasks(await devTasks(), { jobs: 1 });
    expect(result.stats).toMatchObject({ workersStarted: 0, chaptersInMainThread: 3 });
  });
});
