export { foldLineBreaks } from './fold.js';
export { canonicalLanguage, findLanguage, languageMatch } from './languages.js';
export { mergeParallelData } from './merge.js';
export type { MergeResult, UserSuppliedPair } from './merge.js';
export { hasTextOutsideProtected } from './protectedMarkdown.js';
export { readParallelData } from './read.js';
export { MAX_FIELD_BYTES } from './screen.js';
export { readTerminologyTable } from './terminology.js';
export type { TermPair } from './terminology.js';
export { REWRITE_REASONS, SKIP_REASONS } from './types.js';
export type {
  LanguagePair,
  ParallelDataFormat,
  RewriteReason,
  SegmentType,
  SentencePair,
  SkipReason,
} from './types.js';
export { writeParallelData } from './write.js';
export type { WriteOptions, WriteResult } from './write.js';
