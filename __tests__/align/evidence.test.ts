import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlignmentSegment } from '../../src/align/types.js';
import { penalizeCrossings } from '../../src/align/crossCheck.js';
import { indexGlossary } from '../../src/align/glossary.js';
import { learnLexicon } from '../../src/align/lexicon.js';
import { readTerminologyTable } from '../../src/paralleldata/terminology.js';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';

const terminologyPath = join(FIXTURE_CORPUS, 'd2l-zh/TERMINOLOGY.md');

describe('indexGlossary with d2l-zh TERMINOLOGY.md', () => {
  it('finds terms on both sides, whole words and plurals in English', async () => {
    const entries = readTerminologyTable(await readFile(terminologyPath, 'utf8'), 'TERMINOLOGY.md');
    const glossary = indexGlossary(entries);
    const english = glossary.sourceTerms('Exploding gradients make the hyperparameter search hard.');
    const chinese = glossary.targetTerms('梯度爆炸使超参数搜索变得困难。');
    const names = (indices: number[]) => indices.map((index) => entries[index]?.source);
    expect(names(english)).toEqual(expect.arrayContaining(['gradient', 'hyperparameter']));
    expect(names(chinese)).toEqual(expect.arrayContaining(['gradient', 'hyperparameter']));
    expect(names(glossary.sourceTerms('The parameters of a paragraph.'))).toContain('parameter');
    expect(names(glossary.sourceTerms('A paragraph.'))).not.toContain('parameter');
  });
});

describe('learnLexicon', () => {
  it('pairs words with the Chinese bigrams they keep occurring with', () => {
    const subjects = [
      ['The gradient', '梯度'],
      ['The weight', '权重'],
      ['A cat', '猫'],
      ['The model', '模型'],
    ] as const;
    const predicates = [
      ['is small', '很小'],
      ['grows quickly', '增长很快'],
      ['was printed', '被打印出来'],
      ['changes at step', '在这一步变化'],
      ['stays fixed', '保持不变'],
      ['looks odd', '看起来奇怪'],
    ] as const;
    const observations = subjects.flatMap(([subject, subjectZh]) =>
      predicates.map(([predicate, predicateZh]) => ({
        source: `${subject} ${predicate}.`,
        target: `${subjectZh}${predicateZh}。`,
      })),
    );
    const lexicon = learnLexicon(observations);
    expect(lexicon).toContainEqual({ source: 'gradient', target: '梯度' });
    expect(lexicon).toContainEqual({ source: 'weight', target: '权重' });
    expect(lexicon.some((entry) => entry.source === 'the')).toBe(false);
    expect(learnLexicon(observations.slice(0, 5))).toEqual([]);
  });
});

describe('penalizeCrossings', () => {
  const segment = (anchors: string[], latinWords: string[] = []): AlignmentSegment => ({
    length: 50,
    anchors,
    latinWords,
    terms: [],
  });
  it('cuts the confidence of a bead whose target clearly belongs to a neighbouring source sentence', () => {
    const source = [segment(['m:a']), segment(['m:x', 'm:y', 'm:z', 'r:fig'])];
    const target = [segment(['m:x', 'm:y', 'm:z', 'r:fig']), segment(['m:a'])];
    const beads = [
      { sourceStart: 0, sourceEnd: 1, targetStart: 0, targetEnd: 1, confidence: 0.9 },
      { sourceStart: 1, sourceEnd: 2, targetStart: 1, targetEnd: 2, confidence: 0.9 },
    ];
    const region = new Int32Array([0, 0]);
    const checked = penalizeCrossings(beads, source, target, region, region);
    expect(checked.map((bead) => bead.confidence)).toEqual([0.45, 0.45]);
    const inOrder = penalizeCrossings(beads, source, [target[1]!, target[0]!], region, region);
    expect(inOrder.map((bead) => bead.confidence)).toEqual([0.9, 0.9]);
  });

  it('cuts a shifted pair: the target keeps a word its own source lacks and the next source sentence has', () => {
    // probability.md: "If you run the sampler…" was left untranslated and the aligner shifted the next pairs by one.
    const source = [segment([]), segment([], ['python', 'loop'])];
    const target = [segment([], ['python']), segment([])];
    const beads = [
      { sourceStart: 0, sourceEnd: 1, targetStart: 0, targetEnd: 1, confidence: 0.8 },
      { sourceStart: 1, sourceEnd: 2, targetStart: 1, targetEnd: 2, confidence: 0.8 },
    ];
    const region = new Int32Array([0, 0]);
    expect(penalizeCrossings(beads, source, target, region, region).map((bead) => bead.confidence)).toEqual([0.4, 0.4]);
    const aligned = penalizeCrossings(beads, source, [target[1]!, target[0]!], region, region);
    expect(aligned.map((bead) => bead.confidence)).toEqual([0.8, 0.8]);
  });

  it('leaves a term glossed in the next pair alone, but not one that pair cannot explain', () => {
    // beam-search.md: "…formalizing this *greedy search* strategy" → 贪心搜索（greedy search）; the next sentence,
    // "Before a formal introduction to greedy search…", is translated 在正式介绍贪心搜索之前 without the gloss.
    const source = [segment([], ['formalizing', 'greedy', 'search']), segment([], ['before', 'greedy', 'search'])];
    const glossed = [segment([], ['greedy', 'search']), segment([])];
    const beads = [
      { sourceStart: 0, sourceEnd: 1, targetStart: 0, targetEnd: 1, confidence: 0.9 },
      { sourceStart: 1, sourceEnd: 2, targetStart: 1, targetEnd: 2, confidence: 0.9 },
    ];
    const region = new Int32Array([0, 0]);
    expect(penalizeCrossings(beads, source, glossed, region, region).map((bead) => bead.confidence)).toEqual([
      0.9, 0.9,
    ]);
    // The neighbour's own source lacks the words: the second target probably translates the second source.
    const shifted = [segment([], ['formalizing']), segment([], ['before', 'greedy', 'search'])];
    expect(penalizeCrossings(beads, shifted, glossed, region, region).map((bead) => bead.confidence)).toEqual([
      0.45, 0.45,
    ]);
  });
});
