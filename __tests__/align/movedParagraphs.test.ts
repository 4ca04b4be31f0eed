import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlignmentModel, AlignmentSegment } from '../../src/align/types.js';
import { SENTENCE_SHAPES } from '../../src/align/alignSentences.js';
import { alignDocuments, alignUnits } from '../../src/align/buildPairs.js';
import { movedParagraphBeads, type OrphanSearch } from '../../src/align/movedParagraphs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';

const segment = (length: number, anchors: string[] = [], latinWords: string[] = []): AlignmentSegment => ({
  length,
  anchors,
  latinWords,
  terms: [],
});

const model: AlignmentModel = {
  lengthRatio: 0.3,
  lengthSpread: 0.35,
  shapes: SENTENCE_SHAPES,
  targetLatinIsEvidence: true,
  blockEdgeCost: 2,
};

/**
 * Source: paragraph A (region 0, paired), paragraph B (region 0, unpaired); target: paragraph A' (region 0, paired),
 * then past an anchor paragraph B' (region 1, unpaired). B and B' are given by the caller.
 */
function search(moved: AlignmentSegment[], movedTo: AlignmentSegment[], region = 1): OrphanSearch {
  const source = [segment(60, ['r:sec_a']), ...moved];
  const target = [segment(18, ['r:sec_a']), ...movedTo];
  return {
    beads: [
      { sourceStart: 0, sourceEnd: 1, targetStart: 0, targetEnd: 1, shape: '1-1', confidence: 0.99 },
      ...moved.map((_, index) => ({
        sourceStart: 1 + index,
        sourceEnd: 2 + index,
        targetStart: 1,
        targetEnd: 1,
        shape: '1-0',
        confidence: 0.9,
      })),
      ...movedTo.map((_, index) => ({
        sourceStart: source.length,
        sourceEnd: source.length,
        targetStart: 1 + index,
        targetEnd: 2 + index,
        shape: '0-1',
        confidence: 0.9,
      })),
    ],
    sourceBlocks: Int32Array.from(source, (_, index) => (index === 0 ? 0 : 1)),
    targetBlocks: Int32Array.from(target, (_, index) => (index === 0 ? 0 : 5)),
    sourceRegion: new Int32Array(source.length),
    targetRegion: Int32Array.from(target, (_, index) => (index === 0 ? 0 : region)),
    sourceFeatures: source,
    targetFeatures: target,
    model,
  };
}

const english = [segment(40), segment(100, ['m:\\prod_t'], ['optimal', 'sequence']), segment(90)];
const chinese = [segment(13), segment(30, ['m:\\prod_t'], ['optimal', 'sequence']), segment(17)];

describe('movedParagraphBeads', () => {
  it('pairs an unpaired paragraph with one moved past an anchor when they share verbatim evidence', () => {
    expect(movedParagraphBeads(search(english, chinese)).map((bead) => [bead.sourceStart, bead.targetStart])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it.each<[string, AlignmentSegment[], number]>([
    ['a formula the other side does not have', [segment(13), segment(30, ['m:\\sum_t'], ['optimal', 'sequence'])], 1],
    ['a kept word the source lacks', [segment(13), segment(30, ['m:\\prod_t'], ['beam'])], 1],
    ['a single shared item', [segment(13), segment(30, ['m:\\prod_t']), segment(17)], 1],
    ['lengths far apart', [segment(200, ['m:\\prod_t'], ['optimal', 'sequence'])], 1],
    ['a paragraph too far away', chinese, 3],
    ['a paragraph in the same region, where the monotonic aligner had its say', chinese, 0],
  ])('leaves orphans alone with %s', (_case, target, region) => {
    expect(movedParagraphBeads(search(english, target, region))).toEqual([]);
  });
});

describe('alignDocuments with a paragraph moved past a figure (beam-search.md)', () => {
  const chapter = join(FIXTURE_CORPUS, 'd2l-zh/chapter_recurrent-modern/beam-search');
  const documents = async () =>
    [
      parseMarkdown(await readFile(`${chapter}_origin.md`, 'utf8'), 'beam-search_origin.md'),
      parseMarkdown(await readFile(`${chapter}.md`, 'utf8'), 'beam-search.md'),
    ] as const;

  it('pairs its sentences for parallel data', async () => {
    const [english, chinese] = await documents();
    const pairs = alignDocuments(english, chinese).pairs.map((pair) => [pair.source, pair.target]);
    expect(pairs).toContainEqual(['So what can go wrong with greedy search?', '那么贪心搜索存在的问题是什么呢？']);
    expect(pairs).toContainEqual([
      'Unfortunately, there is no guarantee that the optimal sequence will be obtained by greedy search.',
      '然而，贪心搜索无法保证得到最优序列。',
    ]);
  });

  it('keeps the beads sync follows monotonic, the moved paragraph unpaired there', async () => {
    const [english, chinese] = await documents();
    const alignment = alignUnits(english, chinese);
    const moved = alignment.sourceSentences.findIndex((ref) => ref.span.text.startsWith('So what can go wrong'));
    const bead = alignment.beads.find((candidate) => candidate.sourceStart <= moved && moved < candidate.sourceEnd);
    expect(bead?.targetStart).toBe(bead?.targetEnd);
    for (let index = 1; index < alignment.beads.length; index += 1) {
      expect(alignment.beads[index]!.targetStart).toBeGreaterThanOrEqual(alignment.beads[index - 1]!.targetEnd);
    }
  });
});
