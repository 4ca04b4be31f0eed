import { describe, expect, it } from 'vitest';
import { pseudoTranslateHtml } from '../../src/engines/pseudo.js';
import {
  packByBudget,
  protectedSpanDamage,
  readTranslatedUnits,
  renderHtmlDocument,
  translatableTextBytes,
} from '../../src/engines/aws/htmlUnits.js';
import { corpusUnits } from './harness.js';

describe('unit packing and reading', () => {
  it('reads every unit of a corpus document back by id, escaped ids included', async () => {
    const units = [
      ...(await corpusUnits('d2l-zh/chapter_recurrent-modern/machine-translation-and-dataset_origin.md')),
      { id: 'a"&<b>', html: 'x &amp; y' },
    ];
    const read = readTranslatedUnits(renderHtmlDocument(units));
    expect([...read.keys()]).toEqual(units.map((unit) => unit.id));
    for (const unit of units) expect(protectedSpanDamage(unit.html, read.get(unit.id) ?? '')).toBeUndefined();
  });

  it('tolerates reordered attributes, single quotes, entities and layout changes', () => {
    const source = 'Use <span translate="no" data-p="0">`x &lt; y`</span> and <em data-m="1">this</em>.';
    const translated = pseudoTranslateHtml(source, 'fr', 'seed-7');
    const output = `<!DOCTYPE html>\n<html><body>\n   <div lang='fr' id='u&#x31;'>${translated}</div>\n</body></html>`;
    const read = readTranslatedUnits(output).get('u1') ?? '';
    expect(protectedSpanDamage(source, read)).toBeUndefined();
    expect(read).toContain('data-p="0"');
  });

  it('detects a protected span that was changed or dropped', () => {
    const source =
      'A <span translate="no" data-p="0">`torch.ones`</span> b <span translate="no" data-p="1">$x$</span>.';
    expect(protectedSpanDamage(source, source.replace('`torch.ones`', '`火炬.ones`'))).toMatch(
      /^protected span 0 changed/u,
    );
    expect(protectedSpanDamage(source, 'A b.')).toBe('protected span 0 is missing from the translation');
  });

  it('packs in order under a byte budget and sets aside units over it', async () => {
    const units = await corpusUnits('d2l-zh/chapter_recurrent-modern/machine-translation-and-dataset_origin.md');
    const budget = 1500;
    const { groups, oversized } = packByBudget(units, (unit) => translatableTextBytes(unit.html), budget);
    for (const group of groups)
      expect(group.reduce((total, unit) => total + translatableTextBytes(unit.html), 0)).toBeLessThanOrEqual(budget);
    expect([...groups.flat(), ...oversized].length).toBe(units.length);
    expect(groups.flat().map((unit) => unit.id)).toEqual(
      units.filter((unit) => !oversized.includes(unit)).map((unit) => unit.id),
    );
  });
});
