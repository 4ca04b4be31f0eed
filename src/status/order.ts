import { CHAPTER_STATES, type ChapterStatus } from './types.js';

/**
 * Most behind first: more English commits since the translation's origin, then a larger share of the chapter to
 * translate (the bar), then more characters, then more sentences moved; chapters with nothing to do last.
 */
export function byHowFarBehind(chapters: readonly ChapterStatus[]): ChapterStatus[] {
  return [...chapters].sort(
    (a, b) =>
      (b.behind?.commitsBehind ?? -1) - (a.behind?.commitsBehind ?? -1) ||
      shareToTranslate(b) - shareToTranslate(a) ||
      b.charactersToTranslate - a.charactersToTranslate ||
      movedSentences(b) - movedSentences(a) ||
      CHAPTER_STATES.indexOf(a.state) - CHAPTER_STATES.indexOf(b.state) ||
      a.path.localeCompare(b.path),
  );
}

export function movedSentences(chapter: ChapterStatus): number {
  return chapter.sentencesChanged + chapter.sentencesAdded + chapter.sentencesRemoved;
}

/** Share of the chapter's English a sync would translate: 1 for an untranslated chapter, 0 for a current one. */
export function shareToTranslate(chapter: ChapterStatus): number {
  if (chapter.englishCharacters > 0) return Math.min(1, chapter.charactersToTranslate / chapter.englishCharacters);
  return chapter.state === 'untranslated' ? 1 : 0;
}
