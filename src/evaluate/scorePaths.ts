/**
 * Scores hypothesis files against reference files: two files, or two directories whose files pair by relative path.
 * Markdown chapters (`.md`) are scored on their prose (scoreMarkdown.ts); every other file line by line, as the
 * `sacrebleu` command line does.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { readMarkdownFile } from '../markdown/readMarkdownFile.js';
import type { ParsedDocument } from '../markdown/types.js';
import { loadMarkdownPair, type MarkdownScoreReport, type ProsePairingStats } from './scoreMarkdown.js';
import {
  readAlignedFiles,
  scoreLoadedDocuments,
  type LoadedDocument,
  type TextScoreOptions,
} from './scoreTextFiles.js';

export interface PathScoreOptions extends TextScoreOptions {
  /** Language of hypothesis and reference; Markdown prose is joined and split by its rules. */
  readonly language: string;
}

export interface FilePair {
  /** Relative path (directories) or the hypothesis file's name. */
  readonly name: string;
  readonly hypothesisPath: string;
  readonly referencePath: string;
}

/** The file pairs to score, and what one side has without the other (reported, not scored). */
export interface PathPairing {
  readonly pairs: FilePair[];
  /** One line per file missing on the other side, e.g. `ref/a.md: missing, so hyp/a.md is not scored`. */
  readonly unpaired: string[];
}

/** Origin files (d2lbook's `X_origin.md`) hold the old English beside a translation: never a translation to score. */
const ORIGIN_FILE = /_origin\.md$/iu;

/**
 * Pairs two files, or every file under the hypothesis directory with the file at the same relative path under the
 * reference one. In directories, origin files are left out and a file missing on one side is reported and skipped.
 */
export async function pairPaths(hypothesisPath: string, referencePath: string): Promise<PathPairing> {
  const [hypothesisIsDirectory, referenceIsDirectory] = await Promise.all([
    isDirectory(hypothesisPath, 'hypothesis'),
    isDirectory(referencePath, 'reference'),
  ]);
  if (hypothesisIsDirectory !== referenceIsDirectory) {
    throw new InputError(
      hypothesisIsDirectory ? referencePath : hypothesisPath,
      `is a file but ${hypothesisIsDirectory ? hypothesisPath : referencePath} is a directory: give two files or two directories`,
    );
  }
  if (!hypothesisIsDirectory)
    return { pairs: [{ name: basename(hypothesisPath), hypothesisPath, referencePath }], unpaired: [] };
  const [hypothesisNames, referenceNames] = await Promise.all([
    scoredFilesUnder(hypothesisPath),
    scoredFilesUnder(referencePath),
  ]);
  const references = new Set(referenceNames);
  const hypotheses = new Set(hypothesisNames);
  const pairs = hypothesisNames
    .filter((name) => references.has(name))
    .map((name) => ({ name, hypothesisPath: join(hypothesisPath, name), referencePath: join(referencePath, name) }));
  const unpaired = [
    ...hypothesisNames
      .filter((name) => !references.has(name))
      .map((name) => `${join(referencePath, name)}: missing, so ${join(hypothesisPath, name)} is not scored`),
    ...referenceNames
      .filter((name) => !hypotheses.has(name))
      .map((name) => `${join(hypothesisPath, name)}: missing, so ${join(referencePath, name)} is not scored`),
  ];
  if (pairs.length === 0)
    throw new InputError(
      hypothesisPath,
      `has no file to score against ${referencePath}` +
        (unpaired.length > 0 ? ` (${unpaired.length} on one side only; first: ${unpaired[0] ?? ''})` : ''),
    );
  return { pairs, unpaired };
}

async function scoredFilesUnder(directory: string): Promise<string[]> {
  return (await filesUnder(directory)).filter((name) => !ORIGIN_FILE.test(name));
}

async function isDirectory(path: string, role: string): Promise<boolean> {
  const info = await stat(path).catch(() => {
    throw new InputError(path, `no such ${role} file or directory`);
  });
  return info.isDirectory();
}

/** Relative paths (with `/`) of the regular files under a directory, sorted, skipping dot folders and node_modules. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep))
    .filter((parts) => !parts.some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((parts) => parts.join('/'))
    .sort();
}

export function isMarkdownPath(path: string): boolean {
  return extname(path).toLowerCase() === '.md';
}

export async function readParsedMarkdown(path: string): Promise<ParsedDocument> {
  return parseMarkdown(await readMarkdownFile(path), path);
}

interface LoadedPair {
  readonly document: LoadedDocument;
  readonly pairing?: ProsePairingStats;
}

async function loadPair(pair: FilePair, language: string): Promise<LoadedPair> {
  const markdown = isMarkdownPath(pair.hypothesisPath);
  if (markdown !== isMarkdownPath(pair.referencePath)) {
    throw new InputError(
      pair.referencePath,
      `cannot be scored against ${pair.hypothesisPath}: one is Markdown (.md) and the other is not`,
    );
  }
  if (!markdown) {
    const { hypotheses, references } = await readAlignedFiles(pair.hypothesisPath, pair.referencePath);
    return { document: { name: pair.name, hypotheses, references } };
  }
  const [hypothesis, reference] = await Promise.all([
    readParsedMarkdown(pair.hypothesisPath),
    readParsedMarkdown(pair.referencePath),
  ]);
  return loadMarkdownPair({ name: pair.name, hypothesis, reference }, language);
}

/** `amts evaluate`: each file pair scored, then all of them as one corpus; files on one side only are listed. */
export async function scorePaths(
  hypothesisPath: string,
  referencePath: string,
  options: PathScoreOptions,
): Promise<MarkdownScoreReport & { readonly unpaired: readonly string[] }> {
  const { pairs, unpaired } = await pairPaths(hypothesisPath, referencePath);
  const loaded = await Promise.all(pairs.map((pair) => loadPair(pair, options.language)));
  const pairing: Record<string, ProsePairingStats> = {};
  for (const entry of loaded) if (entry.pairing !== undefined) pairing[entry.document.name] = entry.pairing;
  return {
    ...scoreLoadedDocuments(
      loaded.map((entry) => entry.document),
      options,
    ),
    pairing,
    unpaired,
  };
}
