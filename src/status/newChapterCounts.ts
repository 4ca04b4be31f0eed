import { describeError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { countNewChapter, type SentenceChanges } from '../sync/countSentences.js';
import { textCharacters } from '../sync/syncBook.js';
import type { JsonCache } from './planCache.js';

/** What translating an English chapter the translation lacks would send: every prose block, whole. */
export type NewChapterCounts =
  | { readonly characters: number; readonly units: number; readonly sentences: SentenceChanges }
  | { readonly problem: string };

/** Counted as a sync drafts a new chapter: each prose block is one unit, its text tokens the characters. */
export function countNewChapterText(text: string, label: string, language: string): NewChapterCounts {
  try {
    const english = parseMarkdown(text, label);
    const prose = english.blocks.filter((block) => block.kind === 'prose');
    return {
      characters: prose.reduce((sum, block) => sum + textCharacters(block.tokens ?? []), 0),
      units: prose.length,
      sentences: countNewChapter(english, language),
    };
  } catch (error) {
    return { problem: describeError(error) };
  }
}

export async function cachedNewChapterCounts(
  text: string,
  label: string,
  language: string,
  cache: JsonCache | undefined,
): Promise<NewChapterCounts> {
  if (cache === undefined) return countNewChapterText(text, label, language);
  const key = await cache.key('new-chapter', [text, label, language]);
  const cached = await cache.get<NewChapterCounts>(key);
  if (cached !== undefined) return cached;
  const counts = countNewChapterText(text, label, language);
  await cache.set(key, counts);
  return counts;
}
