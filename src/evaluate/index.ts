/** sacreBLEU 2.6.0-compatible BLEU and chrF, in pure TypeScript. */
export { corpusBleu, sentenceBleu, computeBleu, bleuSignature, brevityPenalty } from './bleu.js';
export type { BleuOptions, BleuScore, BleuStatistics, SmoothMethod } from './bleu.js';
export { corpusChrf, sentenceChrf, computeChrf, chrfSignature } from './chrf.js';
export type { ChrfOptions, ChrfScore } from './chrf.js';
export {
  tokenize,
  tokenize13a,
  tokenizeZh,
  tokenizeNone,
  tokenizerForLanguage,
  isTokenizerName,
  TOKENIZER_NAMES,
} from './tokenizers.js';
export type { TokenizerName } from './tokenizers.js';
export type { ReferenceStreams } from './references.js';
export { SACREBLEU_VERSION } from './signature.js';
export type { ReferenceCount } from './signature.js';
export { formatBleuLine, formatChrfLine } from './formatScore.js';
export {
  scoreSegments,
  scoreTextFiles,
  scoreDocuments,
  scoreLoadedDocuments,
  readAlignedFiles,
  readSegments,
  splitSegments,
} from './scoreTextFiles.js';
export type {
  TextScore,
  TextScoreOptions,
  DocumentFiles,
  DocumentScore,
  LoadedDocument,
  ScoreReport,
} from './scoreTextFiles.js';
export {
  formatScoreReport,
  formatMarkdownReport,
  formatJsonReport,
  parseScoreFormat,
  SCORE_FORMATS,
} from './formatReport.js';
export type { ScoreFormat } from './formatReport.js';
