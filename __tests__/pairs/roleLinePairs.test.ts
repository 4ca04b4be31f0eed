import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusName, markdownFilesIn } from '../helpers/corpus.js';
import { keepsNeighbours, roleLines, type RoleLine } from '../helpers/roleLines.js';
import { copyInto, removeDirectory, runPairsCli, temporaryDirectory } from './bookTree.js';

/**
 * Parallel data teaches Active Custom Translation what a translation looks like: a pair whose Chinese
 * keeps a reference while its English lost it would teach it to drop references. These are the d2l-zh
 * chapters where a role starts a line on either side, aligned by `amts pairs` as a user runs it.
 */

interface SidedLine extends RoleLine {
  readonly path: string;
  /** The CSV column of the side the line is on. */
  readonly side: 'en' | 'zh';
}

const roleChapters = markdownFilesIn(join(CORPUS, 'd2l-zh')).map((file) => ({ file, path: corpusName(file) }));

let work: string;
let rows: ReadonlyArray<{ readonly en: string; readonly zh: string }>;
const lines: SidedLine[] = [];

beforeAll(async () => {
  work = await temporaryDirectory();
  const chapters = new Set<string>();
  for (const { file, path } of roleChapters) {
    const found = roleLines(await readFile(file, 'utf8'));
    const side = path.endsWith('_origin.md') ? 'en' : 'zh';
    for (const line of found) lines.push({ ...line, path, side });
    if (found.length > 0) chapters.add(path.slice('d2l-zh/'.length).replace(/_origin\.md$/u, '.md'));
  }
  for (const chapter of chapters) {
    const origin = chapter.replace(/\.md$/u, '_origin.md');
    await copyInto(join(CORPUS, 'd2l-zh', chapter), join(work, 'book', chapter));
    await copyInto(join(CORPUS, 'd2l-zh', origin), join(work, 'book', origin));
  }
  const out = join(work, 'pairs.csv');
  const run = await runPairsCli([
    '--target',
    join(work, 'book'),
    '--origin-suffix',
    '_origin',
    '--from',
    'en',
    '--to',
    'zh',
    '--jobs',
    '1',
    '--out',
    out,
  ]);
  if (run.code !== 0) throw new Error(`amts pairs failed: ${run.stderr}`);
  const parsed = Papa.parse<{ en: string; zh: string }>(await readFile(out, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  rows = parsed.data;
});
afterAll(async () => removeDirectory(work));

describe('pairs from chapters where a role starts a line', () => {
  it('cover the 21 English and 2 Chinese role-led lines of d2l-zh', () => {
    expect(lines.filter((line) => line.side === 'en')).toHaveLength(21);
    expect(lines.filter((line) => line.side === 'zh')).toHaveLength(2);
    expect(rows.length).toBeGreaterThan(500);
  });

  it('keep the role on both sides: a pair whose other side holds it holds it here, among its words', () => {
    const astray: string[] = [];
    for (const line of lines) {
      const other = line.side === 'en' ? 'zh' : 'en';
      const holding = rows.filter((row) => row[other].includes(line.role));
      const where = `${line.path}:${line.line} ${line.role}`;
      if (holding.length === 0) astray.push(`${where}: no pair holds it`);
      for (const row of holding)
        if (!row[line.side].includes(line.role)) astray.push(`${where}: lost in ${row[line.side]}`);
      if (!holding.some((row) => keepsNeighbours(row[line.side], line)))
        astray.push(`${where}: cut from the words around it`);
    }
    expect(astray).toEqual([]);
  });
});
