/** The experiment's tables as Amazon's study prints them (BLEU on 0–1, chapters and their average), and its JSON. */
import { formatFixed } from '../evaluate/pythonText.js';
import {
  CONFIGURATIONS,
  CONFIGURATION_LABELS,
  directionTag,
  type ChapterScore,
  type ConfigurationResult,
  type DirectionResult,
  type ExperimentResults,
  type SummaryScore,
} from './runExperiment.js';

type Metric = (score: SummaryScore) => string;

const STUDY_BLEU: Metric = (score) => `${formatFixed(score.bleu / 100, 4)} (${formatFixed(score.bleu, 2)})`;
const CHRF: Metric = (score) => formatFixed(score.chrf, 2);

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function chapterLabel(name: string): string {
  return name.split('/').pop() ?? name;
}

function scoreOf(result: ConfigurationResult | undefined, chapter: string): ChapterScore | undefined {
  return result?.chapters.find((score) => score.chapter === chapter);
}

function metricTable(direction: DirectionResult, metric: Metric): string[] {
  const results = CONFIGURATIONS.map((name) =>
    direction.configurations.find((result) => result.configuration === name),
  );
  const chapters = direction.configurations[0]?.chapters.map((score) => score.chapter) ?? [];
  const cell = (score: SummaryScore | undefined): string => (score === undefined ? '–' : metric(score));
  return [
    row(['Chapter', ...CONFIGURATIONS.map((name) => CONFIGURATION_LABELS[name])]),
    row(['---', ...CONFIGURATIONS.map(() => '---:')]),
    ...chapters.map((chapter) =>
      row([chapterLabel(chapter), ...results.map((result) => cell(scoreOf(result, chapter)))]),
    ),
    row(['**Average**', ...results.map((result) => `**${cell(result?.average)}**`)]),
    row(['Corpus', ...results.map((result) => cell(result?.corpus))]),
  ];
}

function parallelDataNote(direction: DirectionResult): string[] {
  return direction.parallelData.map(
    (data) =>
      `- ${data.granularity} pairs: ${data.written} written of ${data.aligned} aligned ` +
      `(${data.removedForLeakage} removed for sharing a sentence with an evaluated chapter); ` +
      `leakage check: ${data.leakage.violations} of ${data.leakage.checkedPairs} pairs contain any of the ` +
      `${data.leakage.evaluatedSourceSentences} + ${data.leakage.evaluatedTargetSentences} evaluated sentences`,
  );
}

export function formatExperimentMarkdown(results: ExperimentResults): string {
  const sections = results.directions.map((direction) => [
    `## ${direction.sourceLanguage} → ${direction.targetLanguage}`,
    '',
    `BLEU on 0–1 as the study prints it (sacreBLEU's 0–100 in parentheses); prose only, engine ${direction.configurations[0]?.engine ?? '?'}.`,
    '',
    ...metricTable(direction, STUDY_BLEU),
    '',
    `chrF2:`,
    '',
    ...metricTable(direction, CHRF),
    '',
    `Parallel data from ${results.trainingChapters} other chapters (${directionTag(direction)}):`,
    '',
    ...parallelDataNote(direction),
    '',
    `BLEU signature: \`${direction.bleuSignature}\``,
    '',
    `chrF2 signature: \`${direction.chrfSignature}\``,
    '',
  ]);
  return `${sections.flat().join('\n')}`;
}

export function formatExperimentJson(results: ExperimentResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
