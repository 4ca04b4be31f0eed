import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findDisplayMath, maskDisplayMath } from '../../src/markdown/findDisplayMath.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { scanBlocks } from '../../src/markdown/scanBlocks.js';
import { NeedsFullParser } from '../../src/markdown/scanInline.js';
import { CORPUS, corpusName, markdownFilesIn } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

/**
 * The fast scanner must give exactly what remark gives, or step aside. These tests compare the two
 * on every corpus file and on generated Markdown dense with the constructs whose rules are subtle
 * (delimiter runs, links in links, code spans against everything, strike-through against emphasis).
 */

/** Listed when a test runs, not on import: where the corpus is missing its tests are skipped and nothing is read. */
const corpusFiles = (): string[] => markdownFilesIn(CORPUS);

function scannerTakes(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  try {
    scanBlocks(maskDisplayMath(body, findDisplayMath(body).blocks));
    return true;
  } catch (error) {
    if (error instanceof NeedsFullParser) return false;
    throw error;
  }
}

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function firstDifference(text: string): string | null {
  const fast = parseMarkdown(text, 'x.md');
  const full = parseMarkdown(text, 'x.md', 'remark');
  if (isDeepStrictEqual(fast, full)) return null;
  const index = fast.blocks.findIndex((block, at) => !isDeepStrictEqual(block, full.blocks[at]));
  return `${JSON.stringify(text)}\n fast: ${JSON.stringify(fast.blocks[index])}\n full: ${JSON.stringify(full.blocks[index])}`;
}

const PIECES = [
  '*',
  '*',
  '_',
  '_',
  '**',
  '***',
  '__',
  '`',
  '``',
  '$',
  '$$',
  '[',
  ']',
  '](u)',
  '](http://a.b "t")',
  '(',
  ')',
  '![',
  '<',
  '<i>',
  '</i>',
  '<http://x.y>',
  '<a@b.c>',
  '\\',
  '\\*',
  '\\$',
  '\\\\$',
  '&amp;',
  '\n',
  '\n',
  '  \n',
  ' ',
  ' ',
  'a',
  'b',
  'foo',
  '中',
  '。',
  '（',
  '）',
  ':',
  '.',
  ',',
  '-',
  '- ',
  '1. ',
  '   ',
  '# ',
  '\n\n',
  '\n  ',
  '\n    ',
  '[**',
  '**]',
  '~',
  '~~',
  '~~~',
  '(~~',
  '~~)',
];

describe('the fast Markdown scanner', () => {
  it(
    'gives remark’s blocks and tokens for every corpus file it takes, and takes most of them',
    { tags: [CORPUS_TAG] },
    () => {
      const files = corpusFiles();
      const taken = files.filter((file) => scannerTakes(readFileSync(file, 'utf8')));
      const differing = taken.filter((file) => {
        const text = readFileSync(file, 'utf8');
        return !isDeepStrictEqual(
          parseMarkdown(text, corpusName(file)),
          parseMarkdown(text, corpusName(file), 'remark'),
        );
      });
      expect(differing.map(corpusName)).toEqual([]);
      expect(taken.length / files.length).toBeGreaterThan(0.9);
    },
  );

  it('agrees with remark on 5,000 generated snippets dense with inline syntax', () => {
    const next = random(20261127);
    const differences: string[] = [];
    let taken = 0;
    for (let run = 0; run < 5000; run += 1) {
      let text = '';
      const length = 2 + Math.floor(next() * 25);
      for (let piece = 0; piece < length; piece += 1) text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
      if (scannerTakes(text)) taken += 1;
      const difference = firstDifference(text);
      if (difference) differences.push(difference);
    }
    expect(differences.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(2000);
  });

  it('agrees with remark on 2,000 corpus excerpts with random edits', { tags: [CORPUS_TAG] }, () => {
    const next = random(7);
    const sample = corpusFiles()
      .filter((_, index) => index % 7 === 0)
      .map((file) => readFileSync(file, 'utf8').split('\n'));
    const differences: string[] = [];
    for (let run = 0; run < 2000; run += 1) {
      const lines = sample[Math.floor(next() * sample.length)] ?? [];
      const from = Math.floor(next() * lines.length);
      let text = lines.slice(from, from + 1 + Math.floor(next() * 12)).join('\n');
      for (let edit = 0; edit < 1 + Math.floor(next() * 5); edit += 1) {
        const at = Math.floor(next() * (text.length + 1));
        text =
          next() < 0.7
            ? text.slice(0, at) + (PIECES[Math.floor(next() * PIECES.length)] ?? '') + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
      }
      const difference = firstDifference(text);
      if (difference) differences.push(difference);
    }
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('agrees with remark on 3,000 generated lists whose lines miss some of the open items', () => {
    // Lines under a list item at every indentation, starting items of every kind or continuing text lazily: where a
    // line that misses an item starts a list item, the missed items end; otherwise it continues their paragraph.
    const next = random(1036);
    const pick = (choices: readonly string[]): string => choices[Math.floor(next() * choices.length)] ?? '';
    const markers = ['- ', '* ', '+ ', '1. ', '2. ', '5. ', '10) ', '-', '* * *', '- - -', '1.', '-  ', '#', '> ', '='];
    const texts = ['a', 'text here', '$x$', '`c`', '[l](u)', '**b**', '中文。', '---', '==='];
    const differences: string[] = [];
    let taken = 0;
    for (let run = 0; run < 3000; run += 1) {
      const lines: string[] = [];
      for (let line = 2 + Math.floor(next() * 6); line > 0; line -= 1) {
        const indent = ' '.repeat(Math.floor(next() * 7));
        lines.push(next() < 0.6 ? indent + pick(markers) + pick(texts) : indent + pick(texts));
        if (next() < 0.1) lines.push('');
      }
      const text = lines.join('\n');
      if (scannerTakes(text)) taken += 1;
      const difference = firstDifference(text);
      if (difference) differences.push(difference);
    }
    expect(differences.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(600);
  });

  it('agrees with remark on 1,500 generated tables with ragged rows and inline content', () => {
    const next = random(99);
    const pick = (choices: readonly string[]): string => choices[Math.floor(next() * choices.length)] ?? '';
    const inline = [
      'a',
      'b c',
      '*x*',
      '`c|d`',
      '\\|',
      '$m$',
      '$\\$m$',
      ' ',
      '',
      '[l](u)',
      '**',
      '|',
      '中文',
      '- ',
      '#',
      '>',
    ];
    const cell = (): string => Array.from({ length: Math.floor(next() * 4) }, () => pick(inline)).join('');
    const row = (cells: number): string =>
      (next() < 0.2 ? '  ' : '') +
      (next() < 0.7 ? '|' : '') +
      Array.from({ length: cells }, cell).join(pick(['|', ' | '])) +
      (next() < 0.7 ? '|' : '');
    const delimiter = (cells: number): string =>
      (next() < 0.7 ? '|' : '') +
      Array.from({ length: cells }, () => pick(['---', ':-', '-:', ':---:', ' -- ', '-'])).join('|') +
      (next() < 0.7 ? '|' : '');
    const differences: string[] = [];
    let taken = 0;
    for (let run = 0; run < 1500; run += 1) {
      const cells = 1 + Math.floor(next() * 3);
      const lines = [
        pick(['', 'para\n', '# h\n', '```\nx\n```\n']),
        row(cells + (next() < 0.1 ? 1 : 0)),
        delimiter(cells),
      ];
      for (let body = Math.floor(next() * 4); body > 0; body -= 1)
        lines.push(row(Math.max(1, cells + Math.floor(next() * 3) - 1)));
      lines.push(pick(['', 'tail', '- item', '    x']));
      const text = lines.join('\n');
      if (scannerTakes(text)) taken += 1;
      const difference = firstDifference(text);
      if (difference) differences.push(difference);
    }
    expect(differences.slice(0, 3)).toEqual([]);
    expect(taken).toBeGreaterThan(300);
  });

  it.each([
    ['emphasis and strong nested', '***a*** and **b *c* d**'],
    ['the rule of three', '*foo**bar**baz*'],
    ['intraword underscores', 'snake_case_name and _real emphasis_'],
    ['a link in a link is text', '[a [b](u) c](v)'],
    ['an image inside a link', '[![alt `x`](img.png)](http://a.b)'],
    ['a code span wins over a link', '[foo`]`](u)'],
    ['strike-through before emphasis', '~~a *b~~ c*'],
    ['slide markers', '[**Slide text**] and (~~hidden~~)'],
    ['a list with lazy and nested lines', '1. one\ncontinued\n   - two\n     more\n2. three\n'],
    ['a fence inside a list item', '- item\n\n  ```python\n  x = 1\n  ```\n- next\n'],
    ['headings with closing hashes', '## Title ##\n# #\n### a \\#\n'],
    ['a link whose text ends a line', '[a *b*\n  ](u) c'],
    ['setext headings', 'Title\n=====\n\nTwo *lines*\nof title\n---\n'],
    ['a block quote with a lazy line', '> quoted *text*\nlazy line\n>\n> more\n\nafter'],
    ['tab-indented lines inside a paragraph', 'xxxx\n\txxxx\n\tmore $x$\n'],
    ['a link with escapes in its address', '[a\\_b](a\\_b) and [t](u\\(v) c'],
    ['escaped dollars inside and outside math', 'Profit $\\$10 \\pm \\$1$ per \\$5, `\\$` and \\\\$x$ or $y\\\\$.'],
    ['a table with escaped pipes and ragged rows', '| a | `b` |\n|:--|--:|\n| 1 \\| 2 | *x* |\n| 3 |\n|\n\ntext\n'],
    ['a link whose text breaks a line', 'In a famous [blog\npost](https://sifter.org/~simon/journal/20061211.html) c'],
    ['items under an item they do not reach', '4. Which sets?\n * $a$\n * $b$\n5. Suppose $A$.\n   More.\n'],
  ])('takes %s and matches remark', (_, text) => {
    expect(scannerTakes(text)).toBe(true);
    expect(firstDifference(text)).toBeNull();
  });

  it.each([
    ['a table right after a paragraph line', 'text\n| a | b |\n|---|---|\n| 1 | 2 |\n'],
    ['a list inside a block quote', '> - item\n'],
    ['a lone dash under a paragraph', 'text\n-\n'],
    ['an HTML block', '<div>\nx\n</div>\n'],
    ['indented code', 'text\n\n    code\n'],
    ['a reference definition', '[a]: http://x\n\n[a]\n'],
    ['an unclosed fence', '```\ncode\n'],
  ])('leaves %s to remark, with the same result', (_, text) => {
    expect(scannerTakes(text)).toBe(false);
    expect(firstDifference(text)).toBeNull();
  });
});
