import { describe, expect, it } from 'vitest';
import { mergeParallelData } from '../../src/paralleldata/merge.js';
import { goldPairs } from './goldPairs.js';

describe('mergeParallelData', () => {
  it('lets user pairs (confidence 1 by default) win over built pairs with the same source text', () => {
    const built = [
      { source: 'Batch Normalization', target: '批量归一化', confidence: 0.9 },
      { source: 'Training deep\nnetworks.', target: '训练深层网络。', confidence: 1 },
      { source: 'Only built.', target: '仅构建。', confidence: 0.4 },
    ];
    const user = [
      { source: 'Batch Normalization', target: '批量规范化' },
      { source: 'Training deep networks.', target: '训练深度网络。' },
    ];
    const merged = mergeParallelData(built, user);
    expect(merged.pairs.map((pair) => [pair.source, pair.target, pair.confidence])).toEqual([
      ['Batch Normalization', '批量规范化', 1],
      ['Training deep networks.', '训练深度网络。', 1],
      ['Only built.', '仅构建。', 0.4],
    ]);
    expect(merged.skipped.duplicate).toBe(2);
  });

  it('keeps a more confident built pair over a user pair that states a lower confidence', () => {
    const merged = mergeParallelData(
      [{ source: 'Dropout.', target: '暂退法。', confidence: 0.95 }],
      [{ source: 'Dropout.', target: '丢弃法。', confidence: 0.5 }],
    );
    expect(merged.pairs.map((pair) => pair.target)).toEqual(['暂退法。']);
  });

  it('applies the content rules to both sources', () => {
    const merged = mergeParallelData(
      [{ source: '`x`', target: '`x`。', confidence: 1 }],
      [
        { source: 'same', target: 'same' },
        { source: '', target: '空' },
      ],
    );
    expect(merged.pairs).toEqual([]);
    expect(merged.skipped).toMatchObject({ 'no-text': 1, identical: 1, empty: 1 });
  });

  it('merges the gold pairs with themselves into one copy each', () => {
    const gold = goldPairs();
    const merged = mergeParallelData(gold, gold);
    const distinctSources = new Set(merged.pairs.map((pair) => pair.source));
    expect(distinctSources.size).toBe(merged.pairs.length);
    expect(merged.pairs.length).toBeGreaterThan(250);
    expect(merged.skipped.duplicate).toBeGreaterThanOrEqual(gold.length);
  });
});
