import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSentences } from '../../src/align/buildPairs.js';
import { UsageError } from '../../src/commands/args.js';
import { experimentCli } from '../../src/commands/experimentCli.js';
import { createOfflineEngine } from '../../src/engines/createEngine.js';
import { InputError } from '../../src/errors.js';
import { scoreMarkdownDocuments } from '../../src/evaluate/scoreMarkdown.js';
import { loadBook, selectChapters, type Book, type BookChapter } from '../../src/experiment/book.js';
import { formatExperimentMarkdown } from '../../src/experiment/formatResults.js';
import {
  CONFIGURATIONS,
  runExperiment,
  type ExperimentEngineConfig,
  type ExperimentRun,
} from '../../src/experiment/runExperiment.js';
import { writeExperimentOutput } from '../../src/experiment/writeOutput.js';
import type { ParsedDocument } from '../../src/markdown/types.js';
import { CORPUS } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

const BOOK = join(CORPUS, 'd2l-zh');
/** The chapters Amazon's study evaluated, and the rest of the book as their parallel data: the whole corpus. */
const STUDY_CHAPTERS = [
  'approx-training',
  'bert-dataset',
  'language-models-and-dataset',
  'machine-translation-and-dataset',
  'sentiment-analysis-and-dataset',
];

let book: Book;
let chapters: BookChapter[];
let identityRun: ExperimentRun;
const engineConfigs: ExperimentEngineConfig[] = [];
let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'amts-experiment-'));
  book = await loadBook(BOOK, { originLanguage: 'en', translationLanguage: 'zh' });
  chapters = selectChapters(book, STUDY_CHAPTERS);
  identityRun = await runExperiment(book, { chapters, bothDirections: true }, (config) => {
    engineConfigs.push(config);
    return createOfflineEngine('identity');
  });
}, 120_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Every sentence of the evaluated chapters, found independently of the experiment's own leakage guard. */
function sentencesOf(documents: readonly ParsedDocument[], language: string): Set<string> {
  return new Set(
    documents.flatMap((document) =>
      document.blocks.flatMap((block) => blockSentences(block, language).map((span) => span.text)),
    ),
  );
}

function csvRows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
}

describe('the study chapters in d2l-zh', { tags: [CORPUS_TAG] }, () => {
  it('are found by base name, with their originals', () => {
    expect(chapters.map((chapter) => chapter.name)).toEqual([
      'chapter_natural-language-processing-pretraining/approx-training',
      'chapter_natural-language-processing-pretraining/bert-dataset',
      'chapter_recurrent-neural-networks/language-models-and-dataset',
      'chapter_recurrent-modern/machine-translation-and-dataset',
      'chapter_natural-language-processing-applications/sentiment-analysis-and-dataset',
    ]);
    expect(chapters[0]?.originPath).toBe('chapter_natural-language-processing-pretraining/approx-training_origin.md');
  });

  it('rejects unknown and ambiguous chapter names, naming the book', () => {
    expect(() => selectChapters(book, ['no-such-chapter'])).toThrow(InputError);
    expect(() => selectChapters(book, ['index'])).toThrow(/ambiguous/u);
  });
});

describe('runExperiment with the identity engine, both directions', { tags: [CORPUS_TAG] }, () => {
  it('builds each engine through the factory, with parallel data only where the configuration has it', () => {
    expect(
      engineConfigs.map((config) => `${config.sourceLanguage}-${config.targetLanguage}:${config.configuration}`),
    ).toEqual(['en-zh:none', 'en-zh:paragraph', 'en-zh:sentence', 'zh-en:none', 'zh-en:paragraph', 'zh-en:sentence']);
    for (const config of engineConfigs) {
      if (config.configuration === 'none') expect(config.parallelData).toBeUndefined();
      else expect(config.parallelData?.granularity).toBe(config.configuration);
    }
  });

  it('gives the engines parallel data from the other chapters only, with no evaluated sentence on either side', () => {
    const english = sentencesOf(
      chapters.map((chapter) => chapter.origin),
      'en',
    );
    const chinese = sentencesOf(
      chapters.map((chapter) => chapter.translation),
      'zh',
    );
    const distinctive = [...english, ...chinese].filter((sentence) => sentence.length >= 40);
    expect(distinctive.length).toBeGreaterThan(200);
    for (const config of engineConfigs.filter((entry) => entry.parallelData !== undefined)) {
      const [header, ...rows] = csvRows(config.parallelData?.csv ?? '');
      expect(header).toEqual([config.sourceLanguage, config.targetLanguage]);
      expect(rows.length).toBe(config.parallelData?.pairs);
      expect(rows.length).toBeGreaterThan(config.configuration === 'sentence' ? 8000 : 3000);
      const [englishColumn, chineseColumn] = config.sourceLanguage === 'en' ? [0, 1] : [1, 0];
      for (const row of rows) {
        const englishField = row[englishColumn] ?? '';
        const chineseField = row[chineseColumn] ?? '';
        expect(english.has(englishField), englishField).toBe(false);
        expect(chinese.has(chineseField), chineseField).toBe(false);
        const leaked = distinctive.find(
          (sentence) => englishField.includes(sentence) || chineseField.includes(sentence),
        );
        expect(leaked).toBeUndefined();
      }
    }
  });

  it('reports the leakage check and what it removed', () => {
    const { results } = identityRun;
    expect(results.trainingChapters).toBe(book.chapters.length - STUDY_CHAPTERS.length);
    for (const direction of results.directions) {
      expect(direction.parallelData.map((data) => data.granularity)).toEqual(['paragraph', 'sentence']);
      for (const data of direction.parallelData) {
        expect(data.leakage.violations).toBe(0);
        expect(data.leakage.checkedPairs).toBe(data.written);
        expect(data.removedForLeakage).toBeGreaterThan(0);
        expect(data.written).toBeLessThanOrEqual(data.aligned - data.removedForLeakage);
      }
    }
  });

  it('scores 3 configurations × 2 directions × 5 chapters, each as scoring the untranslated source would', () => {
    const { results } = identityRun;
    expect(results.directions.map((direction) => `${direction.sourceLanguage}-${direction.targetLanguage}`)).toEqual([
      'en-zh',
      'zh-en',
    ]);
    for (const direction of results.directions) {
      expect(direction.configurations.map((result) => result.configuration)).toEqual([...CONFIGURATIONS]);
      const reverse = direction.sourceLanguage === 'zh';
      const direct = scoreMarkdownDocuments(
        chapters.map((chapter) => ({
          name: chapter.name,
          hypothesis: reverse ? chapter.translation : chapter.origin,
          reference: reverse ? chapter.origin : chapter.translation,
        })),
        { language: direction.targetLanguage, tokenize: reverse ? '13a' : 'zh' },
      );
      for (const result of direction.configurations) {
        expect(result.chapters.map((score) => score.chapter)).toEqual(chapters.map((chapter) => chapter.name));
        result.chapters.forEach((score, index) => {
          expect(score.bleu).toBeCloseTo(direct.documents[index]?.bleu ?? Number.NaN, 9);
          expect(score.untranslatedUnits).toBe(0);
        });
        expect(result.corpus.bleu).toBeCloseTo(direct.corpus.bleu, 9);
        const mean = result.chapters.reduce((sum, score) => sum + score.bleu, 0) / result.chapters.length;
        expect(result.average.bleu).toBeCloseTo(mean, 9);
      }
      expect(direction.bleuSignature).toBe(
        `nrefs:1|case:mixed|eff:no|tok:${reverse ? '13a' : 'zh'}|smooth:exp|version:2.6.0`,
      );
    }
  });

  it('prints the study tables and writes chart-ready JSON, the parallel data used and the translations', async () => {
    const markdown = formatExperimentMarkdown(identityRun.results);
    expect(markdown).toContain('## en → zh');
    expect(markdown).toContain('## zh → en');
    expect(markdown).toContain('| Chapter | No parallel data | ACT, paragraph pairs | ACT, sentence pairs |');
    expect(markdown.match(/\| \*\*Average\*\* \|/gu)?.length).toBe(4);
    const files = await writeExperimentOutput(identityRun, join(workDir, 'identity'));
    expect(files).toContain('results.json');
    const json = JSON.parse(
      await readFile(join(workDir, 'identity/results.json'), 'utf8'),
    ) as typeof identityRun.results;
    expect(Object.keys(json).sort()).toEqual(['book', 'directions', 'evaluatedChapters', 'rows', 'trainingChapters']);
    expect(json.rows).toHaveLength(2 * 3 * (5 + 1));
    expect(Object.keys(json.rows[0] ?? {}).sort()).toEqual([
      'bleu',
      'bleu01',
      'chapter',
      'chrf',
      'configuration',
      'direction',
    ]);
    const used = engineConfigs.find((config) => config.sourceLanguage === 'zh' && config.configuration === 'sentence');
    expect(await readFile(join(workDir, 'identity/parallel-data/zh-en.sentence.csv'), 'utf8')).toBe(
      used?.parallelData?.csv,
    );
    const translation = await readFile(
      join(workDir, 'identity/translations/en-zh/none', chapters[0]?.translationPath ?? ''),
      'utf8',
    );
    expect(translation).toBe(chapters[0]?.origin.text);
  });
});

describe('runExperiment with the pseudo engine', { tags: [CORPUS_TAG] }, () => {
  it('translates every evaluated chapter and scores it low but above nothing', async () => {
    const run = await runExperiment(book, { chapters: chapters.slice(0, 2) }, () => createOfflineEngine('pseudo'));
    const [direction] = run.results.directions;
    expect(run.results.directions).toHaveLength(1);
    for (const result of direction?.configurations ?? []) {
      expect(result.engine).toBe('pseudo');
      expect(result.sentCharacters).toBeGreaterThan(10_000);
      for (const score of result.chapters) {
        expect(score.bleu).toBeGreaterThanOrEqual(0);
        expect(score.bleu).toBeLessThan(10);
        expect(score.segments).toBeGreaterThan(20);
      }
    }
    const translated = run.artifacts.find((artifact) => artifact.path.startsWith('translations/en-zh/none/'));
    expect(translated?.text).not.toBe(chapters[0]?.origin.text);
  });
});

describe('amts experiment', { tags: [CORPUS_TAG] }, () => {
  it('runs on a small book and writes results.json under --out', async () => {
    const small = join(workDir, 'small-book');
    const picked = book.chapters.filter((chapter) =>
      /(bert-dataset|machine-translation-and-dataset|beam-search|seq2seq)$/u.test(chapter.name),
    );
    expect(picked.length).toBe(4);
    for (const chapter of picked) {
      for (const path of [chapter.originPath, chapter.translationPath]) {
        await mkdir(dirname(join(small, path)), { recursive: true });
        await copyFile(join(BOOK, path), join(small, path));
      }
    }
    let stdout = '';
    let stderr = '';
    const out = join(workDir, 'cli-out');
    const code = await experimentCli.run(
      [
        '--book',
        small,
        '--chapters',
        'bert-dataset',
        '--from',
        'en',
        '--to',
        'zh',
        '--engine',
        'pseudo',
        '--both-directions',
        '--out',
        out,
      ],
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('| bert-dataset |');
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ExperimentRun['results'];
    expect(results.trainingChapters).toBe(3);
    expect(results.rows).toHaveLength(2 * 3 * 2);
    expect(await readFile(join(out, 'parallel-data/en-zh.paragraph.csv'), 'utf8')).toMatch(/^en,zh\r\n/u);
  });

  it('refuses an unknown engine and a missing flag', async () => {
    const output = { stdout: () => undefined, stderr: () => undefined };
    await expect(
      experimentCli.run(['--chapters', 'a', '--from', 'en', '--to', 'zh', '--engine', 'deepl'], output),
    ).rejects.toThrow(UsageError);
    await expect(
      experimentCli.run(['--from', 'en', '--to', 'zh', '--engine', 'identity', '--book', BOOK], output),
    ).rejects.toThrow(/--chapters is required/u);
  });
});
