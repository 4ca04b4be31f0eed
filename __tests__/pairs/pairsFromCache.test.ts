import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairsFromCache } from '../../src/commands/pairsFromCache.js';
import { d2lbookTree, readReport, removeDirectory, runPairsCli, temporaryDirectory } from './bookTree.js';

let work: string;
let book: string;

beforeAll(async () => {
  work = await temporaryDirectory();
  book = join(work, 'book');
  await d2lbookTree(book);
});
afterAll(async () => removeDirectory(work));

function args(name: string, cache?: string): string[] {
  return [
    '--target',
    book,
    '--from',
    'en',
    '--to',
    'zh',
    '--out',
    join(work, `${name}.csv`),
    '--report',
    join(work, `${name}.json`),
    ...(cache === undefined ? [] : ['--cache', cache]),
  ];
}

async function answer(runArgs: readonly string[]) {
  const stderr: string[] = [];
  const code = await pairsFromCache(runArgs, { stdout: () => undefined, stderr: (text) => stderr.push(text) });
  return { code, stderr: stderr.join('') };
}

describe('pairsFromCache: a rerun the whole-book entry answers before the CLI starts Node again', () => {
  it('leaves runs without a cache, with bad arguments or with an empty cache to the full command, writing nothing', async () => {
    const cache = join(work, 'cache');
    expect((await answer(args('plain'))).code).toBeUndefined();
    expect((await answer([...args('bad', cache), '--granularity', 'word'])).code).toBeUndefined();
    expect((await answer([...args('help', cache), '--help'])).code).toBeUndefined();
    expect((await answer(args('empty', cache))).code).toBeUndefined();
    await expect(readFile(join(work, 'empty.csv'), 'utf8')).rejects.toThrow();
  });

  it('writes the same file and report as the full command once the cache holds the book', async () => {
    const cache = join(work, 'cache');
    const full = await runPairsCli(['--jobs', '1', ...args('full', cache)]);
    expect(full.code, full.stderr).toBe(0);
    const answered = await answer(args('answered', cache));
    expect(answered.code).toBe(0);
    expect(answered.stderr).toContain(`written to ${join(work, 'answered.csv')}`);
    expect(await readFile(join(work, 'answered.csv'), 'utf8')).toBe(await readFile(join(work, 'full.csv'), 'utf8'));
    const report = await readReport(join(work, 'answered.json'));
    expect(report.cache).toMatchObject({ misses: 0 });
    expect(report.out).toBe(join(work, 'answered.csv'));

    // Another option is another book entry: the full command runs.
    expect((await answer([...args('stricter', cache), '--min-confidence', '0.9'])).code).toBeUndefined();
    await rm(join(cache, 'book'), { recursive: true });
    expect((await answer(args('gone', cache))).code).toBeUndefined();
  });
});
