/**
 * `amts status` on the real book: d2l-zh (139 chapters with X_origin.md) against d2l-en-classic. Every chapter's
 * state is checked against what the files themselves say, and the characters against a `sync --dry-run` of the same
 * book, chapter by chapter.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSentences } from '../../src/align/buildPairs.js';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { bookStatus } from '../../src/status/bookStatus.js';
import type { BookStatus, ChapterState } from '../../src/status/types.js';
import { prepareChapter } from '../../src/sync/prepareChapter.js';
import type { SyncOptions, SyncReport } from '../../src/sync/report.js';
import { sameWordsKey } from '../../src/sync/sameWordsKey.js';
import type { ChapterPreparer } from '../../src/sync/syncBook.js';
import { syncBook } from '../../src/sync/syncBook.js';
import { CORPUS, markdownFilesIn } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

const ZH = join(CORPUS, 'd2l-zh');
const NEW_ENGLISH = join(CORPUS, 'd2l-en-classic');
/** The one chapter the new English renamed (see corpusSync.test.ts). */
const RENAMED = {
  from: 'chapter_attention-mechanisms/nadaraya-waston.md',
  to: 'chapter_attention-mechanisms/nadaraya-watson.md',
};
const PRICES = { standard: 15, act: 60 };

const options: SyncOptions = {
  sourceDir: NEW_ENGLISH,
  targetDir: ZH,
  sourceLanguage: 'en',
  targetLanguage: 'zh',
  base: { kind: 'origin-suffix', suffix: '_origin' },
  dryRun: true,
};

let status: BookStatus;
let dryRun: SyncReport;
let cache: string;

// Everything is read in the hook, not on import: where the corpus is missing these tests are skipped.
beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'amts-status-cache-'));
  status = await bookStatus({ ...options, pricePerMillionUsd: PRICES }, { cacheDirectory: cache });
  dryRun = await syncBook(options, createIdentityEngine());
}, 600_000);
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const relativeTo = (root: string, file: string): string => file.slice(root.length + 1);
const read = (path: string): string => readFileSync(path, 'utf8');
const originOf = (path: string): string => join(ZH, path.replace(/\.md$/u, '_origin.md'));

/** The English sentences of a chapter, slide markers and wrapping aside: what "no sentence changed" compares. */
function sentences(path: string): string[] {
  return parseMarkdown(read(path), path).blocks.flatMap((block) =>
    blockSentences(block, 'en').map((span) => sameWordsKey(span.text)),
  );
}

/** The state each chapter must have, from the files alone (current vs outdated is settled per chapter below). */
function expectedStates(): Map<string, ChapterState | 'current-or-outdated'> {
  const english = new Set(markdownFilesIn(NEW_ENGLISH).map((file) => relativeTo(NEW_ENGLISH, file)));
  const translated = markdownFilesIn(ZH)
    .map((file) => relativeTo(ZH, file))
    .filter((path) => !path.endsWith('_origin.md'));
  const expected = new Map<string, ChapterState | 'current-or-outdated'>();
  for (const path of english) {
    if (path === RENAMED.to) expected.set(path, 'outdated');
    else if (!existsSync(join(ZH, path))) expected.set(path, 'untranslated');
    else if (!existsSync(originOf(path))) expected.set(path, 'unknown');
    else if (read(originOf(path)) === read(join(NEW_ENGLISH, path))) expected.set(path, 'current');
    else expected.set(path, 'current-or-outdated');
  }
  for (const path of translated) if (!english.has(path) && path !== RENAMED.from) expected.set(path, 'orphaned');
  return expected;
}

describe('status of d2l-zh against d2l-en-classic', { tags: [CORPUS_TAG] }, () => {
  it('gives every chapter the state its files say', () => {
    const expected = expectedStates();
    expect(status.chapters.map((chapter) => chapter.path).sort()).toEqual([...expected.keys()].sort());
    const withOrigins = status.chapters.filter(
      (chapter) => existsSync(originOf(chapter.path)) || chapter.renamedFrom !== undefined,
    );
    expect(withOrigins.length).toBe(139);
    for (const chapter of status.chapters) {
      const want = expected.get(chapter.path);
      if (want !== 'current-or-outdated') {
        expect(chapter.state, chapter.path).toBe(want);
        continue;
      }
      // Origin and English differ: outdated exactly when their sentences differ (code changes alone leave it current).
      const same =
        JSON.stringify(sentences(originOf(chapter.path))) ===
        JSON.stringify(sentences(join(NEW_ENGLISH, chapter.path)));
      expect(chapter.state, chapter.path).toBe(same ? 'current' : 'outdated');
      if (!same)
        expect(
          chapter.sentencesChanged + chapter.sentencesAdded + chapter.sentencesRemoved,
          chapter.path,
        ).toBeGreaterThan(0);
    }
    expect(status.chapters.find((chapter) => chapter.path === RENAMED.to)?.renamedFrom).toBe(RENAMED.from);
    const byState = status.totals.byState;
    expect(byState.current + byState.outdated + byState.untranslated + byState.unknown + byState.orphaned).toBe(
      status.chapters.length,
    );
  });

  it('counts the characters sync --dry-run sends, chapter by chapter and for the book (within ±5%)', () => {
    const within = (actual: number, wanted: number): boolean => Math.abs(actual - wanted) <= 0.05 * wanted;
    for (const file of dryRun.files) {
      const chapter = status.chapters.find((candidate) => candidate.path === file.path);
      expect(chapter, file.path).toBeDefined();
      expect(within(chapter?.charactersToTranslate ?? -1, file.charactersSent), file.path).toBe(true);
      // The plan is the sync's own, so the numbers are not only close: they are the same.
      expect(chapter?.charactersToTranslate, file.path).toBe(file.charactersSent);
      expect(chapter?.unitsToTranslate, file.path).toBe(file.status === 'error' ? 0 : file.drafted);
      expect(chapter?.problem !== undefined, file.path).toBe(file.status === 'error');
    }
    expect(within(status.totals.charactersToTranslate, dryRun.totals.charactersSent)).toBe(true);
    expect(status.totals.charactersToTranslate).toBe(dryRun.totals.charactersSent);
    expect(status.totals.unitsReused).toBe(dryRun.totals.reused);
    expect(status.totals.estimatedCostUsd.standard).toBeCloseTo((dryRun.totals.charactersSent / 1e6) * 15, 8);
  });

  it('plans nothing again on the next run: every chapter comes from the cache', async () => {
    let prepared = 0;
    const counting: ChapterPreparer = (tasks) => {
      prepared += tasks.length;
      return Promise.resolve(tasks.map(prepareChapter));
    };
    const again = await bookStatus(
      { ...options, pricePerMillionUsd: PRICES },
      { cacheDirectory: cache, prepareChapters: counting },
    );
    expect(prepared).toBe(0);
    expect(again).toEqual(status);
  });
});
