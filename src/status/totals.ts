import { CHAPTER_STATES, type ChapterState, type ChapterStatus, type StatusTotals } from './types.js';

/** The book's totals: chapters by state, and what catching up every chapter would send and cost. */
export function statusTotals(chapters: readonly ChapterStatus[]): StatusTotals {
  const byState = Object.fromEntries(CHAPTER_STATES.map((state) => [state, 0])) as Record<ChapterState, number>;
  let standard = 0;
  let act = 0;
  for (const chapter of chapters) {
    byState[chapter.state] += 1;
    standard += chapter.estimatedCostUsd.standard;
    act += chapter.estimatedCostUsd.act;
  }
  const sum = (
    key:
      | 'sentencesChanged'
      | 'sentencesAdded'
      | 'sentencesRemoved'
      | 'charactersToTranslate'
      | 'unitsToTranslate'
      | 'unitsReused',
  ): number => chapters.reduce((total, chapter) => total + chapter[key], 0);
  return {
    chapters: chapters.length,
    byState,
    sentencesChanged: sum('sentencesChanged'),
    sentencesAdded: sum('sentencesAdded'),
    sentencesRemoved: sum('sentencesRemoved'),
    charactersToTranslate: sum('charactersToTranslate'),
    unitsToTranslate: sum('unitsToTranslate'),
    unitsReused: sum('unitsReused'),
    estimatedCostUsd: { standard, act },
    withProblems: chapters.filter((chapter) => chapter.problem !== undefined).length,
  };
}
