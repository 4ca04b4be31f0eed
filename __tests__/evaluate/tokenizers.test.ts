import { describe, expect, it } from 'vitest';
import {
  isTokenizerName,
  tokenize,
  tokenize13a,
  tokenizerForLanguage,
  tokenizeZh,
  type TokenizerName,
} from '../../src/evaluate/index.js';
import { isZhTokenizerCharacter } from '../../src/evaluate/tokenizers.js';

/** [input, sacreBLEU 13a output, sacreBLEU zh output], recorded by running sacreBLEU 2.6.0's tokenizers. */
const RECORDED: readonly (readonly [string, string, string])[] = [
  ['Hello, world!', 'Hello , world !', 'Hello , world !'],
  ['It costs $3.50, or 1,000.5 yen.', 'It costs $ 3.50 , or 1,000.5 yen .', 'It costs $ 3.50 , or 1,000.5 yen .'],
  ['x-1 and 3-4 and well-known', 'x-1 and 3 - 4 and well-known', 'x-1 and 3 - 4 and well-known'],
  // 13a pads the line with spaces, so a leading period splits off there but not in zh.
  ['.5 starts with a period', '. 5 starts with a period', '.5 starts with a period'],
  ['end.', 'end .', 'end .'],
  // Only 13a unescapes entities and drops <skipped> and hyphen-newline.
  ['A&amp;B &lt;tag&gt; &quot;q&quot;', 'A & B < tag > " q "', 'A & amp ; B & lt ; tag & gt ; & quot ; q & quot ;'],
  ['<skipped>gone', 'gone', '< skipped > gone'],
  ['hyphen-\nated\nline', 'hyphenated line', 'hyphen- ated line'],
  [
    "don't (hi) [x] {y} ~z `c` @a #b",
    "don't ( hi ) [ x ] { y } ~ z ` c ` @ a # b",
    "don't ( hi ) [ x ] { y } ~ z ` c ` @ a # b",
  ],
  // Python whitespace: tab, NBSP, ideographic and em spaces separate words ...
  ['tab\tand\u00a0nbsp\u3000ideo\u2003em', 'tab and nbsp ideo em', 'tab and nbsp ideo em'],
  // ... so do U+001C and U+0085, which JavaScript's \s does not know ...
  ['file\u001cseparator\u0085next', 'file separator next', 'file separator next'],
  // ... while U+200B and U+FEFF are not whitespace (U+200B is in zh's widened CJK range).
  ['non\u200bbreaking zero-width', 'non\u200bbreaking zero-width', 'non \u200b breaking zero-width'],
  ['\ufeffBOM', '\ufeffBOM', '\ufeffBOM'],
  // U+20000 is outside zh's ranges as Python evaluates them, emoji too.
  ['emoji 😀 and 𠀀', 'emoji 😀 and 𠀀', 'emoji 😀 and 𠀀'],
  [
    '我们在 :numref:`sec_rnn_scratch`中，使用了detach函数。',
    '我们在 : numref : ` sec _ rnn _ scratch ` 中，使用了detach函数。',
    '我 们 在 : numref : ` sec _ rnn _ scratch ` 中 ， 使 用 了 detach 函 数 。',
  ],
  ['“引号”—破折号…省略', '“引号”—破折号…省略', '“ 引 号 ” — 破 折 号 … 省 略'],
  ['Unicode→arrow ∑ sum ① circled', 'Unicode→arrow ∑ sum ① circled', 'Unicode → arrow ∑ sum ① circled'],
  ['ｆｕｌｌ　ｗｉｄｔｈ，ＡＢＣ', 'ｆｕｌｌ ｗｉｄｔｈ，ＡＢＣ', 'ｆ ｕ ｌ ｌ ｗ ｉ ｄ ｔ ｈ ， Ａ Ｂ Ｃ'],
  ['3.14159是圆周率', '3.14159是圆周率', '3.14159 是 圆 周 率'],
  ['中文,English.混合', '中文 , English . 混合', '中 文 , English . 混 合'],
  ['   leading and trailing   ', 'leading and trailing', 'leading and trailing'],
  ['', '', ''],
  [
    '$\\partial h_t/\\partial w_h$',
    '$ \\ partial h _ t / \\ partial w _ h $',
    '$ \\ partial h _ t / \\ partial w _ h $',
  ],
  ['e.g. U.S.A. 1.2.3', 'e . g . U . S . A . 1.2.3', 'e . g . U . S . A . 1.2.3'],
];

describe('13a tokenizer', () => {
  it.each(RECORDED.map(([input, expected]) => [input, expected] as const))('%j -> %j', (input, expected) => {
    expect(tokenize13a(input)).toBe(expected);
    expect(tokenize(input, '13a')).toBe(expected);
  });
});

describe('zh tokenizer', () => {
  it.each(RECORDED.map(([input, , expected]) => [input, expected] as const))('%j -> %j', (input, expected) => {
    expect(tokenizeZh(input)).toBe(expected);
    expect(tokenize(input, 'zh')).toBe(expected);
  });

  it('treats the ranges sacreBLEU actually tests as Chinese, including its widened U+2001–U+2A6D', () => {
    for (const character of ['\u3400', '中', '\u9fa5', '\u9fbb', '，', '。', '\u2001', '\u2a6d', '\u2f81', '\u33ff']) {
      expect(isZhTokenizerCharacter(character), character.codePointAt(0)?.toString(16)).toBe(true);
    }
    for (const character of ['a', '\u2000', '\u2a6e', '\u4db6', '\ufff0', '\u{20000}', '\u{2a6d6}', '😀', '']) {
      expect(isZhTokenizerCharacter(character), character.codePointAt(0)?.toString(16)).toBe(false);
    }
  });
});

describe('none tokenizer and selection', () => {
  it('returns the line untouched', () => {
    expect(tokenize('  a,b.  \n', 'none')).toBe('  a,b.  \n');
  });

  it('defaults to 13a', () => {
    expect(tokenize('a,b.')).toBe('a , b .');
  });

  it('rejects unknown names with the list of known ones', () => {
    expect(() => tokenize('x', 'intl' as TokenizerName)).toThrow(/Unknown tokenizer "intl".*13a, zh, none/);
    expect(isTokenizerName('zh')).toBe(true);
    expect(isTokenizerName('intl')).toBe(false);
  });

  it('picks zh for Chinese targets and 13a otherwise', () => {
    expect(tokenizerForLanguage('zh')).toBe('zh');
    expect(tokenizerForLanguage('zh-TW')).toBe('zh');
    expect(tokenizerForLanguage('ZH_cn')).toBe('zh');
    expect(tokenizerForLanguage('de')).toBe('13a');
  });
});
