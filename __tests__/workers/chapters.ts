import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChapterTask } from '../../src/pairs/types.js';
import type { ChapterSyncTask } from '../../src/sync/prepareChapter.js';
import { EXAMPLE_BOOK } from '../helpers/corpus.js';
import { D2L_ZH, DEV_CHAPTERS, originOf } from '../pairs/bookTree.js';

/** The example book's chapters: Chinese with `_origin.md` under `zh/`, the newer English under `en/`. */
export const EXAMPLE_CHAPTERS = [
  'chapter_optimization/rmsprop.md',
  'chapter_convolutional-modern/nin.md',
  'chapter_convolutional-neural-networks/padding-and-strides.md',
] as const;
const EXAMPLE_ENGLISH = join(EXAMPLE_BOOK, 'en');
const EXAMPLE_CHINESE = join(EXAMPLE_BOOK, 'zh');

/** The gold-aligned dev chapters as `amts pairs` tasks. */
export async function alignTasks(): Promise<ChapterTask[]> {
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

/** An example-book chapter (translation and `_origin.md`) brought up to its newer English, as a sync task. */
export async function syncTask(chapter: string, repeat = 1): Promise<ChapterSyncTask> {
  const read = async (path: string) =>
    Array<string>(repeat)
      .fill(await readFile(path, 'utf8'))
      .join('\n\n');
  return {
    path: chapter,
    oldText: await read(join(EXAMPLE_CHINESE, originOf(chapter))),
    newText: await read(join(EXAMPLE_ENGLISH, chapter)),
    targetText: await read(join(EXAMPLE_CHINESE, chapter)),
    oldLabel: `${chapter} (old English)`,
    newLabel: join(EXAMPLE_ENGLISH, chapter),
    targetLabel: join(EXAMPLE_CHINESE, chapter),
    sourceLanguage: 'en',
    targetLanguage: 'zh',
  };
}
