import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChapterTask } from '../../src/pairs/types.js';
import type { ChapterSyncTask } from '../../src/sync/prepareChapter.js';
import { CORPUS } from '../helpers/corpus.js';
import { D2L_ZH, DEV_CHAPTERS, originOf } from '../pairs/bookTree.js';

export const NEW_ENGLISH = join(CORPUS, 'd2l-en-classic');

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

/** A d2l-zh chapter (translation and `_origin.md`) brought up to d2l-en-classic, as a sync task. */
export async function syncTask(chapter: string, repeat = 1): Promise<ChapterSyncTask> {
  const read = async (path: string) =>
    Array<string>(repeat)
      .fill(await readFile(path, 'utf8'))
      .join('\n\n');
  return {
    path: chapter,
    oldText: await read(join(D2L_ZH, originOf(chapter))),
    newText: await read(join(NEW_ENGLISH, chapter)),
    targetText: await read(join(D2L_ZH, chapter)),
    oldLabel: `${chapter} (old English)`,
    newLabel: join(NEW_ENGLISH, chapter),
    targetLabel: join(D2L_ZH, chapter),
    sourceLanguage: 'en',
    targetLanguage: 'zh',
  };
}
