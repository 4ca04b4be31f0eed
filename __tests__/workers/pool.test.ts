import { describe, expect, it } from 'vitest';
import { alignChapter } from '../../src/pairs/alignChapter.js';
import { prepareChapter } from '../../src/sync/prepareChapter.js';
import { runInWorkers } from '../../src/workers/pool.js';
import { alignTasks, EXAMPLE_CHAPTERS, syncTask } from './chapters.js';

describe('runInWorkers: align-chapter', () => {
  it('aligns chapters in worker threads (TypeScript source through tsx) exactly as in the main thread', async () => {
    const tasks = await alignTasks();
    const inWorkers = await runInWorkers('align-chapter', tasks, { jobs: 2, mainThread: false });
    expect(inWorkers.stats).toMatchObject({
      workersStarted: 2,
      workerFailures: [],
      chaptersInMainThread: 0,
      chaptersInWorkers: 3,
    });
    expect(inWorkers.outcomes).toEqual(tasks.map((task) => alignChapter(task)));
  });

  it('reports outcomes in task order and calls back once per chapter', async () => {
    const tasks = await alignTasks();
    const seen: number[] = [];
    const result = await runInWorkers('align-chapter', tasks, { jobs: 2, onOutcome: (index) => seen.push(index) });
    expect(seen.sort()).toEqual([0, 1, 2]);
    expect(result.stats.chaptersInMainThread + result.stats.chaptersInWorkers).toBe(3);
    expect(result.outcomes.map((outcome) => outcome.ok && outcome.alignment.pairs.length > 0)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('lets the main thread take chapters beside the workers when asked', async () => {
    const result = await runInWorkers('align-chapter', await alignTasks(), { jobs: 2, mainThread: true });
    expect(result.stats.workersStarted).toBe(1);
    expect(result.stats.chaptersInMainThread + result.stats.chaptersInWorkers).toBe(3);
    expect(result.stats.chaptersInMainThread).toBeGreaterThan(0);
  });

  it('runs everything in the main thread with one job', async () => {
    const result = await runInWorkers('align-chapter', await alignTasks(), { jobs: 1 });
    expect(result.stats).toMatchObject({ workersStarted: 0, chaptersInMainThread: 3 });
  });
});

describe('runInWorkers: prepare-sync-chapter', () => {
  it('prepares sync chapters in worker threads exactly as in the main thread', async () => {
    const tasks = await Promise.all(EXAMPLE_CHAPTERS.map((chapter) => syncTask(chapter)));
    const inWorkers = await runInWorkers('prepare-sync-chapter', tasks, { jobs: 2 });
    expect(inWorkers.stats).toMatchObject({ workersStarted: 2, workerFailures: [], chaptersInWorkers: 3 });
    const inline = tasks.map((task) => prepareChapter(task));
    expect(inline.every((outcome) => 'plan' in outcome)).toBe(true);
    expect(inline.some((outcome) => 'plan' in outcome && outcome.plan.drafts.length > 0)).toBe(true);
    expect(inWorkers.outcomes).toEqual(inline);
  });
});

describe('runInWorkers: failing workers', () => {
  it('runs every chapter in the main thread when no worker can start', async () => {
    const tasks = await alignTasks();
    // Too small a heap even to load the worker's code.
    const result = await runInWorkers('align-chapter', tasks, { jobs: 2, workerHeap: { maxOldGenerationSizeMb: 1 } });
    expect(result.stats).toMatchObject({ workersStarted: 0, chaptersInWorkers: 0, chaptersInMainThread: 3 });
    expect(result.stats.workerFailures).toHaveLength(2);
    expect(result.stats.workerFailures[0]).toMatch(/memory limit/u);
    expect(result.outcomes).toEqual(tasks.map((task) => alignChapter(task)));
  });

  it('hands the chapter of a worker that died back to the main thread', async () => {
    // A chapter forty-five times over (about 1.6 MB of text, as bptt thirty times over was) outgrows a 20 MB heap
    // that is enough to start (fewer copies no longer do reliably since alignment allocates less): the worker dies
    // mid-chapter.
    const tasks = [await syncTask(EXAMPLE_CHAPTERS[2], 45), await syncTask(EXAMPLE_CHAPTERS[1])];
    const result = await runInWorkers('prepare-sync-chapter', tasks, {
      jobs: 2,
      workerHeap: { maxOldGenerationSizeMb: 20, maxYoungGenerationSizeMb: 4 },
    });
    expect(result.stats.workersStarted).toBeGreaterThan(0);
    expect(result.stats.workerFailures.some((failure) => /memory limit/u.test(failure))).toBe(true);
    expect(result.stats.chaptersInMainThread).toBeGreaterThan(0);
    expect(result.stats.chaptersInMainThread + result.stats.chaptersInWorkers).toBe(2);
    expect(result.outcomes).toEqual(tasks.map((task) => prepareChapter(task)));
  });
});
