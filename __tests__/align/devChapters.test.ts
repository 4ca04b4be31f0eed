import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/align/buildPairs.js';
import type { TextPair } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { CORPUS, SHARED } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

const goldFiles = ['bptt', 'batch-norm', 'beam-search'].map((chapter) => join(SHARED, 'gold/align', `${chapter}.json`));

interface GoldFile {
  readonly source: string;
  readonly target: string;
}

async function chapterPairs(goldFile: string): Promise<TextPair[]> {
  const gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldFile;
  // Gold files name their chapters relative to the shared folder (`corpus/d2l-zh/…`); the corpus may live elsewhere.
  const parse = async (file: string) =>
    parseMarkdown(await readFile(join(CORPUS, relative('corpus', file)), 'utf8'), file);
  return alignDocuments(await parse(gold.source), await parse(gold.target)).pairs;
}

function csvField(value: string): string {
  return `"${value.replace(/"/gu, '""')}"`;
}

let workDirectory: string | undefined;
afterAll(async () => {
  if (workDirectory !== undefined) await rm(workDirectory, { recursive: true, force: true });
});

// The scorer is the shared tools/score-pairs.mjs, so this runs where the shared material is.
describe('alignDocuments on the dev chapters', { tags: [CORPUS_TAG] }, () => {
  it('reaches precision 0.99 and recall 0.95 against the gold beads', async () => {
    const pairs = (await Promise.all(goldFiles.map(chapterPairs))).flat();
    workDirectory = await mkdtemp(join(tmpdir(), 'amts-align-'));
    const csvPath = join(workDirectory, 'pairs.csv');
    const lines = ['en,zh', ...pairs.map((pair) => `${csvField(pair.source)},${csvField(pair.target)}`)];
    await writeFile(csvPath, `${lines.join('\r\n')}\r\n`, 'utf8');
    const { stdout } = await promisify(execFile)('node', [
      join(SHARED, 'tools/score-pairs.mjs'),
      csvPath,
      ...goldFiles,
    ]);
    const precision = Number(/precision=([\d.]+)/u.exec(stdout)?.[1]);
    const recall = Number(/recall=([\d.]+)/u.exec(stdout)?.[1]);
    expect(precision, stdout).toBeGreaterThanOrEqual(0.99);
    expect(recall, stdout).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
