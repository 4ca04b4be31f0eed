import { describe, expect, it } from 'vitest';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { corpusUnits } from './unitHtmlFromCorpus.js';

describe('createIdentityEngine', () => {
  it('returns every unit unchanged and reports translatable characters without billing', async () => {
    const units = corpusUnits('d2l-zh/chapter_recurrent-neural-networks/bptt_origin.md');
    const response = await createIdentityEngine().translate({ sourceLanguage: 'en', targetLanguage: 'zh', units });
    expect(response.failed).toEqual([]);
    expect(response.billedCharacters).toBe(0);
    for (const unit of units) expect(response.units.get(unit.id)).toBe(unit.html);
    expect(response.sentCharacters).toBeGreaterThan(1000);
  });

  it('counts text after entity decoding and skips protected spans', async () => {
    const html = 'x &lt; <span translate="no" data-p="1">$a &lt; b$</span>\n<strong data-m="2">y</strong>';
    const response = await createIdentityEngine().translate({
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      units: [{ id: '1', html }],
    });
    expect(response.sentCharacters).toBe('x < \ny'.length);
  });
});
