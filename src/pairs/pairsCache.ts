/**
 * Chapter alignments cached on disk, one JSON file per chapter, keyed by a hash of everything the alignment
 * depends on: both texts, the options and the code that computes it. Only alignments are kept, never problems,
 * so entries hold no paths. A key therefore never goes stale, the folder
 * can be shared between runs and machines (actions/cache), and an unchanged book is not parsed again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { ChapterAlignment, ChapterAlignOptions } from './types.js';

/** Bump when the entry layout changes; code changes are covered by the code version. */
const ENTRY_FORMAT = 'amts-pairs-cache/1';

export interface ChapterKeyInput {
  readonly codeVersion: string;
  readonly options: ChapterAlignOptions;
  readonly sourceText: string;
  readonly targetText: string;
}

export function chapterCacheKey(input: ChapterKeyInput): string {
  const hash = createHash('sha256');
  // Each part is preceded by its length, so no two different inputs hash the same bytes.
  for (const part of [
    ENTRY_FORMAT,
    input.codeVersion,
    JSON.stringify(input.options),
    input.sourceText,
    input.targetText,
  ]) {
    hash.update(`${part.length}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

interface CacheEntry {
  readonly format: string;
  readonly alignment: ChapterAlignment;
}

export interface PairsCache {
  get(key: string): Promise<ChapterAlignment | undefined>;
  set(key: string, alignment: ChapterAlignment): Promise<void>;
}

export function openPairsCache(directory: string): PairsCache {
  const entryPath = (key: string) => join(directory, `${key}.json`);
  return {
    async get(key) {
      const text = await readFile(entryPath(key), 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        const entry = JSON.parse(text) as CacheEntry;
        return entry.format === ENTRY_FORMAT ? entry.alignment : undefined;
      } catch {
        // A damaged entry is recomputed and overwritten.
        return undefined;
      }
    },
    async set(key, alignment) {
      const entry: CacheEntry = { format: ENTRY_FORMAT, alignment };
      await writeFileAtomic(entryPath(key), JSON.stringify(entry));
    },
  };
}

const codeVersions = new Map<string, Promise<string>>();

/**
 * A hash of the code that aligns chapters. From the bundle it is the bundle's files; from source it is the source
 * of the modules the alignment runs through. Either way, changing the aligner invalidates every entry.
 */
export function pairsCodeVersion(): Promise<string> {
  return codeVersionOf(['align', 'markdown', 'pairs']);
}

/** A hash of the bundle, or of the source folders (under src/) a cached result depends on. */
export function codeVersionOf(folders: readonly string[]): Promise<string> {
  const key = folders.join(',');
  let version = codeVersions.get(key);
  if (version === undefined) {
    version = hashFiles(codeFiles(folders));
    codeVersions.set(key, version);
  }
  return version;
}

async function codeFiles(folders: readonly string[]): Promise<string[]> {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.ts')) {
    // A bundle is its entry file and the chunks loaded on demand beside it; the aligner may sit in any of them.
    const bundle = dirname(self);
    return (await readdir(bundle))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => join(bundle, name));
  }
  const sourceRoot = dirname(dirname(self));
  const lists = await Promise.all(
    folders.map(async (folder) =>
      (await readdir(join(sourceRoot, folder)))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(sourceRoot, folder, name)),
    ),
  );
  return lists.flat().sort();
}

async function hashFiles(files: Promise<string[]>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await files) {
    hash.update(basename(file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}
