/** What `amts status` says about a translation: per chapter, how far it lags its English and what catching up costs. */

/**
 * - `current`: no English sentence changed since the translation's English (slide markers aside) and nothing to send;
 * - `outdated`: sentences changed, were added or removed;
 * - `untranslated`: an English chapter the translation does not have;
 * - `unknown`: a translation without the English it was made from, so nobody can tell;
 * - `orphaned`: a translation whose English chapter is gone;
 * - `excluded`: left out by the translation's `.amts.yml`.
 */
export type ChapterState = 'current' | 'outdated' | 'untranslated' | 'unknown' | 'orphaned' | 'excluded';

export const CHAPTER_STATES: readonly ChapterState[] = [
  'outdated',
  'untranslated',
  'unknown',
  'orphaned',
  'current',
  'excluded',
];

/** List-price estimates, US dollars: Amazon Translate standard, and with Active Custom Translation (ACT). */
export interface CostEstimate {
  readonly standard: number;
  readonly act: number;
}

/** How far behind a chapter is, when the state file or the English's git history tells it. */
export interface Behind {
  /** The English commit the translation's old English is (its origin file's content, or the recorded sync). */
  readonly originCommit: string;
  /** Commits that changed the English chapter since then. */
  readonly commitsBehind: number;
  /** When the origin commit was made (ISO 8601). */
  readonly originDate?: string;
}

export interface ChapterStatus {
  /** Path in the book, relative to its root, with `/`. */
  readonly path: string;
  readonly state: ChapterState;
  readonly sentencesChanged: number;
  readonly sentencesAdded: number;
  readonly sentencesRemoved: number;
  /** Sentences of the new English (0 for chapters without one). */
  readonly sentences: number;
  /** Characters a sync would send for this chapter, translation memory counted (0 when it would refuse it). */
  readonly charactersToTranslate: number;
  /** Characters of all the new English prose: what translating the chapter anew would send. */
  readonly englishCharacters: number;
  /** Units (sentences or blocks) a sync would draft, and those translation memory fills instead. */
  readonly unitsToTranslate: number;
  readonly unitsReused: number;
  readonly estimatedCostUsd: CostEstimate;
  readonly behind?: Behind;
  /** The chapter's translation is at another path, which the English renamed. */
  readonly renamedFrom?: string;
  /** Why a sync would leave this chapter as it is (it refuses it), or why nothing can be told. */
  readonly problem?: string;
}

export interface StatusTotals {
  readonly chapters: number;
  readonly byState: Readonly<Record<ChapterState, number>>;
  readonly sentencesChanged: number;
  readonly sentencesAdded: number;
  readonly sentencesRemoved: number;
  readonly charactersToTranslate: number;
  readonly unitsToTranslate: number;
  readonly unitsReused: number;
  readonly estimatedCostUsd: CostEstimate;
  /** Chapters a sync would refuse (their characters are not counted). */
  readonly withProblems: number;
}

export interface BookStatus {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Where the old English came from, for people. */
  readonly oldEnglish: string;
  /** Price per million characters the estimates use. */
  readonly pricePerMillionUsd: CostEstimate;
  readonly chapters: readonly ChapterStatus[];
  readonly totals: StatusTotals;
}
