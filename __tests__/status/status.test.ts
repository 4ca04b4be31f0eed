/**
 * `amts status` on the example book and on books built from it: every state from the files themselves, the
 * characters a `sync --dry-run` of the same book sends, the three formats, the plan cache, the git history and
 * bad input.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { shareBar } from '../../src/status/bar.js';
import { bookStatus } from '../../src/status/bookStatus.js';
import { formatStatusMarkdown } from '../../src/status/formatMarkdown.js';
import type { BookStatus, ChapterStatus } from '../../src/status/types.js';
import { countSentences } from '../../src/sync/countSentences.js';
import { prepareChapter } from '../../src/sync/prepareChapter.js';
import type { SyncOptions } from '../../src/sync/report.js';
import { syncBook, type ChapterPreparer } from '../../src/sync/syncBook.js';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { EXAMPLE_BOOK } from '../helpers/corpus.js';

const NIN = 'chapter_convolutional-modern/nin.md';
const PADDING = 'chapter_convolutional-neural-networks/padding-and-strides.md';
const RMSPROP = 'chapter_optimization/rmsprop.md';
const PRICES = { standard: 15, act: 60 };
const origin = (path: string): string => path.replace(/\.md$/u, '_origin.md');

let dir: string;
let english: string;
let translation: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amts-status-'));
  english = join(dir, 'en');
  translation = join(dir, 'zh');
  cpSync(join(EXAMPLE_BOOK, 'en'), english, { recursive: true });
  cpSync(join(EXAMPLE_BOOK, 'zh'), translation, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function amts(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const BOOK = (): string[] => ['--source', english, '--target', translation, '--from', 'en', '--to', 'zh'];

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function chapter(status: BookStatus, path: string): ChapterStatus {
  const found = status.chapters.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no status for ${path}`);
  return found;
}

function options(): SyncOptions {
  return {
    sourceDir: english,
    targetDir: translation,
    sourceLanguage: 'en',
    targetLanguage: 'zh',
    base: { kind: 'origin-suffix', suffix: '_origin' },
    dryRun: true,
  };
}

/** Every file of the book with its bytes, to show status writes nothing. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  return files;
}

describe('amts status on the example book', () => {
  it('names every chapter in the JSON shape, with the characters sync --dry-run sends', async () => {
    const before = snapshot(dir);
    const run = await amts('status', ...BOOK(), '--format', 'json', '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      chapters: Array<Record<string, unknown>>;
      totals: Record<string, unknown>;
    };
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['chapters', 'totals']));
    for (const entry of json.chapters)
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['path', 'state', 'sentencesChanged', 'charactersToTranslate', 'estimatedCostUsd']),
      );
    const states = Object.fromEntries(json.chapters.map((entry) => [entry.path, entry.state]));
    // nin.md only gained slide markers: its translation holds; the other two had sentences reworded.
    expect(states).toEqual({ [NIN]: 'current', [PADDING]: 'outdated', [RMSPROP]: 'outdated' });

    const dryRun = await syncBook(options(), createIdentityEngine());
    for (const file of dryRun.files) {
      const entry = json.chapters.find((candidate) => candidate.path === file.path);
      expect(entry?.charactersToTranslate, file.path).toBe(file.charactersSent);
    }
    expect(json.totals.charactersToTranslate).toBe(dryRun.totals.charactersSent);
    const cost = json.totals.estimatedCostUsd as { standard: number; act: number };
    expect(cost.standard).toBeCloseTo((dryRun.totals.charactersSent / 1e6) * 15, 10);
    expect(cost.act).toBeCloseTo((dryRun.totals.charactersSent / 1e6) * 60, 10);
    // rmsprop.md: "Let's" became "Let us" in two sentences, nothing added or removed.
    const rmsprop = json.chapters.find((entry) => entry.path === RMSPROP);
    expect([rmsprop?.sentencesChanged, rmsprop?.sentencesAdded, rmsprop?.sentencesRemoved]).toEqual([2, 0, 0]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('tells every state apart, from the files themselves', async () => {
    // An English chapter the translation lacks.
    write(english, 'chapter_optimization/adam.md', '# Adam\n\nAdam combines momentum with RMSProp. It is popular.\n');
    // A translation whose English chapter is gone (with its origin: a sync would delete it), and one without either.
    write(translation, 'chapter_old/gone.md', '# 旧章节\n\n这一章已经没有英文原文了。\n');
    write(translation, 'chapter_old/gone_origin.md', '# Old chapter\n\nThis chapter has no English any more.\n');
    write(translation, 'chapter_old/stray.md', '# 零散\n\n没有英文，也没有原文。\n');
    // A translation without the English it was made from.
    write(english, 'index.md', '# Dive into Deep Learning\n\nThe book.\n');
    write(translation, 'index.md', '# 动手学深度学习\n\n这本书。\n');
    // A chapter the translation never wants.
    write(english, 'chapter_references/zreferences.md', '# References\n\nSee the bibliography.\n');
    write(translation, '.amts.yml', 'exclude: [chapter_references/*.md]\n');
    // A byte-identical origin.
    cpSync(join(english, PADDING), join(translation, origin(PADDING)));

    const status = await bookStatus({
      ...options(),
      pricePerMillionUsd: PRICES,
    });
    const states = Object.fromEntries(status.chapters.map((entry) => [entry.path, entry.state]));
    expect(states).toEqual({
      [NIN]: 'current',
      [PADDING]: 'current',
      [RMSPROP]: 'outdated',
      'chapter_optimization/adam.md': 'untranslated',
      'chapter_old/gone.md': 'orphaned',
      'chapter_old/stray.md': 'orphaned',
      'index.md': 'unknown',
      'chapter_references/zreferences.md': 'excluded',
    });
    const adam = chapter(status, 'chapter_optimization/adam.md');
    expect(adam.sentencesAdded).toBe(3);
    expect(adam.charactersToTranslate).toBe(
      'Adam'.length + 'Adam combines momentum with RMSProp. It is popular.'.length,
    );
    expect(status.totals.byState).toEqual({
      outdated: 1,
      untranslated: 1,
      unknown: 1,
      orphaned: 2,
      current: 2,
      excluded: 1,
    });

    const dryRun = await syncBook(options(), createIdentityEngine());
    expect(status.totals.charactersToTranslate).toBe(dryRun.totals.charactersSent);
    expect(dryRun.files.find((file) => file.path === 'chapter_old/gone.md')?.status).toBe('deleted');
    for (const file of dryRun.files) expect(chapter(status, file.path).charactersToTranslate).toBe(file.charactersSent);
  });

  it('prints a Markdown table sorted by how far behind, with a bar per chapter and the totals', async () => {
    write(english, 'chapter_optimization/adam.md', '# Adam\n\nAdam combines momentum with RMSProp.\n');
    const run = await amts('status', ...BOOK(), '--format', 'md', '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('| <code>'));
    expect(rows.map((row) => /<code>([^<]+)<\/code>/.exec(row)?.[1]?.replace(/\\_/g, '_'))).toEqual([
      'chapter_optimization/adam.md',
      RMSPROP, // 4% of the chapter to translate
      PADDING, // 3%
      NIN,
    ]);
    expect(rows[0]).toContain('`██████████` 100%');
    expect(rows[3]).toContain('`░░░░░░░░░░` 0%');
    expect(run.stdout).toMatch(/\| \*\*Total\*\* \|.*\*\*3\d\d\*\*/);
    expect(run.stdout).toContain('4 chapters: 2 outdated, 1 untranslated, 1 current.');

    const text = await amts('status', ...BOOK(), '--no-cache');
    expect(text.stdout).toContain('Translation status (en → zh)');
    const lines = text.stdout.split('\n');
    expect(lines.findIndex((line) => line.startsWith('chapter_optimization/adam.md'))).toBeLessThan(
      lines.findIndex((line) => line.startsWith(NIN)),
    );
    expect(text.stdout).toMatch(/chapter_optimization\/adam\.md +untranslated .* ██████████ 100%/);
  });

  it('keeps the Markdown under a length by leaving out the chapters least behind', async () => {
    const status = await bookStatus({ ...options(), pricePerMillionUsd: PRICES });
    const whole = formatStatusMarkdown(status);
    const short = formatStatusMarkdown(status, { maxCharacters: whole.length - 50 });
    expect(short.length).toBeLessThanOrEqual(whole.length - 50);
    expect(short).toContain('more chapters, less behind');
    expect(short).not.toContain('nin.md');
    expect(short).toContain('| **Total** |');
  });

  it('reads plans from its cache on the next run, with the same numbers', async () => {
    const cache = join(dir, 'cache');
    const first = await amts('status', ...BOOK(), '--format', 'json', '--cache', cache);
    const entries = readdirSync(cache);
    expect(entries.length).toBe(3);
    const second = await amts('status', ...BOOK(), '--format', 'json', '--cache', cache);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(cache)).toEqual(entries);
    // A changed chapter is planned again; the others are read.
    write(english, RMSPROP, readFileSync(join(english, RMSPROP), 'utf8').replace('Let us write', 'We write'));
    const third = await amts('status', ...BOOK(), '--format', 'json', '--cache', cache);
    expect(readdirSync(cache).length).toBe(4);
    expect(third.stdout).not.toBe(first.stdout);
  });

  it('says how many English commits each chapter is behind, from the git history or the state file', async () => {
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: english,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'A',
          GIT_AUTHOR_EMAIL: 'a@example.com',
          GIT_COMMITTER_NAME: 'A',
          GIT_COMMITTER_EMAIL: 'a@example.com',
          GIT_CONFIG_COUNT: '0',
        },
      });
    const newer = snapshot(english);
    // History: the origins first, then two commits to rmsprop.md and one to padding-and-strides.md.
    for (const path of [NIN, PADDING, RMSPROP]) cpSync(join(translation, origin(path)), join(english, path));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'the English the translation was made from');
    const originCommit = git('rev-parse', 'HEAD').trim();
    const rmsprop = newer[join(english, RMSPROP)] ?? '';
    writeFileSync(join(english, RMSPROP), rmsprop.replace('Let us write', 'Let us first write'));
    git('commit', '-q', '-am', 'rmsprop, first pass');
    for (const [path, text] of Object.entries(newer)) writeFileSync(path, text);
    git('commit', '-q', '-am', 'the new English');

    const status = await bookStatus({ ...options(), pricePerMillionUsd: PRICES });
    expect(chapter(status, RMSPROP).behind).toMatchObject({ originCommit, commitsBehind: 2 });
    expect(chapter(status, PADDING).behind).toMatchObject({ originCommit, commitsBehind: 1 });
    expect(chapter(status, NIN).behind).toMatchObject({ originCommit, commitsBehind: 1 });
    const md = formatStatusMarkdown(status);
    expect(md).toContain(`2 commits since ${originCommit.slice(0, 7)}`);
    expect(md.indexOf('rmsprop.md')).toBeLessThan(md.indexOf('padding-and-strides.md'));

    // The same from a state file naming the origin commit, with the old English read from git.
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify({ sourceCommit: originCommit }));
    const fromState = await amts(
      'status',
      '--source',
      english,
      '--target',
      translation,
      '--from',
      'en',
      '--to',
      'zh',
      '--state-file',
      stateFile,
      '--format',
      'json',
      '--no-cache',
    );
    expect(fromState.code, fromState.stderr).toBe(0);
    const chapters = (JSON.parse(fromState.stdout) as { chapters: ChapterStatus[] }).chapters;
    expect(chapters.find((entry) => entry.path === RMSPROP)?.behind).toMatchObject({ originCommit, commitsBehind: 2 });
    expect(chapters.find((entry) => entry.path === RMSPROP)?.state).toBe('outdated');
  });

  it('refuses bad input with one line naming the problem, and writes nothing', async () => {
    const before = snapshot(dir);
    const format = await amts('status', ...BOOK(), '--format', 'html');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of text, md, json, not 'html'");
    const language = await amts('status', ...BOOK().slice(0, 6), '--to', 'cn');
    expect(language.code).toBe(2);
    expect(language.stderr).toMatch(/--to .*'zh'/);
    for (const path of [NIN, PADDING, RMSPROP]) rmSync(join(translation, origin(path)));
    const noOrigins = await amts('status', ...BOOK(), '--no-cache');
    expect(noOrigins.code).toBe(2);
    expect(noOrigins.stderr).toMatch(/no old English: none of its 3 Markdown files has a _origin\.md beside it/);
    write(translation, origin(NIN), readFileSync(join(EXAMPLE_BOOK, 'zh', origin(NIN)), 'utf8'));
    write(translation, '.amts.yml', 'exclude: [/abs.md]\n');
    const config = await amts('status', ...BOOK(), '--no-cache');
    expect(config.code).toBe(2);
    expect(config.stderr).toContain(".amts.yml: exclude glob '/abs.md' must be relative to the book");
    rmSync(join(translation, '.amts.yml'));
    rmSync(join(translation, origin(NIN)));
    for (const path of [NIN, PADDING, RMSPROP])
      write(translation, origin(path), readFileSync(join(EXAMPLE_BOOK, 'zh', origin(path)), 'utf8'));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('chapters whose English did not change', () => {
  /** Prepares in this thread, and records which chapters were prepared in full. */
  function recordingPreparer(full: string[]): ChapterPreparer {
    return (tasks) =>
      Promise.resolve(
        tasks.map((task) => {
          const outcome = prepareChapter(task);
          if (!('unchanged' in outcome)) full.push(task.path);
          return outcome;
        }),
      );
  }

  beforeEach(() => {
    // padding-and-strides.md's translation was made from the English as it is now.
    cpSync(join(english, PADDING), join(translation, origin(PADDING)));
  });

  it('are not aligned when no other chapter drafts one of their sentences', async () => {
    const full: string[] = [];
    const status = await bookStatus(
      { ...options(), pricePerMillionUsd: PRICES },
      { prepareChapters: recordingPreparer(full) },
    );
    expect(full.sort()).toEqual([NIN, RMSPROP]);
    expect(chapter(status, PADDING)).toMatchObject({ state: 'current', charactersToTranslate: 0, sentencesChanged: 0 });
    const dryRun = await syncBook(options(), createIdentityEngine());
    for (const file of dryRun.files) expect(chapter(status, file.path).charactersToTranslate).toBe(file.charactersSent);
  });

  it("lend their human translations to another chapter's new sentences, as in a sync", async () => {
    // rmsprop.md's English gains a paragraph that padding-and-strides.md (unchanged) has, with its translation.
    const shared =
      'Therefore, the output shape of the convolutional layer\nis determined by the shape of the input\n' +
      'and the shape of the convolution kernel.';
    expect(readFileSync(join(english, PADDING), 'utf8')).toContain(shared);
    const rmsprop = readFileSync(join(english, RMSPROP), 'utf8');
    write(english, RMSPROP, rmsprop.replace(/\n\n/u, `\n\n${shared}\n\n`));
    const full: string[] = [];
    const status = await bookStatus(
      { ...options(), pricePerMillionUsd: PRICES },
      { prepareChapters: recordingPreparer(full) },
    );
    const dryRun = await syncBook(options(), createIdentityEngine());
    const synced = dryRun.files.find((file) => file.path === RMSPROP);
    expect(chapter(status, RMSPROP).charactersToTranslate).toBe(synced?.charactersSent);
    expect(synced?.reused).toBeGreaterThan(0);
    expect(chapter(status, RMSPROP).unitsReused).toBe(synced?.reused);
    expect(status.totals.charactersToTranslate).toBe(dryRun.totals.charactersSent);
    expect(full.sort()).toEqual([NIN, PADDING, RMSPROP]);
    expect(chapter(status, PADDING).state).toBe('current');
  });
});

describe('the pieces', () => {
  it('draws a bar in eighths of a cell, never an empty one for a share above 0', () => {
    expect(shareBar(0)).toBe('░░░░░░░░░░');
    expect(shareBar(1)).toBe('██████████');
    expect(shareBar(0.5)).toBe('█████░░░░░');
    expect(shareBar(0.25)).toBe('██▌░░░░░░░');
    expect(shareBar(0.001)).toBe('▏░░░░░░░░░');
    expect(shareBar(Number.NaN)).toBe('░░░░░░░░░░');
    expect([...shareBar(0.37)]).toHaveLength(10);
  });

  it('counts sentences changed, added and removed, slide markers and line wrapping aside', () => {
    const parse = (text: string) => parseMarkdown(text, 'test.md');
    const before = parse('One sentence here. Two sentences here.\n\nThree is here. Four is here.\n');
    expect(
      countSentences(
        before,
        parse('One sentence\nhere. [**Two sentences here.**]\n\nThree is here. Four is here.\n'),
        'en',
      ),
    ).toMatchObject({ changed: 0, added: 0, removed: 0, total: 4 });
    expect(
      countSentences(
        before,
        parse('One sentence here. Two sentences there.\n\nThree is here. Five is new. Four is here.\n'),
        'en',
      ),
    ).toMatchObject({ changed: 1, added: 1, removed: 0 });
    expect(countSentences(before, parse('Three is here.\n'), 'en')).toMatchObject({
      changed: 0,
      added: 0,
      removed: 3,
      total: 1,
    });
  });
});
