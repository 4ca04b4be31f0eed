import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/align/buildPairs.js';
import type { TextPair } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';

const sharedRoot = fileURLToPath(new URL('../../../shared/', import.meta.url));
const goldFiles = ['bptt', 'batch-norm', 'beam-search'].map((chapter) =>
  join(sharedRoot, 'gold/align', `${chapter}.json`),
);

interface GoldFile {
  readonly source: string;
  readonly target: string;
}

async function chapterPairs(goldFile: string): Promise<TextPair[]> {
  const gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldFile;
  const parse = async (relative: string) => parseMarkdown(await readFile(join(sharedRoot, relative), 'utf8'), relative);
  return alignDocuments(await parse(gold.source), await parse(gold.target)).pairs;
}

function csvField(value: string): string {
  return `"${value.replace(/"/gu, '""')}"`;
}

let workDirectory: string | undefined;
afterAll(async () => {
  if (workDirectory !== undefined) await rm(workDirectory, { recursive: true, force: true });
});

describe('alignDocuments on the dev chapters', () => {
  it('reaches precision 0.99 and recall 0.95 against the gold beads', async () => {
    const pairs = (await Promise.all(goldFiles.map(chapterPairs))).flat();
    workDirectory = await mkdtemp(join(tmpdir(), 'amts-align-'));
    const csvPath = join(workDirectory, 'pairs.csv');
    const lines = ['en,zh', ...pairs.map((pair) => `${csvField(pair.source)},${csvField(pair.target)}`)];
    await writeFile(csvPath, `${lines.join('\r\n')}\r\n`, 'utf8');
    const { stdout } = await promisify(execFile)('node', [
      join(sharedRoot, 'tools/score-pairs.mjs'),
      csvPath,
      ...goldFiles,
    ]);
    const precision = Number(/precision=([\d.]+)/u.exec(stdout)?.[1]);
    const recall = Number(/recall=([\d.]+)/u.exec(stdout)?.[1]);
    expect(precision, stdout).toBeGreaterThanOrEqual(0.99);
    expect(recall, stdout).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
