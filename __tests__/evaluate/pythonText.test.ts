import { describe, expect, it } from 'vitest';
import {
  codePoints,
  formatFixed,
  removeWhitespace,
  splitOnWhitespace,
  stripTrailingWhitespace,
  stripWhitespace,
} from '../../src/evaluate/pythonText.js';

describe('Python whitespace', () => {
  it('splits on str.isspace() characters only', () => {
    expect(splitOnWhitespace('\x1ca\x85b\u00a0c\u2028d\u3000e\ufeff\u200bf ')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e\ufeff\u200bf',
    ]);
    expect(splitOnWhitespace('   ')).toEqual([]);
  });

  it('strips like str.strip() and str.rstrip()', () => {
    expect(stripWhitespace('\u3000 x y\r\n\x0b')).toBe('x y');
    expect(stripTrailingWhitespace(' x \r')).toBe(' x');
    expect(stripTrailingWhitespace('x\ufeff')).toBe('x\ufeff');
  });

  it('removes whitespace for chrF and counts characters by code point', () => {
    expect(removeWhitespace(' a b\tc ')).toBe('abc');
    expect(codePoints('a😀𠀀')).toEqual(['a', '😀', '𠀀']);
  });
});

describe('formatFixed (Python f-string .Nf)', () => {
  it.each([
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [-0.5, 0, '-0'],
    [-0.125, 2, '-0.12'],
    [-0, 2, '-0.00'],
    [1.005, 2, '1.00'],
    [76.14788, 2, '76.15'],
    [0.9544, 3, '0.954'],
    [Number.NaN, 2, 'nan'],
    [Number.POSITIVE_INFINITY, 2, 'inf'],
  ])('%s to %i places is %s', (value, digits, expected) => {
    expect(formatFixed(value, digits)).toBe(expected);
  });
});
