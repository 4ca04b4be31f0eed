/**
 * Scores plain-text hypothesis and reference files line by line, as the `sacrebleu` command line does:
 * one segment per line, each line right-stripped, every reference file a separate reference stream.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corpusBleu } from './bleu.js';
import { corpusChrf } from './chrf.js';
import { stripTrailingWhitespace } from './pythonText.js';
import type { ReferenceStreams } from './references.js';
import type { TokenizerName } from './tokenizers.js';

export interface TextScoreOptions {
  /** BLEU tokenizer; default `13a`. Use `zh` for Chinese targets. */
  readonly tokenize?: TokenizerName;
  readonly lowercase?: boolean;
  /** chrF word n-gram order: 0 (default) for chrF, 2 for chrF++. */
  readonly chrfWordOrder?: number;
}

export interface TextScore {
  /** Corpus BLEU, 0–100. */
  readonly bleu: number;
  /** Corpus chrF (or chrF++), 0–100. */
  readonly chrf: number;
  /** `chrF2` or `chrF2++`. */
  readonly chrfName: string;
  /** Both signatures as sacreBLEU prints them before a score: `BLEU|<bleuSignature> chrF2|<chrfSignature>`. */
  readonly signature: string;
  readonly bleuSignature: string;
  readonly chrfSignature: string;
  /** BLEU n-gram precisions, 0–100, order 1 first. */
  readonly precisions: readonly number[];
  /** BLEU brevity penalty, 0–1. */
  readonly bp: number;
  readonly sysLen: number;
  readonly refLen: number;
  /** Number of scored lines. */
  readonly segments: number;
}

/** BLEU and chrF of in-memory segments; `references` are streams aligned with `hypotheses`. */
export function scoreSegments(
  hypotheses: readonly string[],
  references: ReferenceStreams,
  options: TextScoreOptions = {},
): TextScore {
  const lowercase = options.lowercase ?? false;
  const bleu = corpusBleu(hypotheses, references, { tokenize: options.tokenize ?? '13a', lowercase });
  const chrf = corpusChrf(hypotheses, references, { lowercase, wordOrder: options.chrfWordOrder ?? 0 });
  return {
    bleu: bleu.score,
    chrf: chrf.score,
    chrfName: chrf.name,
    signature: `BLEU|${bleu.signature} ${chrf.name}|${chrf.signature}`,
    bleuSignature: bleu.signature,
    chrfSignature: chrf.signature,
    precisions: bleu.precisions,
    bp: bleu.bp,
    sysLen: bleu.sysLen,
    refLen: bleu.refLen,
    segments: hypotheses.length,
  };
}

/**
 * Lines as Python iterates a file opened with `newline="\n"`: split on LF only, no empty line after a final
 * LF, and each line right-stripped (which also drops a CR).
 */
export function splitSegments(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(stripTrailingWhitespace);
}

/** Reads a UTF-8 (or gzipped UTF-8, by `.gz` suffix) text file as segments. */
export async function readSegments(path: string, role = 'text'): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch (error) {
    throw new Error(`Cannot read ${role} file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark as text, as Python's utf-8 codec does.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new Error(`The ${role} file ${path} is not valid UTF-8`, { cause: error });
  }
  return splitSegments(text);
}

function referencePathList(referencePaths: string | readonly string[]): readonly string[] {
  const paths = typeof referencePaths === 'string' ? [referencePaths] : referencePaths;
  if (paths.length === 0) throw new Error('No reference file given: at least one is needed');
  return paths;
}

/** Reads one hypothesis file and its reference files, checking that every file has the same number of lines. */
export async function readAlignedFiles(
  hypothesisPath: string,
  referencePaths: string | readonly string[],
): Promise<{ hypotheses: string[]; references: string[][] }> {
  const paths = referencePathList(referencePaths);
  const hypotheses = await readSegments(hypothesisPath, 'hypothesis');
  if (hypotheses.length === 0) throw new Error(`The hypothesis file ${hypothesisPath} has no lines to score`);
  const references = await Promise.all(paths.map((path) => readSegments(path, 'reference')));
  references.forEach((lines, index) => {
    if (lines.length !== hypotheses.length) {
      throw new Error(
        `Line count mismatch: hypothesis file ${hypothesisPath} has ${hypotheses.length} lines ` +
          `but reference file ${paths[index]} has ${lines.length} lines`,
      );
    }
  });
  return { hypotheses, references };
}

/** `sacrebleu REF... -i HYP -m bleu chrf` on plain-text files. */
export async function scoreTextFiles(
  hypothesisPath: string,
  referencePaths: string | readonly string[],
  options: TextScoreOptions = {},
): Promise<TextScore> {
  const { hypotheses, references } = await readAlignedFiles(hypothesisPath, referencePaths);
  return scoreSegments(hypotheses, references, options);
}

export interface DocumentFiles {
  /** Row label; defaults to the hypothesis file's base name. */
  readonly name?: string;
  readonly hypothesisPath: string;
  readonly referencePaths: string | readonly string[];
}

export interface DocumentScore extends TextScore {
  readonly name: string;
}

export interface ScoreReport {
  readonly documents: readonly DocumentScore[];
  /** All documents' lines scored as one corpus (not an average of document scores). */
  readonly corpus: TextScore;
}

/** One document's segments, already read: `references` are streams aligned with `hypotheses`. */
export interface LoadedDocument {
  readonly name: string;
  readonly hypotheses: readonly string[];
  readonly references: ReferenceStreams;
}

/** Scores each document, then all of them together as one corpus. */
export async function scoreDocuments(
  documents: readonly DocumentFiles[],
  options: TextScoreOptions = {},
): Promise<ScoreReport> {
  if (documents.length === 0) throw new Error('No document given to score');
  const loaded = await Promise.all(
    documents.map(async (document) => ({
      name: document.name ?? basename(document.hypothesisPath),
      ...(await readAlignedFiles(document.hypothesisPath, document.referencePaths)),
    })),
  );
  return scoreLoadedDocuments(loaded, options);
}

/** Scores documents whose segments are in memory (plain-text lines, Markdown prose …), then all of them as one corpus. */
export function scoreLoadedDocuments(loaded: readonly LoadedDocument[], options: TextScoreOptions = {}): ScoreReport {
  if (loaded.length === 0) throw new Error('No document given to score');
  const streamCounts = new Set(loaded.map((document) => document.references.length));
  if (streamCounts.size > 1) {
    throw new Error('Every document needs the same number of reference files to be scored as one corpus');
  }
  const scored = loaded.map((document) => ({
    name: document.name,
    ...scoreSegments(document.hypotheses, document.references, options),
  }));
  const allHypotheses = loaded.flatMap((document) => document.hypotheses);
  const streamCount = loaded[0]?.references.length ?? 0;
  const allReferences = Array.from({ length: streamCount }, (_, stream) =>
    loaded.flatMap((document) => document.references[stream] ?? []),
  );
  return { documents: scored, corpus: scoreSegments(allHypotheses, allReferences, options) };
}
