/**
 * The whole book's result in the pairs cache, beside the chapter entries: the file written and its report, keyed by
 * everything they depend on (every chapter's key and paths, the files that gave no pairs, the output options, the
 * merged files' texts). A rerun over an unchanged book then reads one entry and writes it out, without parsing the
 * chapter entries, screening the pairs again or loading the aligner at all. Only the newest entry is kept: it is as
 * large as the file it holds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { FileProblem } from './types.js';
import type { PairsReport } from './pairsReport.js';

/** Bump when the entry layout changes; code changes are covered by the code version. */
const BOOK_ENTRY_FORMAT = 'amts-pairs-book/1';
const BOOK_FOLDER = 'book';

export interface BookKeyInput {
  readonly codeVersion: string;
  /** Everything else that shapes the written file and the report (format, granularity, threshold, languages). */
  readonly output: Readonly<Record<string, string | number | undefined>>;
  /** In the order the run reports them. */
  readonly chapters: ReadonlyArray<{ readonly sourcePath: string; readonly targetPath: string; readonly key: string }>;
  readonly problems: readonly FileProblem[];
  readonly merged: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export function bookCacheKey(input: BookKeyInput): string {
  const hash = createHash('sha256');
  const parts = [
    BOOK_ENTRY_FORMAT,
    input.codeVersion,
    JSON.stringify(input.output),
    JSON.stringify(input.chapters),
    JSON.stringify(input.problems),
    ...input.merged.flatMap((file) => [file.path, file.text]),
  ];
  // Each part is preceded by its length, so no two different inputs hash the same bytes.
  for (const part of parts) {
    hash.update(`${part.length}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

export interface BookEntry {
  /** The parallel data file as written. */
  readonly text: string;
  /** The report a rerun gives: every chapter from the cache, no worker started. */
  readonly report: PairsReport;
}

interface StoredBookEntry extends BookEntry {
  readonly format: string;
  readonly key: string;
}

function entryPath(directory: string, key: string): string {
  return join(directory, BOOK_FOLDER, `${key}.json`);
}

export async function readBookEntry(directory: string, key: string): Promise<BookEntry | undefined> {
  const text = await readFile(entryPath(directory, key), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as StoredBookEntry;
    if (entry.format !== BOOK_ENTRY_FORMAT || entry.key !== key || typeof entry.text !== 'string') return undefined;
    return { text: entry.text, report: entry.report };
  } catch {
    // A damaged entry: the chapter entries rebuild the book, and the entry is written again.
    return undefined;
  }
}

/** Writes the entry and removes the older ones; returns why it could not, since a cache never fails a run. */
export async function writeBookEntry(directory: string, key: string, entry: BookEntry): Promise<string | undefined> {
  const stored: StoredBookEntry = { format: BOOK_ENTRY_FORMAT, key, text: entry.text, report: entry.report };
  try {
    await writeFileAtomic(entryPath(directory, key), JSON.stringify(stored));
    const folder = join(directory, BOOK_FOLDER);
    const older = (await readdir(folder)).filter((name) => name.endsWith('.json') && name !== `${key}.json`);
    await Promise.all(older.map((name) => rm(join(folder, name), { force: true })));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a rerun over the same book reports: every chapter read from the cache and none aligned. */
export function rerunReport(report: PairsReport, chaptersFromCache: number): PairsReport {
  // Spread first, so the fields keep their order in the JSON report.
  return {
    ...report,
    files: report.files.map((file) => ({ ...file, fromCache: true })),
    cache: { hits: chaptersFromCache, misses: 0, writeFailures: [] },
    workers: undefined,
  };
}
