/**
 * Which English file goes with which translation. d2lbook keeps the original beside the translation
 * (`X.md` and `X_origin.md` in one tree); other books keep two trees with the same layout; renamed chapters are
 * listed in a map file. Originals are never taken for translations.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { markdownFilesUnder } from '../io/listMarkdownFiles.js';
import type { FileProblem } from './types.js';

export const DEFAULT_ORIGIN_SUFFIX = '_origin';

export interface ChapterLayout {
  /** Root the English paths (same-path layout and map entries) are relative to. */
  readonly sourceRoot: string;
  readonly targetRoot: string;
  /** When set, `X.md`'s original is `X<suffix>.md` beside it in the target tree. */
  readonly originSuffix?: string;
  /** Renamed chapters: translation path → English path, both relative to their roots with `/` separators. */
  readonly renamed?: ReadonlyMap<string, string>;
}

export interface ChapterFiles {
  /** The translation's path relative to the target root, with `/` separators: the chapter's name in reports. */
  readonly name: string;
  readonly sourcePath: string;
  readonly targetPath: string;
}

export interface ChapterSearch {
  readonly chapters: ChapterFiles[];
  /** Translations without an English counterpart. */
  readonly problems: FileProblem[];
}

export async function findChapterPairs(layout: ChapterLayout): Promise<ChapterSearch> {
  const originEnding = `${layout.originSuffix ?? DEFAULT_ORIGIN_SUFFIX}.md`;
  const translations = (await relativeMarkdownFiles(layout.targetRoot)).filter((name) => !name.endsWith(originEnding));
  const chapters: ChapterFiles[] = [];
  const problems: FileProblem[] = [];
  for (const name of translations) {
    const targetPath = join(layout.targetRoot, name);
    const sourcePath = counterpartOf(name, layout);
    if (await isFile(sourcePath)) chapters.push({ name, sourcePath, targetPath });
    else
      problems.push({
        file: targetPath,
        kind: 'missing-counterpart',
        message: `has no English counterpart: ${sourcePath} does not exist`,
      });
  }
  const present = new Set(translations);
  for (const name of layout.renamed?.keys() ?? []) {
    if (present.has(name)) continue;
    const targetPath = join(layout.targetRoot, name);
    problems.push({ file: targetPath, kind: 'missing-counterpart', message: 'is named in the map but does not exist' });
  }
  return { chapters, problems };
}

function counterpartOf(name: string, layout: ChapterLayout): string {
  const renamed = layout.renamed?.get(name);
  if (renamed !== undefined) return join(layout.sourceRoot, renamed);
  if (layout.originSuffix !== undefined)
    return join(layout.targetRoot, `${name.slice(0, -'.md'.length)}${layout.originSuffix}.md`);
  return join(layout.sourceRoot, name);
}

async function relativeMarkdownFiles(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new InputError(root, 'is not a directory');
  return (await markdownFilesUnder(root)).map((path) => relative(root, path).split(sep).join('/'));
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Reads a chapter map: one `english-path<TAB>translation-path` line per renamed chapter, `#` comments and blank
 * lines allowed. Returns translation path → English path.
 */
export async function readChapterMap(path: string): Promise<Map<string, string>> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError(path, 'cannot read the chapter map');
  });
  const renamed = new Map<string, string>();
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const fields = line.split('\t').map((field) => field.trim());
    const [source, target] = fields;
    if (fields.length !== 2 || !source || !target) {
      throw new InputError(
        path,
        `expected two tab-separated paths (English, translation), found ${JSON.stringify(line)}`,
        index + 1,
      );
    }
    const targetName = posix.normalize(target.split(sep).join('/'));
    if (renamed.has(targetName)) throw new InputError(path, `${targetName} is mapped twice`, index + 1);
    renamed.set(targetName, posix.normalize(source.split(sep).join('/')));
  });
  return renamed;
}
