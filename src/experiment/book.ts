/**
 * A translated book as the experiment sees it: every chapter that has its original next to it (`X_origin.md` beside
 * `X.md`, as d2l-zh keeps them), parsed once, with its original→translation alignment computed on first use.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { alignDocuments, type DocumentAlignment } from '../align/buildPairs.js';
import { InputError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { readMarkdownFile } from '../markdown/readMarkdownFile.js';
import type { ParsedDocument } from '../markdown/types.js';

export interface BookChapter {
  /** Path relative to the book without `.md` or the origin suffix, with `/`: `chapter_rnn/bptt`. */
  readonly name: string;
  /** Relative path of the original, e.g. `chapter_rnn/bptt_origin.md`. */
  readonly originPath: string;
  /** Relative path of the translation, e.g. `chapter_rnn/bptt.md`. */
  readonly translationPath: string;
  readonly origin: ParsedDocument;
  readonly translation: ParsedDocument;
  /** Sentence and paragraph pairs of original and translation; computed once. */
  alignment(): DocumentAlignment;
}

export interface Book {
  readonly directory: string;
  readonly originLanguage: string;
  readonly translationLanguage: string;
  readonly chapters: readonly BookChapter[];
}

export interface BookOptions {
  /** Default `_origin`. */
  readonly originSuffix?: string;
  readonly originLanguage: string;
  readonly translationLanguage: string;
}

/** Finds and parses every chapter with an original beside it. */
export async function loadBook(directory: string, options: BookOptions): Promise<Book> {
  const suffix = `${options.originSuffix ?? '_origin'}.md`;
  const originPaths = await originFilesUnder(directory, suffix);
  if (originPaths.length === 0) throw new InputError(directory, `holds no chapter with an original (*${suffix})`);
  const chapters = await Promise.all(
    originPaths.map(async (originPath) => {
      const translationPath = `${originPath.slice(0, -suffix.length)}.md`;
      const [origin, translation] = await Promise.all([
        readChapter(directory, originPath),
        readChapter(directory, translationPath).catch((error: unknown) => {
          throw new InputError(
            join(directory, translationPath),
            `missing translation of ${originPath}: ${String(error)}`,
          );
        }),
      ]);
      let alignment: DocumentAlignment | undefined;
      return {
        name: originPath.slice(0, -suffix.length),
        originPath,
        translationPath,
        origin,
        translation,
        alignment: () =>
          (alignment ??= alignDocuments(origin, translation, {
            sourceLanguage: options.originLanguage,
            targetLanguage: options.translationLanguage,
          })),
      };
    }),
  );
  return {
    directory,
    originLanguage: options.originLanguage,
    translationLanguage: options.translationLanguage,
    chapters,
  };
}

async function originFilesUnder(directory: string, suffix: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true }).catch(() => {
    throw new InputError(directory, 'is not a readable directory');
  });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep))
    .filter((parts) => !parts.some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((parts) => parts.join('/'))
    .sort();
}

async function readChapter(directory: string, relativePath: string): Promise<ParsedDocument> {
  const path = join(directory, relativePath);
  return parseMarkdown(await readMarkdownFile(path), relativePath);
}

/**
 * The chapters named on the command line: a full name (`chapter_rnn/bptt`), a base name (`bptt`) or either with
 * `.md` or the origin suffix. A base name must name exactly one chapter.
 */
export function selectChapters(book: Book, requested: readonly string[], originSuffix = '_origin'): BookChapter[] {
  if (requested.length === 0) throw new InputError(book.directory, 'no chapter named to evaluate');
  const selected = requested.map((request) => {
    const wanted = request
      .trim()
      .replace(/\.md$/u, '')
      .replace(new RegExp(`${escapeRegExp(originSuffix)}$`, 'u'), '');
    const matches = book.chapters.filter((chapter) => chapter.name === wanted || chapter.name.endsWith(`/${wanted}`));
    if (matches.length === 1 && matches[0] !== undefined) return matches[0];
    throw new InputError(
      book.directory,
      matches.length === 0
        ? `no chapter "${request}" with an original (*${originSuffix}.md)`
        : `chapter "${request}" is ambiguous: ${matches.map((chapter) => chapter.name).join(', ')}`,
    );
  });
  const names = new Set(selected.map((chapter) => chapter.name));
  if (names.size !== selected.length) throw new InputError(book.directory, 'a chapter is named twice in --chapters');
  return selected;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
