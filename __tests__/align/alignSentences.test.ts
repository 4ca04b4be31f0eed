import { describe, expect, it } from 'vitest';
import type { AlignmentModel, AlignmentSegment } from '../../src/align/types.js';
import { alignSegments, SENTENCE_SHAPES } from '../../src/align/alignSentences.js';
import { holdsWordForm } from '../../src/align/holdsWordForm.js';
import { calibrateLengthModel } from '../../src/align/lengthModel.js';

const model: AlignmentModel = {
  lengthRatio: 0.35,
  lengthSpread: 0.25,
  shapes: SENTENCE_SHAPES,
  targetLatinIsEvidence: true,
  blockEdgeCost: 2,
};

function segment(length: number, anchors: string[] = []): AlignmentSegment {
  return { length, anchors, latinWords: [], terms: [] };
}

function shapesOf(source: AlignmentSegment[], target: AlignmentSegment[]): string[] {
  return alignSegments(source, target, model).map((bead) => bead.shape);
}

describe('alignSegments', () => {
  it('pairs sentences one to one when lengths agree', () => {
    expect(shapesOf([segment(100), segment(40), segment(200)], [segment(35), segment(14), segment(70)])).toEqual([
      '1-1',
      '1-1',
      '1-1',
    ]);
  });

  it('merges two English sentences into one Chinese sentence (2-1) and the reverse (1-2)', () => {
    expect(
      shapesOf([segment(100), segment(60), segment(60), segment(200)], [segment(35), segment(42), segment(70)]),
    ).toEqual(['1-1', '2-1', '1-1']);
    expect(
      shapesOf([segment(100), segment(120), segment(200)], [segment(35), segment(21), segment(21), segment(70)]),
    ).toEqual(['1-1', '1-2', '1-1']);
  });

  it('finds 3-1 merges', () => {
    expect(
      shapesOf(
        [segment(100), segment(50), segment(50), segment(50), segment(90)],
        [segment(35), segment(52), segment(31)],
      ),
    ).toEqual(['1-1', '3-1', '1-1']);
  });

  it('leaves untranslated sentences unpaired (1-0, 0-1) when anchors show where they belong', () => {
    const source = [segment(80, ['r:sec_a']), segment(90, ['r:sec_b']), segment(85, ['m:x_t'])];
    const target = [segment(28, ['r:sec_a']), segment(30, ['m:x_t'])];
    expect(shapesOf(source, target)).toEqual(['1-1', '1-0', '1-1']);
    expect(
      shapesOf(
        target.map((t) => segment(t.length / 0.35, [...t.anchors])),
        source.map((s) => segment(s.length * 0.35, [...s.anchors])),
      ),
    ).toEqual(['1-1', '0-1', '1-1']);
  });

  it('reports high confidence for clear beads and lower confidence where alternatives compete', () => {
    const clear = alignSegments(
      [segment(100, ['m:a']), segment(200, ['m:b'])],
      [segment(35, ['m:a']), segment(70, ['m:b'])],
      model,
    );
    expect(clear.every((bead) => bead.confidence > 0.95)).toBe(true);
    const ambiguous = alignSegments([segment(100), segment(30)], [segment(41)], model);
    expect(Math.min(...ambiguous.map((bead) => bead.confidence))).toBeLessThan(0.9);
  });

  it('respects paragraph edges: a bead does not run across a paragraph start on one side only', () => {
    const source = [segment(60), { ...segment(60), startsBlock: true }];
    const target = [segment(42)];
    const beads = alignSegments(source, target, { ...model, blockEdgeCost: 10 });
    expect(beads.map((bead) => bead.shape)).not.toContain('2-1');
  });

  it('does not pair a heading with body text', () => {
    const source = [
      { ...segment(30), category: 'heading' },
      { ...segment(100), category: 'text' },
    ];
    const target = [{ ...segment(35), category: 'text' }];
    const beads = alignSegments(source, target, model);
    expect(beads.map((bead) => bead.shape)).toEqual(['1-0', '1-1']);
  });
});

describe('alignSegments on evidence present on one side only', () => {
  const mergedConfidence = (source: AlignmentSegment[], target: AlignmentSegment[]): number =>
    alignSegments(source, target, model).find((bead) => bead.shape === '2-1')?.confidence ?? 0;

  it('does not merge a sentence whose math the translation lacks: it is left unpaired instead', () => {
    const source = [segment(100, ['m:f(x)']), segment(30, ['m:\\eta=0.4'])];
    expect(mergedConfidence(source, [segment(45, ['m:f(x)', 'm:\\eta=0.4'])])).toBeGreaterThan(0.9);
    expect(shapesOf(source, [segment(45, ['m:f(x)'])])).toEqual(['1-1', '1-0']);
  });

  it('gives a merge with no support for its extra sentence low confidence, one that fits the lengths high', () => {
    expect(mergedConfidence([segment(100), segment(45)], [segment(30)])).toBeLessThan(0.55);
    expect(mergedConfidence([segment(100), segment(45)], [segment(51)])).toBeGreaterThan(0.8);
  });

  it('counts a number or formula on one side only against a one-to-one pair', () => {
    const confidenceOf = (target: AlignmentSegment[]): number[] =>
      alignSegments([segment(80, ['n:1000']), segment(80, ['m:x_t'])], target, model).map((bead) => bead.confidence);
    const faithful = confidenceOf([segment(28, ['n:1000']), segment(28, ['m:x_t'])]);
    const numberDropped = confidenceOf([segment(28), segment(28, ['m:x_t'])]);
    expect(Math.min(...faithful)).toBeGreaterThan(0.95);
    expect(numberDropped[0]).toBeLessThan(faithful[0] ?? 0);
  });
});

describe('holdsWordForm', () => {
  it('folds plurals so a kept GPU finds the source GPUs', () => {
    const words = ['gpus', 'boxes', 'the'];
    for (const held of ['gpus', 'gpu', 'boxes', 'box', 'boxe', 'the']) expect(holdsWordForm(words, held)).toBe(true);
    for (const missing of ['gp', 'bo', 'th', 'gpuss', 'boxess', 'es', ''])
      expect(holdsWordForm(words, missing)).toBe(false);
  });

  it('is membership in the set of every word and its folded forms', () => {
    const forms = (words: readonly string[]) =>
      new Set(
        words.flatMap((word) => [
          word,
          ...(word.endsWith('es') ? [word.slice(0, -2)] : []),
          ...(word.endsWith('s') ? [word.slice(0, -1)] : []),
        ]),
      );
    const vocabulary = [
      's',
      'es',
      'ses',
      'gpu',
      'gpus',
      'gpues',
      'class',
      'classes',
      'classe',
      'bias',
      'biases',
      'a',
      'as',
    ];
    for (const a of vocabulary)
      for (const b of vocabulary) {
        const words = [a, b];
        for (const word of [...vocabulary, '']) expect(holdsWordForm(words, word)).toBe(forms(words).has(word));
      }
  });
});

describe('calibrateLengthModel', () => {
  it('estimates the ratio and spread from the pairs themselves', () => {
    const observations = Array.from({ length: 40 }, (_, index) => ({
      sourceChars: 100 + index * 5,
      targetChars: Math.round((100 + index * 5) * (index % 2 === 0 ? 0.3 : 0.4)),
    }));
    const calibrated = calibrateLengthModel(observations, model);
    expect(calibrated.lengthRatio).toBeGreaterThan(0.29);
    expect(calibrated.lengthRatio).toBeLessThan(0.41);
    expect(calibrated.lengthSpread).toBeGreaterThanOrEqual(0.15);
    expect(calibrateLengthModel(observations.slice(0, 3), model)).toBe(model);
  });
});
