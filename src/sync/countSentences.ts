/**
 * How many English sentences of a chapter changed, were added or removed (for `amts status`), by comparing the
 * sentence sequences of the old and new English, slide markers and line wrapping aside.
 */
import { blockSentences, type UnitAlignment } from '../align/buildPairs.js';
import type { Block, InlineToken, ParsedDocument } from '../markdown/types.js';
import { sameWordsKey } from './sameWordsKey.js';

/** How the English of a chapter moved, sentence by sentence, slide markers and line wrapping aside. */
export interface SentenceChanges {
  /** Old sentences replaced by new ones in the same place. */
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  /** Sentences of the new English, and the characters of their text (what translating it all would send). */
  readonly total: number;
  readonly characters: number;
}

/** Per block of a document (by index), its sentences by sameWordsKey, empty ones left out. */
export type KeysByBlock = readonly (readonly string[])[];

/**
 * Sentences of the new English that differ from the old, by a diff of the two sentence sequences: within each run
 * of differences, as many as both sides have are counted changed, the rest added or removed.
 */
export function countSentences(
  oldEnglish: ParsedDocument,
  newEnglish: ParsedDocument,
  language: string,
  /** The old English's sentenceKeysByBlock, when the caller has them. */
  beforeByBlock: KeysByBlock = sentenceKeysByBlock(oldEnglish, language),
): SentenceChanges {
  const before = beforeByBlock.flat();
  const after =
    newEnglish === oldEnglish ? before : newSentenceKeys(oldEnglish, beforeByBlock, newEnglish, language).flat();
  const whole = { total: after.length, characters: proseCharacters(newEnglish) };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const left = before.slice(start, endBefore);
  const right = after.slice(start, endAfter);
  // Longest common subsequence of what is left between the common ends (usually a few sentences).
  const width = right.length + 1;
  const table = new Uint32Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--)
    for (let j = right.length - 1; j >= 0; j--)
      table[i * width + j] =
        left[i] === right[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
  const counts = { changed: 0, added: 0, removed: 0, ...whole };
  let deleted = 0;
  let inserted = 0;
  const closeRun = (): void => {
    const paired = Math.min(deleted, inserted);
    counts.changed += paired;
    counts.removed += deleted - paired;
    counts.added += inserted - paired;
    deleted = 0;
    inserted = 0;
  };
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      closeRun();
      i += 1;
      j += 1;
    } else if (
      j >= right.length ||
      (i < left.length && (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
    ) {
      deleted += 1;
      i += 1;
    } else {
      inserted += 1;
      j += 1;
    }
  }
  closeRun();
  return counts;
}

/** Every sentence of a chapter's English as a new chapter (all of them added). */
export function countNewChapter(newEnglish: ParsedDocument, language: string): SentenceChanges {
  const total = sentenceKeysByBlock(newEnglish, language).flat().length;
  return { changed: 0, added: total, removed: 0, total, characters: proseCharacters(newEnglish) };
}

/** Characters of translatable text in the prose (what a sync counts: text tokens, not code or math). */
function proseCharacters(document: ParsedDocument): number {
  let characters = 0;
  for (const block of document.blocks)
    if (block.kind === 'prose')
      for (const token of block.tokens ?? []) if (token.kind === 'text') characters += token.source.length;
  return characters;
}

export function sentenceKeysByBlock(document: ParsedDocument, language: string): string[][] {
  return document.blocks.map((block) => blockKeys(block, language));
}

/** The old English's sentences as the alignment split them, by block and keyed as sentenceKeysByBlock keys them. */
export function alignedKeysByBlock(alignment: UnitAlignment, blockCount: number): string[][] {
  const keys: string[][] = Array.from({ length: blockCount }, () => []);
  for (const sentence of alignment.sourceSentences) {
    const key = sameWordsKey(sentence.span.text);
    if (key !== '') keys[sentence.blockIndex]?.push(key);
  }
  return keys;
}

/**
 * The new English's keys by block. Most blocks are as they were: a block with the same tokens as an old one has its
 * sentences, so it is not split again (sentences depend on the tokens and the language only).
 */
export function newSentenceKeys(
  oldEnglish: ParsedDocument,
  beforeByBlock: KeysByBlock,
  newEnglish: ParsedDocument,
  language: string,
): (readonly string[])[] {
  const oldBySource = new Map<string, number[]>();
  oldEnglish.blocks.forEach((block, index) => {
    if (block.kind !== 'prose') return;
    const same = oldBySource.get(block.source);
    if (same === undefined) oldBySource.set(block.source, [index]);
    else same.push(index);
  });
  return newEnglish.blocks.map((block) => {
    if (block.kind !== 'prose') return NO_KEYS;
    for (const index of oldBySource.get(block.source) ?? NO_INDICES) {
      const old = oldEnglish.blocks[index];
      const keys = beforeByBlock[index];
      if (old !== undefined && keys !== undefined && sameTokens(old.tokens, block.tokens)) return keys;
    }
    return blockKeys(block, language);
  });
}

const NO_KEYS: readonly string[] = [];
const NO_INDICES: readonly number[] = [];

function blockKeys(block: Block, language: string): string[] {
  const keys: string[] = [];
  for (const span of blockSentences(block, language)) {
    const key = sameWordsKey(span.text);
    if (key !== '') keys.push(key);
  }
  return keys;
}

function sameTokens(a: readonly InlineToken[] | undefined, b: readonly InlineToken[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === undefined || right === undefined || !sameToken(left, right)) return false;
  }
  return true;
}

/** Tokens alike in every field (sentence splitting reads the tokens and nothing else of a block). */
function sameToken(a: InlineToken, b: InlineToken): boolean {
  if (a.kind !== b.kind || a.source !== b.source) return false;
  switch (a.kind) {
    case 'protected':
      return b.kind === 'protected' && a.role === b.role;
    case 'open':
    case 'close':
      return (b.kind === 'open' || b.kind === 'close') && a.pair === b.pair && a.tag === b.tag;
    default:
      return true;
  }
}
