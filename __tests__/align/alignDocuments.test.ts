import { describe, expect, it } from 'vitest';
import { alignBlocks } from '../../src/align/alignBlocks.js';
import { alignDocuments, alignUnits, blockSentences } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';

const english = `# Batch Normalization
:label:\`sec_bn\`

Training deep neural networks is difficult.
And getting them to converge in a reasonable amount of time can be tricky.
In this section, we describe *batch normalization*,
a popular technique :cite:\`Ioffe.Szegedy.2015\`.

\`\`\`{.python .input}
#@tab pytorch
# Compute the mean over the batch
mean = X.mean(dim=0)
\`\`\`

:begin_tab:\`pytorch\`
We use PyTorch's built-in layer here.
:end_tab:

## Training Mode
See :numref:\`sec_bn\` for the layer, e.g. its mean $\\mu$.
The variance $\\sigma^2$ comes next.
`;

const chinese = `# 批量规范化
:label:\`sec_bn\`

训练深层神经网络是十分困难的，特别是在较短的时间内使他们收敛更加棘手。
本节将介绍*批量规范化*（batch normalization） :cite:\`Ioffe.Szegedy.2015\`，
这是一种流行的技术。

\`\`\`{.python .input}
#@tab pytorch
# 计算批量的均值
mean = X.mean(dim=0)
\`\`\`

\`\`\`{.python .input}
#@tab paddle
mean = X.mean(axis=0)
\`\`\`

:begin_tab:\`pytorch\`
我们在这里使用PyTorch的内置层。
:end_tab:

:begin_tab:\`paddle\`
飞桨版本的说明只在译文中出现。
:end_tab:

## 训练模式
参见 :numref:\`sec_bn\`中的层，例如其均值$\\mu$。
接下来是方差$\\sigma^2$。
`;

const source = parseMarkdown(english, 'bn_origin.md');
const target = parseMarkdown(chinese, 'bn.md');

describe('alignDocuments', () => {
  const { pairs, paragraphPairs, stats } = alignDocuments(source, target, { minConfidence: 0.3 });

  it('pairs headings, merged sentences and tab prose, skipping the Paddle-only tab', () => {
    expect(pairs.map((pair) => [pair.source, pair.target, pair.shape])).toEqual([
      ['Batch Normalization', '批量规范化', '1-1'],
      [
        'Training deep neural networks is difficult. And getting them to converge in a reasonable amount of time can be tricky.',
        '训练深层神经网络是十分困难的，特别是在较短的时间内使他们收敛更加棘手。',
        '2-1',
      ],
      [
        'In this section, we describe *batch normalization*, a popular technique :cite:`Ioffe.Szegedy.2015`.',
        '本节将介绍*批量规范化*（batch normalization） :cite:`Ioffe.Szegedy.2015`，这是一种流行的技术。',
        '1-1',
      ],
      ["We use PyTorch's built-in layer here.", '我们在这里使用PyTorch的内置层。', '1-1'],
      ['Training Mode', '训练模式', '1-1'],
      [
        'See :numref:`sec_bn` for the layer, e.g. its mean $\\mu$.',
        '参见 :numref:`sec_bn`中的层，例如其均值$\\mu$。',
        '1-1',
      ],
      ['The variance $\\sigma^2$ comes next.', '接下来是方差$\\sigma^2$。', '1-1'],
    ]);
    expect(pairs.some((pair) => pair.target.includes('飞桨'))).toBe(false);
    expect(stats.unalignedTargetSentences).toBe(0);
  });

  it('reports the lines where the sentences start', () => {
    const variance = pairs.find((pair) => pair.source.startsWith('The variance'));
    expect(variance?.sourceLine).toBe(english.split('\n').findIndex((line) => line.startsWith('The variance')) + 1);
    expect(variance?.targetLine).toBe(chinese.split('\n').findIndex((line) => line.startsWith('接下来')) + 1);
  });

  it('groups whole paragraphs for paragraph-level parallel data', () => {
    expect(paragraphPairs.map((pair) => pair.shape)).toEqual(['1-1', '1-1', '1-1', '1-1', '1-1']);
    expect(paragraphPairs[1]?.target).toBe(
      '训练深层神经网络是十分困难的，特别是在较短的时间内使他们收敛更加棘手。本节将介绍*批量规范化*（batch normalization） :cite:`Ioffe.Szegedy.2015`，这是一种流行的技术。',
    );
  });
});

describe('alignBlocks', () => {
  it('cuts the documents at shared code, labels and tabs, ignoring translated comments', () => {
    const { regions, lengthRatio } = alignBlocks(source, target);
    expect(regions.map((region) => [region.source.length, region.target.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(lengthRatio).toBeGreaterThan(0.2);
    expect(lengthRatio).toBeLessThan(0.6);
  });
});

describe('alignUnits', () => {
  it('maps every source sentence to target sentence ranges with a confidence', () => {
    const alignment = alignUnits(source, target);
    const secondSentence = alignment.sourceSentences.findIndex((ref) => ref.span.text.startsWith('And getting'));
    const bead = alignment.beads.find(
      (candidate) => candidate.sourceStart <= secondSentence && secondSentence < candidate.sourceEnd,
    );
    expect(bead?.shape).toBe('2-1');
    const targetRef = alignment.targetSentences[bead?.targetStart ?? -1];
    expect(targetRef?.span.text.startsWith('训练深层')).toBe(true);
    expect(targetRef?.blockIndex).toBeGreaterThan(0);
    expect(blockSentences(target.blocks[targetRef?.blockIndex ?? 0]!, 'zh').length).toBe(2);
  });
});
