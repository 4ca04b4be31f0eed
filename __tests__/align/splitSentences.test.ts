import { describe, expect, it } from 'vitest';
import { foldLineBreaks, splitSentences } from '../../src/align/splitSentences.js';
import { handTokens } from './handTokens.js';

function sentences(text: string, language: string): string[] {
  return splitSentences(handTokens(text), language).map((sentence) => sentence.text);
}

describe('splitSentences (English)', () => {
  it('does not split after abbreviations, initials and decimals', () => {
    expect(sentences('See Fig. 3.1 for details. Methods, e.g. SGD, converge. Pi is 3.14 here.', 'en')).toEqual([
      'See Fig. 3.1 for details.',
      'Methods, e.g. SGD, converge.',
      'Pi is 3.14 here.',
    ]);
    expect(sentences('As shown by Smith et al. (2018), i.e. Ours works vs. Theirs. Done.', 'en')).toEqual([
      'As shown by Smith et al. (2018), i.e. Ours works vs. Theirs.',
      'Done.',
    ]);
  });

  it('never splits inside protected tokens and keeps markup as written', () => {
    expect(sentences('We set $a. B$ and call `x. Y` here. *Next* one :numref:`sec_a.b`. Last?', 'en')).toEqual([
      'We set $a. B$ and call `x. Y` here.',
      '*Next* one :numref:`sec_a.b`.',
      'Last?',
    ]);
  });

  it('keeps a lower-case continuation and closing quotes with the sentence', () => {
    expect(sentences('It said "stop." Then it stopped. i) One. ii) two.', 'en')).toEqual([
      'It said "stop."',
      'Then it stopped. i) One. ii) two.',
    ]);
  });

  it('folds line breaks into single spaces and reports exact offsets', () => {
    const text = 'So far we have\nseen it. \nNext we\n  go on.';
    const tokens = handTokens(text);
    const spans = splitSentences(tokens, 'en');
    expect(spans.map((span) => span.text)).toEqual(['So far we have seen it.', 'Next we go on.']);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual([
      'So far we have\nseen it.',
      'Next we\n  go on.',
    ]);
  });

  it('handles Spanish opening marks', () => {
    expect(sentences('Es fácil, p. ej. así. ¿Por qué? ¡Porque sí!', 'es')).toEqual([
      'Es fácil, p. ej. así.',
      '¿Por qué?',
      '¡Porque sí!',
    ]);
  });
});

describe('splitSentences (Chinese and Japanese)', () => {
  it('joins lines broken mid-sentence with nothing and splits at 。！？ with closing quotes', () => {
    expect(
      sentences('例如，在 :numref:`sec_a`中，\n我们调用了`detach`函数。\n他说：“好。”然后走了！对吗？', 'zh'),
    ).toEqual(['例如，在 :numref:`sec_a`中，我们调用了`detach`函数。', '他说：“好。”', '然后走了！', '对吗？']);
  });

  it('does not split at ；or ：', () => {
    expect(sentences('（1）$A$；（2）$C$。问题：为什么？', 'zh')).toEqual(['（1）$A$；（2）$C$。', '问题：为什么？']);
  });

  it('splits Japanese at 。', () => {
    expect(sentences('これはペンです。あれは本です。', 'ja')).toEqual(['これはペンです。', 'あれは本です。']);
  });

  it('keeps a space where a break sits next to Latin text', () => {
    const tokens = handTokens('使用\nBPTT\n方法');
    expect(foldLineBreaks(tokens, 0, 12, 'zh')).toBe('使用 BPTT 方法');
  });
});
