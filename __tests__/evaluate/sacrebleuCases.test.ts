import { describe, expect, it } from 'vitest';
import { corpusBleu, corpusChrf, isTokenizerName, sentenceBleu, type TokenizerName } from '../../src/evaluate/index.js';
import { loadSacrebleuCases, type SacrebleuCase } from './sharedData.js';

const TOLERANCE = 0.01;
const cases = loadSacrebleuCases();

/** Every field the recorded cases may carry; a new one fails the test until it is checked here too. */
const CHECKED_FIELDS = new Set([
  'name',
  'tokenize',
  'hyps',
  'refs',
  'corpus_bleu',
  'bp',
  'precisions',
  'sys_len',
  'ref_len',
  'signature',
  'sentence_bleu',
  'corpus_chrf',
]);

function tokenizerOf(testCase: SacrebleuCase): TokenizerName {
  if (!isTokenizerName(testCase.tokenize))
    throw new Error(`${testCase.name}: unsupported tokenizer ${testCase.tokenize}`);
  return testCase.tokenize;
}

function expectClose(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: got ${actual}, sacreBLEU ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

describe('sacreBLEU 2.6.0 recorded cases', () => {
  it('has the cases the brief promises', () => {
    const names = cases.map((testCase) => testCase.name);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(cases.some((testCase) => testCase.tokenize === 'zh')).toBe(true);
    expect(cases.some((testCase) => testCase.hyps.includes(''))).toBe(true);
    expect(cases.some((testCase) => testCase.bp < 1)).toBe(true);
  });

  describe.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const tokenize = tokenizerOf(testCase);
    const bleu = corpusBleu(testCase.hyps, [testCase.refs], { tokenize });

    it('carries only fields this test checks', () => {
      expect(Object.keys(testCase).filter((key) => !CHECKED_FIELDS.has(key))).toEqual([]);
      expect(testCase.hyps.length).toBe(testCase.refs.length);
    });

    it('matches corpus BLEU, brevity penalty and precisions', () => {
      expectClose(bleu.score, testCase.corpus_bleu, 'corpus BLEU');
      expectClose(bleu.bp, testCase.bp, 'BP');
      expect(bleu.precisions).toHaveLength(testCase.precisions.length);
      testCase.precisions.forEach((precision, order) =>
        expectClose(bleu.precisions[order] ?? NaN, precision, `${order + 1}-gram precision`),
      );
    });

    it('matches system and reference lengths exactly', () => {
      expect(bleu.sysLen).toBe(testCase.sys_len);
      expect(bleu.refLen).toBe(testCase.ref_len);
    });

    it('matches the BLEU signature', () => {
      if (testCase.signature !== undefined) expect(bleu.signature).toBe(testCase.signature);
      else expect(bleu.signature).toBe(`nrefs:1|case:mixed|eff:no|tok:${tokenize}|smooth:exp|version:2.6.0`);
    });

    it('matches every sentence BLEU (effective order)', () => {
      expect(testCase.sentence_bleu).toHaveLength(testCase.hyps.length);
      testCase.hyps.forEach((hypothesis, index) => {
        const reference = testCase.refs[index] ?? '';
        const sentence = sentenceBleu(hypothesis, [reference], { tokenize });
        expectClose(sentence.score, testCase.sentence_bleu[index] ?? NaN, `sentence ${index + 1}`);
        expect(sentence.signature).toBe(`nrefs:1|case:mixed|eff:yes|tok:${tokenize}|smooth:exp|version:2.6.0`);
      });
    });

    it('matches corpus chrF', () => {
      const chrf = corpusChrf(testCase.hyps, [testCase.refs]);
      expectClose(chrf.score, testCase.corpus_chrf, 'corpus chrF');
      expect(chrf.name).toBe('chrF2');
      expect(chrf.signature).toBe('nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0');
    });
  });
});
