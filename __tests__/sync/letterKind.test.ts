import { describe, expect, it } from 'vitest';
import { IS_CJK, IS_LETTER, IS_WIDE, letterKind } from '../../src/sync/checkChapter.js';

describe('letterKind', () => {
  it('tells letters and CJK letters apart exactly as the Unicode property escapes do, for every code point', () => {
    const letter = /\p{L}/u;
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    for (let point = 0; point <= 0x10ffff; point += point < 0x30000 ? 1 : 97) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const character = String.fromCodePoint(point);
      const kind = letterKind(character, 0);
      const expected =
        (letter.test(character) ? IS_LETTER | (cjk.test(character) ? IS_CJK : 0) : 0) | (point > 0xffff ? IS_WIDE : 0);
      if (kind !== expected)
        expect({ point: point.toString(16), kind }).toEqual({ point: point.toString(16), kind: expected });
    }
  });

  it('reads a lone surrogate as no letter', () => {
    expect(letterKind('\ud840x', 0)).toBe(0);
    expect(letterKind('\udc00', 0)).toBe(0);
  });
});
