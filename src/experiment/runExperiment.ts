/**
 * The with/without Active Custom Translation experiment of Amazon's d2l study, made reproducible: each evaluated
 * chapter is translated (a) without parallel data, (b) with paragraph pairs and (c) with sentence pairs drawn from
 * the rest of the book, optionally in both directions, and each translation is scored against the human one on
 * prose only (see src/evaluate/scoreMarkdown.ts).
 */
import type { TranslationEngine } from '../engines/engine.js';
import { tokenizerForLanguage } from '../evaluate/index.js';
import { scoreMarkdownDocuments, type ProsePairingStats } from '../evaluate/scoreMarkdown.js';
import type { TextScore } from '../evaluate/scoreTextFiles.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import type { ParsedDocument } from '../markdown/types.js';
import { translateDocuments } from '../translate/translateDocument.js';
import type { Book, BookChapter } from './book.js';
import { indexSentences } from './leakage.js';
import {
  buildParallelData,
  type BuiltParallelData,
  type ExperimentDirection,
  type Granularity,
  type LeakageGuard,
} from './parallelData.js';

export const CONFIGURATIONS = ['none', 'paragraph', 'sentence'] as const;
export type ConfigurationName = (typeof CONFIGURATIONS)[number];

export const CONFIGURATION_LABELS: Readonly<Record<ConfigurationName, string>> = {
  none: 'No parallel data',
  paragraph: 'ACT, paragraph pairs',
  sentence: 'ACT, sentence pairs',
};

export interface ExperimentParallelData {
  readonly granularity: Granularity;
  /** The Amazon Translate CSV, header row of language codes first. */
  readonly csv: string;
  readonly pairs: number;
}

/** What an engine is built for: one configuration in one direction. */
export interface ExperimentEngineConfig {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly configuration: ConfigurationName;
  /** Absent for the configuration without parallel data. */
  readonly parallelData?: ExperimentParallelData;
}

/**
 * Builds the engine of one configuration. This is the one place parallel data reaches an engine: the AWS factory
 * imports it as a parallel-data resource; offline engines ignore it.
 */
export type ExperimentEngineFactory = (
  config: ExperimentEngineConfig,
) => TranslationEngine | Promise<TranslationEngine>;

export interface ExperimentOptions {
  /** Chapters to evaluate, as selected from the book. */
  readonly chapters: readonly BookChapter[];
  /** Also translate the translation back into the original's language. */
  readonly bothDirections?: boolean;
  readonly log?: (message: string) => void;
}

export interface ChapterScore {
  readonly chapter: string;
  /** 0–100, as sacreBLEU prints it. */
  readonly bleu: number;
  readonly chrf: number;
  readonly bp: number;
  readonly segments: number;
  readonly sysLen: number;
  readonly refLen: number;
  readonly pairing: ProsePairingStats;
  readonly untranslatedUnits: number;
}

export interface SummaryScore {
  readonly bleu: number;
  readonly chrf: number;
}

export interface ConfigurationResult {
  readonly configuration: ConfigurationName;
  readonly label: string;
  readonly engine: string;
  readonly chapters: readonly ChapterScore[];
  /** Mean of the chapter scores, as the study averages. */
  readonly average: SummaryScore;
  /** All chapters scored as one corpus. */
  readonly corpus: SummaryScore;
  readonly sentCharacters: number;
  readonly billedCharacters: number;
  readonly jobIds: readonly string[];
}

export type ParallelDataSummary = Omit<BuiltParallelData, 'csv'>;

export interface DirectionResult {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly tokenize: string;
  readonly bleuSignature: string;
  readonly chrfSignature: string;
  readonly parallelData: readonly ParallelDataSummary[];
  readonly configurations: readonly ConfigurationResult[];
}

/** One number per chart point. */
export interface ResultRow {
  readonly direction: string;
  readonly configuration: ConfigurationName;
  /** A chapter name, or `average`. */
  readonly chapter: string;
  readonly bleu: number;
  /** BLEU on 0–1, as the study prints it. */
  readonly bleu01: number;
  readonly chrf: number;
}

export interface ExperimentResults {
  readonly book: string;
  readonly evaluatedChapters: ReadonlyArray<{
    readonly name: string;
    readonly origin: string;
    readonly translation: string;
  }>;
  /** Chapters whose pairs make up the parallel data. */
  readonly trainingChapters: number;
  readonly directions: readonly DirectionResult[];
  readonly rows: readonly ResultRow[];
}

export interface ExperimentArtifact {
  /** Path relative to the output directory. */
  readonly path: string;
  readonly text: string;
}

export interface ExperimentRun {
  readonly results: ExperimentResults;
  /** Parallel-data CSVs and translations, to be written under `--out`. */
  readonly artifacts: readonly ExperimentArtifact[];
}

export async function runExperiment(
  book: Book,
  options: ExperimentOptions,
  engineFactory: ExperimentEngineFactory,
): Promise<ExperimentRun> {
  const log = options.log ?? (() => undefined);
  const evaluated = new Set(options.chapters.map((chapter) => chapter.name));
  const training = book.chapters.filter((chapter) => !evaluated.has(chapter.name));
  if (training.length === 0) throw new Error('every chapter of the book is evaluated: none is left for parallel data');
  const guard: LeakageGuard = {
    origin: indexSentences(
      options.chapters.map((chapter) => chapter.origin),
      book.originLanguage,
    ),
    translation: indexSentences(
      options.chapters.map((chapter) => chapter.translation),
      book.translationLanguage,
    ),
  };
  const directions = experimentDirections(book, options.bothDirections ?? false);
  const artifacts: ExperimentArtifact[] = [];
  const results: DirectionResult[] = [];
  for (const direction of directions) {
    const tag = directionTag(direction);
    log(`${tag}: aligning ${training.length} training chapters`);
    const parallelData = (['paragraph', 'sentence'] as const).map((granularity) =>
      buildParallelData(training, granularity, direction, guard),
    );
    for (const data of parallelData)
      artifacts.push({ path: `parallel-data/${tag}.${data.granularity}.csv`, text: data.csv });
    const configurations: ConfigurationResult[] = [];
    let signatures: Signatures | undefined;
    for (const configuration of CONFIGURATIONS) {
      const data = parallelData.find((built) => built.granularity === configuration);
      log(`${tag}: translating ${options.chapters.length} chapters, ${CONFIGURATION_LABELS[configuration]}`);
      const engine = await engineFactory({
        sourceLanguage: direction.sourceLanguage,
        targetLanguage: direction.targetLanguage,
        configuration,
        ...(data === undefined
          ? {}
          : { parallelData: { granularity: data.granularity, csv: data.csv, pairs: data.written } }),
      });
      const run = await translateAndScore(options.chapters, direction, configuration, engine);
      configurations.push(run.result);
      signatures ??= run.signatures;
      artifacts.push(
        ...run.translations.map((translation) => ({
          ...translation,
          path: `translations/${tag}/${configuration}/${translation.path}`,
        })),
      );
    }
    results.push({
      sourceLanguage: direction.sourceLanguage,
      targetLanguage: direction.targetLanguage,
      tokenize: tokenizerForLanguage(direction.targetLanguage),
      bleuSignature: signatures?.bleuSignature ?? '',
      chrfSignature: signatures?.chrfSignature ?? '',
      parallelData: parallelData.map(({ csv: _csv, ...summary }) => summary),
      configurations,
    });
  }
  return {
    results: {
      book: book.directory,
      evaluatedChapters: options.chapters.map((chapter) => ({
        name: chapter.name,
        origin: chapter.originPath,
        translation: chapter.translationPath,
      })),
      trainingChapters: training.length,
      directions: results,
      rows: resultRows(results),
    },
    artifacts,
  };
}

function experimentDirections(book: Book, bothDirections: boolean): ExperimentDirection[] {
  const forward = { sourceLanguage: book.originLanguage, targetLanguage: book.translationLanguage, reverse: false };
  const reverse = { sourceLanguage: book.translationLanguage, targetLanguage: book.originLanguage, reverse: true };
  return bothDirections ? [forward, reverse] : [forward];
}

export function directionTag(direction: { readonly sourceLanguage: string; readonly targetLanguage: string }): string {
  return `${direction.sourceLanguage}-${direction.targetLanguage}`;
}

type Signatures = Pick<TextScore, 'bleuSignature' | 'chrfSignature'>;

interface ConfigurationRun {
  readonly result: ConfigurationResult;
  readonly signatures: Signatures;
  readonly translations: readonly ExperimentArtifact[];
}

async function translateAndScore(
  chapters: readonly BookChapter[],
  direction: ExperimentDirection,
  configuration: ConfigurationName,
  engine: TranslationEngine,
): Promise<ConfigurationRun> {
  const sources = chapters.map((chapter) => (direction.reverse ? chapter.translation : chapter.origin));
  const references = chapters.map((chapter) => (direction.reverse ? chapter.origin : chapter.translation));
  const batch = await translateDocuments(sources, engine, direction.sourceLanguage, direction.targetLanguage);
  const hypotheses: ParsedDocument[] = batch.documents.map((document) => parseMarkdown(document.text, document.path));
  const report = scoreMarkdownDocuments(
    chapters.map((chapter, index) => ({
      name: chapter.name,
      hypothesis: hypotheses[index] ?? missing(chapter),
      reference: references[index] ?? missing(chapter),
    })),
    { language: direction.targetLanguage, tokenize: tokenizerForLanguage(direction.targetLanguage) },
  );
  const chapterScores = report.documents.map((score, index) => ({
    chapter: score.name,
    ...scoreFigures(score),
    pairing: report.pairing[score.name] ?? { pairedBlocks: 0, joinedRegions: 0, hypothesisOnly: 0, referenceOnly: 0 },
    untranslatedUnits: batch.documents[index]?.failures.length ?? 0,
  }));
  return {
    result: {
      configuration,
      label: CONFIGURATION_LABELS[configuration],
      engine: engine.name,
      chapters: chapterScores,
      average: averageOf(chapterScores),
      corpus: { bleu: report.corpus.bleu, chrf: report.corpus.chrf },
      sentCharacters: batch.sentCharacters,
      billedCharacters: batch.billedCharacters,
      jobIds: batch.jobIds,
    },
    signatures: { bleuSignature: report.corpus.bleuSignature, chrfSignature: report.corpus.chrfSignature },
    translations: batch.documents.map((document, index) => ({
      path: (direction.reverse ? chapters[index]?.originPath : chapters[index]?.translationPath) ?? document.path,
      text: document.text,
    })),
  };
}

function missing(chapter: BookChapter): never {
  throw new Error(`internal error: no translation of ${chapter.name}`);
}

function scoreFigures(score: TextScore): Pick<ChapterScore, 'bleu' | 'chrf' | 'bp' | 'segments' | 'sysLen' | 'refLen'> {
  return {
    bleu: score.bleu,
    chrf: score.chrf,
    bp: score.bp,
    segments: score.segments,
    sysLen: score.sysLen,
    refLen: score.refLen,
  };
}

function averageOf(scores: readonly ChapterScore[]): SummaryScore {
  const mean = (values: readonly number[]): number =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return { bleu: mean(scores.map((score) => score.bleu)), chrf: mean(scores.map((score) => score.chrf)) };
}

function resultRows(directions: readonly DirectionResult[]): ResultRow[] {
  return directions.flatMap((direction) =>
    direction.configurations.flatMap((result) =>
      [...result.chapters, { chapter: 'average', ...result.average }].map((score) => ({
        direction: directionTag(direction),
        configuration: result.configuration,
        chapter: score.chapter,
        bleu: score.bleu,
        bleu01: score.bleu / 100,
        chrf: score.chrf,
      })),
    ),
  );
}
