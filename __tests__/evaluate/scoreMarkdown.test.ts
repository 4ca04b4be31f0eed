import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairProse, proseText, scoreMarkdownDocuments } from '../../src/evaluate/scoreMarkdown.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import type { Block, ParsedDocument } from '../../src/markdown/types.js';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';

const CHAPTER = 'd2l-zh/chapter_recurrent-modern/machine-translation-and-dataset';

function parseCorpus(relative: string): ParsedDocument {
  return parseMarkdown(readFileSync(join(FIXTURE_CORPUS, relative), 'utf8'), relative);
}

function score(hypothesis: ParsedDocument, reference: ParsedDocument, language = 'zh') {
  return scoreMarkdownDocuments([{ name: 'chapter', hypothesis, reference }], {
    language,
    tokenize: language === 'zh' ? 'zh' : '13a',
  });
}

/** Rebuilds a document with some blocks rewritten, then parses it again as a reader of the file would. */
function rewriteBlocks(document: ParsedDocument, rewrite: (block: Block) => string): ParsedDocument {
  return parseMarkdown(document.blocks.map(rewrite).join(''), `${document.path} (rewritten)`);
}

const reference = parseCorpus(`${CHAPTER}.md`);

describe('proseText', () => {
  it('keeps the words and leaves out inline code, math, roles and link targets', () => {
    const document = parseMarkdown(
      'Call `x.sum()` on $\\mathbf{x}$, see :numref:`sec_rnn` and [the **docs**](https://d2l.ai) \\* now.\n',
      'inline.md',
    );
    const prose = document.blocks.find((block) => block.kind === 'prose');
    expect(proseText(prose?.tokens ?? [])).toBe('Call on , see and the docs * now.');
  });
});

describe('scoreMarkdownDocuments on a d2l-zh chapter', () => {
  it('scores the chapter against itself at 100', () => {
    const report = score(reference, reference);
    expect(report.corpus.bleu).toBeCloseTo(100, 9);
    expect(report.corpus.chrf).toBeCloseTo(100, 9);
    expect(report.pairing['chapter']).toMatchObject({ joinedRegions: 0, hypothesisOnly: 0, referenceOnly: 0 });
    expect(report.corpus.segments).toBeGreaterThan(20);
  });

  it('scores a copy with changed wording below 100', () => {
    const perturbed = rewriteBlocks(reference, (block) =>
      block.kind === 'prose' ? block.source.replaceAll('我们', '咱们').replaceAll('数据集', '资料组') : block.source,
    );
    const report = score(perturbed, reference);
    expect(report.corpus.bleu).toBeLessThan(100);
    expect(report.corpus.bleu).toBeGreaterThan(50);
    expect(report.corpus.chrf).toBeLessThan(100);
  });

  it('ignores code cells, display math and inline math', () => {
    const perturbed = rewriteBlocks(reference, (block) =>
      block.kind === 'prose' ? block.source.replaceAll('我们', '咱们') : block.source,
    );
    const codeAndMathChanged = rewriteBlocks(perturbed, (block) => {
      if (block.kind === 'code') return block.source.replaceAll('d2l', 'dtl').replaceAll('# ', '# changed ');
      if (block.kind === 'math') return block.source.replaceAll('\\mathbf', '\\boldsymbol');
      if (block.kind !== 'prose' || block.tokens === undefined) return block.source;
      return block.tokens
        .map((token) =>
          token.kind === 'protected' && token.role !== 'escape'
            ? `${token.source.slice(0, -1)}z${token.source.slice(-1)}`
            : token.source,
        )
        .join('');
    });
    expect(codeAndMathChanged.text).not.toBe(perturbed.text);
    expect(score(codeAndMathChanged, reference).corpus.bleu).toBe(score(perturbed, reference).corpus.bleu);
    expect(score(codeAndMathChanged, reference).corpus.chrf).toBe(score(perturbed, reference).corpus.chrf);
  });

  it('charges a dropped paragraph instead of skipping it', () => {
    let dropped = false;
    const shorter = rewriteBlocks(reference, (block) => {
      if (!dropped && block.kind === 'prose' && block.context === 'paragraph' && block.source.length > 100) {
        dropped = true;
        return '';
      }
      return block.source;
    });
    expect(dropped).toBe(true);
    const report = score(shorter, reference);
    expect(report.corpus.bleu).toBeLessThan(100);
    expect(report.corpus.refLen).toBe(score(reference, reference).corpus.refLen);
  });
});

describe('pairProse between an original and its translation', () => {
  const origin = parseCorpus(`${CHAPTER}_origin.md`);

  it('pairs the English prose with the Chinese prose block by block, leaving out the Paddle-only tabs', () => {
    const toChinese = pairProse(origin, reference, 'zh');
    const toEnglish = pairProse(reference, origin, 'en');
    expect(toChinese.hypotheses.length).toBe(toChinese.references.length);
    expect(toChinese.stats.pairedBlocks).toBeGreaterThan(20);
    expect(toChinese.stats).toMatchObject({ hypothesisOnly: 0, referenceOnly: 0 });
    expect(toEnglish.stats).toEqual(toChinese.stats);
    expect(toChinese.references.join('')).not.toMatch(/paddle/iu);
  });
});
