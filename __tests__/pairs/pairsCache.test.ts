import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterCacheKey } from '../../src/pairs/pairsCache.js';
import type { PairsReport } from '../../src/pairs/pairsReport.js';
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

async function run(name: string, extra: readonly string[] = [], cacheDirectory = cache) {
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
    cacheDirectory,
    '--out',
    out,
    '--report',
    reportPath,
    ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return { csv: await readFile(out, 'utf8'), report: await readReport(reportPath) };
}

/** A report without what differs between a cold run and a rerun: where it wrote, the cache and the workers. */
function runFree(report: PairsReport) {
  return { ...report, cache: undefined, workers: undefined, files: undefined, out: undefined };
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
    expect(runFree(warm.report)).toEqual(runFree(cold.report));
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

describe('amts pairs --cache, the whole-book entry', () => {
  let bookCache: string;
  const chapterEntries = async () =>
    (await readdir(bookCache)).filter((name) => name.endsWith('.json')).map((name) => join(bookCache, name));
  const bookEntries = async () => readdir(join(bookCache, 'book'));

  beforeAll(() => {
    bookCache = join(work, 'book-cache');
  });

  it('writes an unchanged book from one entry, without reading the chapter entries', async () => {
    const cold = await run('book-cold', [], bookCache);
    expect(await bookEntries()).toHaveLength(1);
    // Damaged chapter entries would be aligned again; the book entry alone answers.
    await Promise.all((await chapterEntries()).map((entry) => writeFile(entry, '{"format":')));
    const warm = await run('book-warm', [], bookCache);
    expect(warm.csv).toBe(cold.csv);
    expect(warm.report.cache).toEqual({ hits: DEV_CHAPTERS.length, misses: 0, writeFailures: [] });
    expect(warm.report.workers).toBeUndefined();
    expect(warm.report.files.every((file) => file.fromCache)).toBe(true);
    expect(warm.report.out).toBe(join(work, 'book-warm.csv'));
    expect(runFree(warm.report)).toEqual(runFree(cold.report));
  });

  it('rebuilds a damaged entry from the chapter entries, and keeps only the newest', async () => {
    const [entry] = await bookEntries();
    await writeFile(join(bookCache, 'book', entry ?? ''), '{"format":"amts-pairs-book/1","key":');
    // The chapter entries were damaged above: this run aligns every chapter again and rewrites both kinds.
    const rebuilt = await run('book-rebuilt', [], bookCache);
    expect(rebuilt.report.cache).toMatchObject({ misses: DEV_CHAPTERS.length, writeFailures: [] });
    expect(rebuilt.csv).toBe(await readFile(join(work, 'book-cold.csv'), 'utf8'));
    expect(JSON.parse(await readFile(join(bookCache, 'book', entry ?? ''), 'utf8'))).toMatchObject({
      text: rebuilt.csv,
    });

    const paragraphs = await run('book-paragraphs', ['--granularity', 'paragraph'], bookCache);
    expect(paragraphs.report.cache).toMatchObject({ hits: DEV_CHAPTERS.length, misses: 0 });
    expect(paragraphs.csv).not.toBe(rebuilt.csv);
    expect(await bookEntries()).toHaveLength(1);
    expect(await bookEntries()).not.toContain(entry);
  });
});
