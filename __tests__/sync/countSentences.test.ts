/**
 * countSentences reuses the sentences of English blocks that did not change: these tests hold the reuse to what
 * splitting every block gives, on the real chapters and on edits made to be confusing (same source in another
 * list, same words with other markup).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignUnits } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import type { Block, InlineToken, ParsedDocument } from '../../src/markdown/types.js';
import { alignedKeysByBlock, newSentenceKeys, sentenceKeysByBlock } from '../../src/sync/countSentences.js';
import { CORPUS, markdownFilesIn } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

function reuseAgrees(oldText: string, newText: string): void {
  const before = parseMarkdown(oldText, 'old.md');
  const after = parseMarkdown(newText, 'new.md');
  expect(newSentenceKeys(before, sentenceKeysByBlock(before, 'en'), after, 'en')).toEqual(
    sentenceKeysByBlock(after, 'en'),
  );
}

describe('the new English’s sentences', () => {
  it('splits a block again when its source is the same but its tokens are not', () => {
    // The same line is a list item's text in one version and a paragraph (with its marker as text) in the other.
    reuseAgrees('- One. Two.\n\n```\nx\n```\n\n* Three *x*. Four.\n', '\\- One. Two.\n\n* Three *x*. Four.\n');
    reuseAgrees('Some *text. More* here.\n', 'Some *text. More here.\n');
    reuseAgrees('A. B.\n\nA. B.\n', 'A. B.\n\nC. D.\n\nA. B.\n');
    // The parser gives equal sources equal tokens on every input tried; a document built by hand shows the check.
    const block = (tokens: InlineToken[]): Block => ({ kind: 'prose', source: 'One. Two.', start: 0, line: 1, tokens });
    const document = (only: Block): ParsedDocument => ({
      path: 'x.md',
      text: only.source,
      blocks: [only],
      warnings: [],
    });
    const words = document(block([{ kind: 'text', source: 'One. Two.' }]));
    const code = document(block([{ kind: 'protected', source: 'One. Two.', role: 'code' }]));
    expect(sentenceKeysByBlock(words, 'en')).toEqual([['One.', 'Two.']]);
    expect(newSentenceKeys(words, sentenceKeysByBlock(words, 'en'), code, 'en')).toEqual(
      sentenceKeysByBlock(code, 'en'),
    );
    expect(sentenceKeysByBlock(code, 'en')).not.toEqual([['One.', 'Two.']]);
  });

  it(
    'reuses exactly what splitting gives, and the alignment splits the old English as the counter does',
    { tags: [CORPUS_TAG] },
    () => {
      const chapters = markdownFilesIn(`${CORPUS}/d2l-zh`).filter((file) => file.endsWith('_origin.md'));
      let reused = 0;
      chapters.forEach((originFile, index) => {
        const newFile = originFile.replace('/d2l-zh/', '/d2l-en-classic/').replace(/_origin\.md$/u, '.md');
        if (!existsSync(newFile)) return;
        const before = parseMarkdown(readFileSync(originFile, 'utf8'), originFile);
        const after = parseMarkdown(readFileSync(newFile, 'utf8'), newFile);
        const keys: readonly (readonly string[])[] = sentenceKeysByBlock(before, 'en');
        const expected = sentenceKeysByBlock(after, 'en');
        const got = newSentenceKeys(before, keys, after, 'en');
        expect(got, newFile).toEqual(expected);
        // Reused keys are the old block's own array.
        reused += got.filter((blockKeys) => blockKeys.length > 0 && keys.includes(blockKeys)).length;
        // The alignment is costly: every tenth chapter shows it splits the old English the same way.
        if (index % 10 !== 0) return;
        const target = parseMarkdown(readFileSync(originFile.replace(/_origin\.md$/u, '.md'), 'utf8'), originFile);
        const alignment = alignUnits(before, target, { sourceLanguage: 'en', targetLanguage: 'zh' });
        expect(alignedKeysByBlock(alignment, before.blocks.length), originFile).toEqual(keys);
      });
      expect(reused).toBeGreaterThan(1000);
    },
  );
});
