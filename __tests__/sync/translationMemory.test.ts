import { describe, expect, it } from 'vitest';
import { sameWordsKey } from '../../src/sync/sameWordsKey.js';
import { TranslationMemory } from '../../src/sync/translationMemory.js';

describe('sameWordsKey', () => {
  it('ignores line wrapping and slide markers, nothing else', () => {
    expect(sameWordsKey('[**Flipping the image**]\n  left and right.')).toBe('Flipping the image left and right.');
    expect(sameWordsKey('Then (**survey the functions**) and (~~skip~~) them.')).toBe(
      'Then survey the functions and skip them.',
    );
    expect(sameWordsKey('A **bold** word [in brackets].')).toBe('A **bold** word [in brackets].');
  });
});

describe('TranslationMemory', () => {
  it('finds the human translation of the same words, whatever the wrapping and slide markers', () => {
    const memory = new TranslationMemory();
    memory.add([
      [
        'Flipping the image left and right usually does not change the category.',
        '左右翻转图像通常不会改变对象的类别。',
      ],
    ]);
    expect(memory.lookup('[**Flipping the image left and right**] usually does not\nchange the category.')).toBe(
      '左右翻转图像通常不会改变对象的类别。',
    );
    expect(memory.lookup('Flipping the image up and down usually does not change the category.')).toBeUndefined();
  });
});
