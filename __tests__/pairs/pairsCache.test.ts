import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterCacheKey } from '../../src/pairs/pairsCache.js';
import { d2lbookTree, DEV_CHAPTERS, readReport, removeDirectory, runPairsCli, temporaryDirectory } from './bookTree.js';

let work: string;
let book: string;
let cache: string;

beforeAll(async () => {
  work = await temporaryDirectory();
  book = join(work, 'book');
  cache = join(work, 'cache');
  await d2lbookTree(book);
});
afterAll(async () => removeDirectory(work));

async function run(name: string, extra: readonly string[] = []) {
  const out = join(work, `${name}.csv`);
  const reportPath = join(work, `${name}.json`);
  const result = await runPairsCli([
    '--target',
    book,
    '--origin-suffix',
    '_origin',
    '--from',
    'en',
    '--to',
    'zh',
    '--jobs',
    '1',
    '--cache',
    cache,
    '--out',
    out,
    '--report',
    reportPath,
    ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return { csv: await readFile(out, 'utf8'), report: await readReport(reportPath) };
}

describe('amts pairs --cache', () => {
  it('aligns nothing on a second run over an unchanged book, and writes the same file', async () => {
    const cold = await run('cold');
    expect(cold.report.cache).toMatchObject({ hits: 0, misses: 3, writeFailures: [] });
    expect((await readdir(cache)).filter((name) => name.endsWith('.json'))).toHaveLength(3);
    expect((await readdir(cache)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const warm = await run('warm');
    expect(warm.report.cache).toMatchObject({ hits: 3, misses: 0 });
    // No chapter task reached the pool: nothing was parsed or aligned.
    expect(warm.report.workers).toBeUndefined();
    expect(warm.report.files.every((file) => file.fromCache)).toBe(true);
    expect(warm.csv).toBe(cold.csv);
    expect({ ...warm.report, cache: undefined, files: undefined, out: undefined }).toEqual({
      ...cold.report,
      cache: undefined,
      workers: undefined,
      files: undefined,
      out: undefined,
    });
  });

  it('aligns again only the chapter whose text changed, and options change the key', async () => {
    const changed = join(book, DEV_CHAPTERS[1]);
    await writeFile(changed, `${await readFile(changed, 'utf8')}\n补充的一句话。\n`);
    const edited = await run('edited');
    expect(edited.report.cache).toMatchObject({ hits: 2, misses: 1 });
    expect(edited.report.files.find((file) => file.file === changed)?.fromCache).toBe(false);

    const stricter = await run('stricter', ['--min-confidence', '0.9']);
    expect(stricter.report.cache).toMatchObject({ hits: 0, misses: 3 });
  });

  it('recomputes damaged entries instead of failing', async () => {
    // Every entry: which file names this run reads depends on the code version, which is part of the key.
    const entries = (await readdir(cache)).filter((name) => name.endsWith('.json'));
    await Promise.all(entries.map((entry) => writeFile(join(cache, entry), '{"format":')));
    const repaired = await run('repaired');
    expect(repaired.report.cache).toMatchObject({ hits: 0, misses: DEV_CHAPTERS.length });
    // The same book and options as the `edited` run, aligned afresh.
    expect(repaired.csv).toBe(await readFile(join(work, 'edited.csv'), 'utf8'));
    expect((await run('again')).report.cache?.misses).toBe(0);
  });

  it('keys on every input: texts, options and code version', () => {
    const base = {
      codeVersion: 'v1',
      options: { sourceLanguage: 'en', targetLanguage: 'zh', glossary: [] },
      sourceText: 'a',
      targetText: 'b',
    };
    const keys = new Set([
      chapterCacheKey(base),
      chapterCacheKey({ ...base, codeVersion: 'v2' }),
      chapterCacheKey({ ...base, options: { ...base.options, targetLanguage: 'ja' } }),
      chapterCacheKey({ ...base, options: { ...base.options, glossary: [{ source: 'layer', target: '层' }] } }),
      chapterCacheKey({ ...base, sourceText: 'ab', targetText: '' }),
      chapterCacheKey({ ...base, sourceText: 'a', targetText: 'b ' }),
    ]);
    expect(keys.size).toBe(6);
    expect(chapterCacheKey(base)).toBe(chapterCacheKey({ ...base }));
  });
});
