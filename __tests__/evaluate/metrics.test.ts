import { describe, expect, it } from 'vitest';
import {
  bleuSignature,
  chrfSignature,
  computeBleu,
  corpusBleu,
  corpusChrf,
  formatBleuLine,
  formatChrfLine,
  sentenceBleu,
  sentenceChrf,
  type BleuOptions,
  type ChrfOptions,
} from '../../src/evaluate/index.js';

// Expected numbers below were recorded from sacreBLEU 2.6.0 (sacrebleu.metrics.BLEU / CHRF) on the same inputs.
const HYPOTHESES = ['The cat sat on the mat.', 'A quick brown fox jumps.', 'Hello there'];
const TWO_REFERENCES = [
  ['The cat is on the mat.', 'The quick brown fox jumped over.', 'Hello there!'],
  ['There is a cat on the mat.', 'A fast brown fox jumps.', 'hi there'],
];

const NO_HIGH_ORDER_MATCH = ['THE CAT sat on a mat', 'dogs bark loudly at night'];
const ITS_REFERENCE = [['the cat sat on the mat', 'dogs bark at night']];

function expectNumbers(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, index) => expect(actual[index]).toBeCloseTo(value, 9));
}

describe('corpusBleu', () => {
  it('takes the best clipped counts and closest length over two references', () => {
    const score = corpusBleu(HYPOTHESES, TWO_REFERENCES);
    expect(score.score).toBeCloseTo(57.73502691896257, 9);
    expectNumbers(score.precisions, [93.33333333333333, 75.0, 55.55555555555556, 28.571428571428573]);
    expect(score.counts).toEqual([14, 9, 5, 2]);
    expect(score.totals).toEqual([15, 12, 9, 7]);
    expect([score.bp, score.sysLen, score.refLen]).toEqual([1, 15, 15]);
    expect(score.signature).toBe('nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0');
  });

  it('applies the brevity penalty with one reference', () => {
    const score = corpusBleu(HYPOTHESES, [TWO_REFERENCES[0] ?? []]);
    expect(score.score).toBeCloseTo(33.79021387400811, 9);
    expect(score.bp).toBeCloseTo(0.8751733190429475, 12);
  });

  it('reports nrefs:var when a segment lacks a reference', () => {
    const references = [TWO_REFERENCES[0] ?? [], ['There is a cat on the mat.', null, 'hi there']];
    const score = corpusBleu(HYPOTHESES, references);
    expect(score.score).toBeCloseTo(36.11968100149042, 9);
    expect(score.signature).toBe('nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0');
  });

  it.each<[string, BleuOptions, number, number[], string]>([
    ['exp', {}, 16.59038701421971, [63.63636363636363, 33.333333333333336, 7.142857142857143, 5.0], 'smooth:exp'],
    [
      'floor',
      { smoothMethod: 'floor' },
      8.82325871864541,
      [63.63636363636363, 33.333333333333336, 1.4285714285714286, 2.0],
      'smooth:floor[0.10]',
    ],
    [
      'add-k',
      { smoothMethod: 'add-k' },
      26.985534666825092,
      [63.63636363636363, 40.0, 12.5, 16.666666666666668],
      'smooth:add-k[1.00]',
    ],
    ['none', { smoothMethod: 'none' }, 0, [63.63636363636363, 33.333333333333336, 0, 0], 'smooth:none'],
    [
      'lowercase',
      { lowercase: true },
      40.145310162592594,
      [81.81818181818181, 55.55555555555556, 28.571428571428573, 20.0],
      'case:lc',
    ],
  ])('smooths zero matches like sacreBLEU: %s', (_label, options, expected, precisions, signaturePart) => {
    const score = corpusBleu(NO_HIGH_ORDER_MATCH, ITS_REFERENCE, options);
    expect(score.score).toBeCloseTo(expected, 9);
    expectNumbers(score.precisions, precisions);
    expect(score.signature).toContain(signaturePart);
  });

  it('honours tokenize none, max n-gram order and a custom floor value', () => {
    expect(corpusBleu(HYPOTHESES, TWO_REFERENCES, { tokenize: 'none' }).score).toBeCloseTo(39.25121365052661, 9);
    const bigram = corpusBleu(HYPOTHESES, TWO_REFERENCES, { maxNgramOrder: 2 });
    expect(bigram.score).toBeCloseTo(83.66600265340755, 9);
    expect(bigram.precisions).toHaveLength(2);
    expect(bleuSignature({ smoothMethod: 'floor', smoothValue: 0.2 }, 2)).toBe(
      'nrefs:2|case:mixed|eff:no|tok:13a|smooth:floor[0.20]|version:2.6.0',
    );
  });

  it('scores identical text 100 and an empty hypothesis 0', () => {
    expect(corpusBleu(['a b c d e'], [['a b c d e']]).score).toBeCloseTo(100, 9);
    const empty = corpusBleu([''], [['a b c']]);
    expect([empty.score, empty.bp, empty.sysLen, empty.refLen]).toEqual([0, 0, 0, 3]);
  });

  it('rejects misaligned or missing references', () => {
    expect(() => corpusBleu(['a', 'b'], [['a']])).toThrow(
      'Reference stream 1 has 1 segments but there are 2 hypotheses',
    );
    expect(() => corpusBleu(['a'], [])).toThrow(/No reference stream/);
    expect(() => corpusBleu([], [[]])).toThrow(/No hypotheses/);
    expect(() => corpusBleu(['a'], [[null]])).toThrow('Segment 1 has no reference');
    expect(() => corpusBleu(['a'], [['a']], { maxNgramOrder: 0 })).toThrow(/maxNgramOrder/);
  });

  it('prints the score line sacreBLEU prints', () => {
    expect(formatBleuLine(corpusBleu(HYPOTHESES, [TWO_REFERENCES[0] ?? []]))).toBe(
      'BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 33.79 80.0/58.3/33.3/14.3 ' +
        '(BP = 0.875 ratio = 0.882 hyp_len = 15 ref_len = 17)',
    );
  });
});

describe('sentenceBleu', () => {
  it.each<[string, string[], number, number[]]>([
    ['Hello there', ['Hello there!'], 60.653065971263366, [100, 100, 0, 0]],
    ['cat', ['cat'], 100, [100, 0, 0, 0]],
    ['', ['something'], 0, [0, 0, 0, 0]],
    ['the the the', ['the cat'], 27.516060407455225, [33.333333333333336, 25, 25, 0]],
  ])('%j against %j', (hypothesis, references, expected, precisions) => {
    const score = sentenceBleu(hypothesis, references);
    expect(score.score).toBeCloseTo(expected, 9);
    expectNumbers(score.precisions, precisions);
    expect(score.signature).toBe('nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0');
  });

  it('uses several references of one sentence', () => {
    const score = sentenceBleu('A quick brown fox jumps.', [
      'The quick brown fox jumped over.',
      'A fast brown fox jumps.',
    ]);
    expect(score.score).toBeCloseTo(66.87403049764218, 9);
    expect(score.signature.startsWith('nrefs:2|')).toBe(true);
  });
});

describe('computeBleu', () => {
  it('scores summed statistics directly', () => {
    const score = computeBleu({ sysLen: 15, refLen: 17, correct: [12, 7, 3, 1], total: [15, 12, 9, 7] });
    expect(score.score).toBeCloseTo(33.79021387400811, 9);
  });
});

describe('corpusChrf', () => {
  it.each<[string, ChrfOptions, number, string, string]>([
    ['chrF', {}, 72.72019046082764, 'chrF2', 'nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0'],
    [
      'chrF++',
      { wordOrder: 2 },
      72.65777830156009,
      'chrF2++',
      'nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0',
    ],
    [
      'whitespace',
      { whitespace: true },
      77.0246599580664,
      'chrF2',
      'nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:yes|version:2.6.0',
    ],
    [
      'eps',
      { epsSmoothing: true },
      72.72006568858977,
      'chrF2',
      'nrefs:2|case:mixed|eff:no|nc:6|nw:0|space:no|version:2.6.0',
    ],
    ['beta 1', { beta: 1 }, 72.53937686166368, 'chrF1', 'nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0'],
    [
      'lowercase chrF++',
      { lowercase: true, wordOrder: 2 },
      72.65777830156009,
      'chrF2++',
      'nrefs:2|case:lc|eff:yes|nc:6|nw:2|space:no|version:2.6.0',
    ],
  ])('%s over two references', (_label, options, expected, name, signature) => {
    const score = corpusChrf(HYPOTHESES, TWO_REFERENCES, options);
    expect(score.score).toBeCloseTo(expected, 9);
    expect(score.name).toBe(name);
    expect(score.signature).toBe(signature);
  });

  it('lowercases when asked', () => {
    expect(corpusChrf(NO_HIGH_ORDER_MATCH, ITS_REFERENCE).score).toBeCloseTo(47.03103304145122, 9);
    expect(corpusChrf(NO_HIGH_ORDER_MATCH, ITS_REFERENCE, { lowercase: true }).score).toBeCloseTo(68.4414656779841, 9);
  });

  it('scores sentences and picks the best of several references', () => {
    expect(sentenceChrf('Hello there', ['Hello there!']).score).toBeCloseTo(89.93223477316462, 9);
    expect(sentenceChrf('', ['x']).score).toBe(0);
    expect(sentenceChrf('abc', ['abd', 'abc']).score).toBe(100);
  });

  it('formats its signature and score line', () => {
    expect(chrfSignature()).toBe('nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0');
    expect(formatChrfLine(corpusChrf(HYPOTHESES, TWO_REFERENCES))).toBe(
      'chrF2|nrefs:2|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 72.72',
    );
    expect(() => corpusChrf(['a'], [['a']], { charOrder: 0, wordOrder: 0 })).toThrow(/charOrder \+ wordOrder/);
  });
});
