import { describe, expect, it } from 'vitest';
import { foldLineBreaks } from '../../src/paralleldata/fold.js';

describe('foldLineBreaks', () => {
  it('turns a line break and its indentation into one space in English', () => {
    expect(foldLineBreaks('the weights\n  determine the\r\ninfluence  ', 'en')).toBe(
      'the weights determine the influence',
    );
  });

  it('drops line breaks between Chinese characters and keeps one space next to anything else', () => {
    expect(foldLineBreaks('训练深层\n神经网络。\n再结合 :numref:`sec_resnet`\n中的残差块', 'zh')).toBe(
      '训练深层神经网络。再结合 :numref:`sec_resnet` 中的残差块',
    );
    expect(foldLineBreaks('使用\n$x$\n和\nPyTorch', 'zh-CN')).toBe('使用 $x$ 和 PyTorch');
  });

  it('keeps protected inline content exactly as written', () => {
    expect(foldLineBreaks('call `torch.ones((2,  3))`\nnow', 'en')).toBe('call `torch.ones((2,  3))` now');
  });
});
