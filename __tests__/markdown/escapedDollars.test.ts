import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { maskEscapedDollars } from '../../src/markdown/maskEscapedDollars.js';
import { parseMarkdown, type ParserChoice } from '../../src/markdown/parseMarkdown.js';
import { translateDocuments } from '../../src/translate/translateDocument.js';
import { CORPUS } from '../helpers/corpus.js';
import { protectedTokenCounts } from '../helpers/protectedTokens.js';

/** Pandoc's and d2lbook's rule: `\$` is a literal dollar, inside math as outside, and never opens or closes it. */

function pieces(text: string, parser: ParserChoice): string[] {
  return parseMarkdown(text, 'x.md', parser).blocks.flatMap((block) =>
    (block.tokens ?? []).map((token) => `${token.kind === 'protected' ? token.role : token.kind}:${token.source}`),
  );
}

describe.each<ParserChoice>(['auto', 'remark'])('an escaped dollar (%s parser)', (parser) => {
  it('stays inside the formula it stands in', () => {
    expect(pieces('Making $\\$10 \\pm \\$1$ per sale.', parser)).toEqual([
      'text:Making ',
      'math:$\\$10 \\pm \\$1$',
      'text: per sale.',
    ]);
  });

  it('is a literal dollar outside math and opens nothing', () => {
    expect(pieces('From \\$0 to \\$50,000 and $x$.', parser)).toEqual([
      'text:From ',
      'escape:\\$',
      'text:0 to ',
      'escape:\\$',
      'text:50,000 and ',
      'math:$x$',
      'text:.',
    ]);
  });

  it('is not escaped by an escaped backslash, in math or outside', () => {
    expect(pieces('A \\\\$x$ and $y \\\\$ end.', parser)).toEqual([
      'text:A ',
      'escape:\\\\',
      'math:$x$',
      'text: and ',
      'math:$y \\\\$',
      'text: end.',
    ]);
  });

  it('is two characters of a code span, which it does not close', () => {
    expect(pieces('Run `echo \\$HOME` and pay \\$5.', parser)).toEqual([
      'text:Run ',
      'code:`echo \\$HOME`',
      'text: and pay ',
      'escape:\\$',
      'text:5.',
    ]);
  });

  it('does not close display math at the end of a line', () => {
    const blocks = parseMarkdown('$$ a = \\$$\nb = 1 $$\n\nText.\n', 'x.md', parser).blocks;
    expect(blocks.filter((block) => block.kind === 'math').map((block) => block.source)).toEqual([
      '$$ a = \\$$\nb = 1 $$',
    ]);
  });
});

describe('the mask remark parses', () => {
  it('turns each escaped dollar, and only those, into an escaped percent sign of the same length', () => {
    const text = 'a \\$1 $\\$2$ \\\\$3$ \\\\\\$4 `\\$`';
    const masked = maskEscapedDollars(text);
    expect(masked).toBe('a \\%1 $\\%2$ \\\\$3$ \\\\\\%4 `\\%`');
    expect(masked).toHaveLength(text.length);
  });
});

describe('random-variables.md of d2l-en', () => {
  const path = join(CORPUS, 'd2l-en/chapter_appendix-mathematics-for-deep-learning/random-variables.md');
  const text = readFileSync(path, 'utf8');
  const document = parseMarkdown(text, 'random-variables.md');

  it('keeps every protected piece under the pseudo engine, its dollar amounts whole', async () => {
    const result = await translateDocuments([document], createPseudoEngine(), 'en', 'zh');
    const translated = result.documents[0];
    expect(translated?.failures).toEqual([]);
    expect(translated?.translatedUnits).toBeGreaterThan(100);
    const output = translated?.text ?? '';
    expect(output).not.toContain('per sale');
    expect(output).toContain(' $\\$10 \\pm \\$1$ ');
    expect(output).toContain(' $\\$10 \\pm \\$15$ ');
    const expected = protectedTokenCounts(text);
    expect(expected.get('$\\$10 \\pm \\$1$')).toBe(1);
    expect(protectedTokenCounts(output)).toEqual(expected);
  });

  it('comes back byte for byte through the identity engine', async () => {
    const result = await translateDocuments([document], createIdentityEngine(), 'en', 'zh');
    expect(result.documents[0]?.text).toBe(text);
  });
});
