import { describe, expect, it } from 'vitest';
import { countNonWhitespace, isWhitespaceCode } from '../../src/text/countNonWhitespace.js';

describe('isWhitespaceCode', () => {
  it('agrees with \\s on every UTF-16 unit', () => {
    const disagreeing: number[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      if (/\s/u.test(String.fromCharCode(code)) !== isWhitespaceCode(code)) disagreeing.push(code);
    }
    expect(disagreeing).toEqual([]);
  });
});

describe('countNonWhitespace', () => {
  it.each([
    ['', 0],
    ['  \t\n', 0],
    ['a b', 2],
    ['深度 学习\n模型', 6],
    ['x\u00a0y\u3000z\ufeff', 3],
    ['😀 a', 3],
  ])('counts %j as %i', (text, expected) => {
    expect(countNonWhitespace(text)).toBe(expected);
    expect(countNonWhitespace(text)).toBe(text.replace(/\s+/gu, '').length);
  });
});
