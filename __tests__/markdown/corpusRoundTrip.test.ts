import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import type { ParsedDocument } from '../../src/markdown/types.js';
import { translateDocuments } from '../../src/translate/translateDocument.js';
import { CORPUS, corpusName, markdownFilesIn } from '../helpers/corpus.js';
import { protectedTokenCounts } from '../helpers/protectedTokens.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

let files: string[];
let documents: ParsedDocument[];

describe('the whole shared corpus', { tags: [CORPUS_TAG] }, () => {
  // Read in a hook, not on import: where the corpus is missing these tests are skipped and nothing is read.
  beforeAll(() => {
    files = markdownFilesIn(CORPUS);
    documents = files.map((file) => parseMarkdown(readFileSync(file, 'utf8'), corpusName(file)));
  });

  it('holds both books, origins included', () => {
    expect(files.length).toBe(644);
    expect(files.filter((file) => file.endsWith('_origin.md')).length).toBe(139);
  });

  it('parses into blocks and tokens that cover every file exactly', () => {
    for (const document of documents) {
      expect(document.blocks.map((block) => block.source).join(''), document.path).toBe(document.text);
      for (const block of document.blocks) {
        if (block.tokens) expect(block.tokens.map((token) => token.source).join(''), document.path).toBe(block.source);
      }
    }
  });

  it('round-trips byte for byte through HTML and the identity engine', async () => {
    const result = await translateDocuments(documents, createIdentityEngine(), 'en', 'zh');
    const mismatched = result.documents.filter((translated, index) => translated.text !== documents[index]?.text);
    expect(mismatched.map((translated) => translated.path)).toEqual([]);
    expect(result.documents.flatMap((translated) => translated.failures)).toEqual([]);
    expect(result.sentCharacters).toBeGreaterThan(1_000_000);
  });

  it('through the pseudo engine keeps every protected token, translates every word and keeps the structure', async () => {
    const result = await pseudoTranslation();
    for (const [index, translated] of result.documents.entries()) {
      const original = documents[index];
      if (!original) continue;
      expect(translated.failures, original.path).toEqual([]);
      const reparsed = parseMarkdown(translated.text, original.path);
      expect(protectedCounts(reparsed), original.path).toEqual(protectedCounts(original));
      for (const [source, count] of protectedCounts(original)) {
        expect(occurrences(translated.text, source), `${original.path}: ${source}`).toBeGreaterThanOrEqual(count);
      }
      expect(structure(reparsed), original.path).toEqual(structure(original));
      const surviving = survivingWords(original, reparsed);
      expect(surviving, original.path).toEqual([]);
    }
  });

  it('through the pseudo engine keeps every piece a scanner of escapes, code spans and math protects', async () => {
    const result = await pseudoTranslation();
    let pieces = 0;
    for (const [index, translated] of result.documents.entries()) {
      const expected = protectedTokenCounts(documents[index]?.text ?? '');
      for (const count of expected.values()) pieces += count;
      expect(protectedTokenCounts(translated.text), translated.path).toEqual(expected);
    }
    expect(pieces).toBeGreaterThan(30_000);
  });
});

let pseudo: ReturnType<typeof translateDocuments> | undefined;

/** One pseudo translation of the corpus for the tests that read it: it is the slow part. */
function pseudoTranslation(): ReturnType<typeof translateDocuments> {
  pseudo ??= translateDocuments(documents, createPseudoEngine(), 'en', 'zh');
  return pseudo;
}

function protectedCounts(document: ParsedDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of document.blocks) {
    for (const token of block.tokens ?? []) {
      if (token.kind === 'protected') counts.set(token.source, (counts.get(token.source) ?? 0) + 1);
    }
  }
  return counts;
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count += 1;
  return count;
}

/** The kinds of the blocks that are not layout, with code and math verbatim. */
function structure(document: ParsedDocument): string[] {
  return document.blocks
    .filter((block) => block.kind !== 'layout')
    .map((block) => (block.kind === 'prose' ? `prose:${block.context ?? ''}` : `${block.kind}:${block.source}`));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Words of the original prose still present in the translated prose of the same unit. */
function survivingWords(original: ParsedDocument, translated: ParsedDocument): string[] {
  const before = original.blocks.filter((block) => block.kind === 'prose');
  const after = translated.blocks.filter((block) => block.kind === 'prose');
  const surviving: string[] = [];
  before.forEach((block, index) => {
    const words = new Set(textOf(block.tokens).match(WORD) ?? []);
    for (const word of textOf(after[index]?.tokens).match(WORD) ?? []) if (words.has(word)) surviving.push(word);
  });
  return surviving;
}

function textOf(tokens: ParsedDocument['blocks'][number]['tokens']): string {
  return (tokens ?? []).map((token) => (token.kind === 'text' ? token.source : ' ')).join('');
}
