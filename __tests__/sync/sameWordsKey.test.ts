import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { sameWordsKey } from '../../src/sync/sameWordsKey.js';
import { sentenceKey } from '../../src/sync/sentenceKey.js';
import { structureUnits } from '../../src/sync/structureUnits.js';

/** The definition sameWordsKey keeps to, without its shortcuts. */
function reference(text: string): string {
  return text
    .replace(/\[\*\*|\*\*\]|\(\*\*|\*\*\)|\(~~|~~\)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Texts of up to 13 pieces, dense with markers and white space of every kind, the same ones every run. */
function generatedTexts(count: number): string[] {
  const pieces = ['a', 'word', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '[**', '**]', '(**', '**)', '(~~', '~~)'];
  const more = ['*', '~', '[', ']', '(', ')', '**', '~~', '中文', '。', 'x\r\ny'];
  let seed = 7;
  const next = (limit: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % limit;
  };
  const all = [...pieces, ...more];
  const texts: string[] = [];
  for (let round = 0; round < count; round += 1) {
    let text = '';
    for (let index = next(12); index >= 0; index -= 1) text += all[next(all.length)];
    texts.push(text);
  }
  return texts;
}

describe('sameWordsKey', () => {
  it('equals its definition on text dense with markers and white space of every kind', () => {
    for (const text of generatedTexts(5000)) expect(sameWordsKey(text), JSON.stringify(text)).toBe(reference(text));
  });
});

describe('sentenceKey', () => {
  it('equals its definition (white space folded, ends trimmed) on the same texts', () => {
    for (const text of generatedTexts(5000))
      expect(sentenceKey(text), JSON.stringify(text)).toBe(text.replace(/\s+/gu, ' ').trim());
  });
});

describe('structureUnits', () => {
  it('computes a document’s units once per set of target-only tabs', () => {
    const document = parseMarkdown('# Title\n\nSome text.\n\n```python\n#@tab paddle\nx = 1\n```\n', 'x.md');
    const plain = structureUnits(document, new Set());
    expect(structureUnits(document, new Set())).toBe(plain);
    const paddle = structureUnits(document, new Set(['paddle']));
    expect(paddle).not.toBe(plain);
    expect(paddle.map((unit) => unit.targetOnly)).toEqual([false, false, true]);
    expect(plain.map((unit) => unit.targetOnly)).toEqual([false, false, false]);
    expect(structureUnits(parseMarkdown(document.text, 'x.md'), new Set())).not.toBe(plain);
  });
});
