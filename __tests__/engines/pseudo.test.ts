import { describe, expect, it } from 'vitest';
import {
  countTranslatableCharacters,
  createPseudoEngine,
  isProtectedElement,
  parseUnitHtml,
  pseudoTranslateHtml,
} from '../../src/engines/pseudo.js';
import type { UnitNode } from '../../src/engines/pseudo.js';
import { corpusUnits } from './unitHtmlFromCorpus.js';

const units = [
  ...corpusUnits('d2l-zh/chapter_recurrent-neural-networks/bptt_origin.md'),
  ...corpusUnits('d2l-zh/chapter_convolutional-modern/batch-norm_origin.md'),
  ...corpusUnits('d2l-zh/chapter_recurrent-modern/machine-translation-and-dataset_origin.md'),
];

function attribute(node: UnitNode, name: string): string | undefined {
  return node.kind === 'element' ? node.attributes.find(([key]) => key === name)?.[1] : undefined;
}

/** Every data-p/data-m element, in document order, with the raw protected contents. */
function markedElements(nodes: readonly UnitNode[]): string[] {
  return nodes.flatMap((node) => {
    if (node.kind === 'text') return [];
    const marker = attribute(node, 'data-p') ?? attribute(node, 'data-m');
    const own = marker === undefined ? [] : [`${node.name}#${marker}:${node.protectedInnerHtml ?? ''}`];
    return [...own, ...(isProtectedElement(node) ? [] : markedElements(node.children))];
  });
}

function translatableText(nodes: readonly UnitNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      return isProtectedElement(node) ? ' ' : translatableText(node.children);
    })
    .join('');
}

function words(html: string): Set<string> {
  return new Set(translatableText(parseUnitHtml(html)).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
}

const OUTPUT_BOUNDARY = /[。！？]|[.!?](?=\s|$)|\n/gu;

/** Top-level marked elements keyed by the number of sentence ends or line breaks before them. */
function elementsBySentence(html: string): string[] {
  let sentence = 0;
  const placed: string[] = [];
  for (const node of parseUnitHtml(html)) {
    if (node.kind === 'text') sentence += node.text.match(OUTPUT_BOUNDARY)?.length ?? 0;
    else placed.push(`${sentence}:${attribute(node, 'data-p') ?? attribute(node, 'data-m') ?? node.name}`);
  }
  return placed.sort();
}

describe.each(['zh', 'ja', 'fr'])('pseudoTranslateHtml into %s on d2l-en paragraphs', (target) => {
  it('keeps every data-p/data-m element exactly once with identical protected contents', () => {
    expect(units.length).toBeGreaterThan(50);
    for (const unit of units) {
      const output = pseudoTranslateHtml(unit.html, target);
      expect(markedElements(parseUnitHtml(output)).sort()).toEqual(markedElements(parseUnitHtml(unit.html)).sort());
    }
  });

  it('changes every translatable word', () => {
    for (const unit of units) {
      const output = pseudoTranslateHtml(unit.html, target);
      const survivors = [...words(unit.html)].filter((word) => words(output).has(word));
      expect(survivors, unit.html).toEqual([]);
    }
  });

  it('never moves an element across a sentence end or a line break', () => {
    for (const unit of units) {
      expect(elementsBySentence(pseudoTranslateHtml(unit.html, target)), unit.html).toEqual(
        elementsBySentence(unit.html),
      );
    }
  });
});

/** Each top-level marked element with the number of words before it. */
function elementPositions(html: string): string[] {
  let wordsBefore = 0;
  const positions: string[] = [];
  for (const node of parseUnitHtml(html)) {
    if (node.kind === 'text') wordsBefore += node.text.match(/[\p{L}\p{M}\p{N}]+/gu)?.length ?? 0;
    else positions.push(`${attribute(node, 'data-p') ?? attribute(node, 'data-m')}@${wordsBefore}`);
  }
  return positions;
}

describe('pseudoTranslateHtml reordering on d2l-en paragraphs', () => {
  // Reordering decisions do not depend on the target, and accented words keep word counts comparable.
  it('moves elements relative to the words around them in a good share of units', () => {
    const candidates = units.filter((unit) => elementPositions(unit.html).length >= 1);
    const reordered = candidates.filter(
      (unit) => elementPositions(pseudoTranslateHtml(unit.html, 'fr')).join() !== elementPositions(unit.html).join(),
    );
    expect(reordered.length).toBeGreaterThan(candidates.length / 3);
  });
});

describe('pseudoTranslateHtml on a fixed example', () => {
  const example =
    'We compute the mean of <span translate="no" data-p="1">x &lt; y</span> and <em data-m="2">the variance</em> here. Then <strong data-m="3">stop</strong>.';

  it('produces the recorded Chinese output: phrases move, spaces drop and appear, attributes re-quote', () => {
    expect(pseudoTranslateHtml(example, 'zh', 'b')).toBe(
      '甡湤坨鱜喩淊囎鼉<span translate="no" data-p="1">x &lt; y</span> 尲 <em data-m=\'2\'>喩峑靺諉</em> 炣螟。騔茘 <strong data-m="3">弟瘛</strong>。',
    );
    expect(pseudoTranslateHtml(example, 'zh', '')).toContain(`<span data-p='1' translate='no'>x &lt; y</span>`);
  });

  it('moves an element in front of the phrase it followed', () => {
    const output = pseudoTranslateHtml(example, 'fr', 'b');
    expect(output).toContain('Ţĥéñ <strong data-m="3">šţöþ</strong>.');
    expect(pseudoTranslateHtml(example, 'fr', 'a')).toContain("áñđ <em data-m='2'>ţĥé ṽáŕíáñçé</em> ĥéŕé.");
  });

  it('is deterministic and maps a word the same way everywhere', () => {
    expect(pseudoTranslateHtml(example, 'zh', 'seed')).toBe(pseudoTranslateHtml(example, 'zh', 'seed'));
    const [first, second] = pseudoTranslateHtml('model <em data-m="1">model</em>', 'zh').split(/<[^>]+>/u);
    expect(first?.trim()).toBe(second?.trim());
  });

  it('rewrites entities equivalently somewhere, and they decode to the same characters', () => {
    const html = 'Tom &amp; Jerry say &quot;a &lt; b &gt; c&quot; and <em data-m="1">&amp;</em>';
    const outputs = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => pseudoTranslateHtml(html, 'fr', seed));
    expect(outputs.some((output) => /&#x?[0-9a-f]+;/iu.test(output))).toBe(true);
    for (const output of outputs) {
      const punctuation = (text: string): string => [...text.replace(/[^&<>"]/gu, '')].sort().join('');
      expect(punctuation(translatableText(parseUnitHtml(output)))).toBe(
        punctuation(translatableText(parseUnitHtml(html))),
      );
    }
  });

  it('leaves protected contents untouched even when they look like words', () => {
    const html = 'Call <span translate="no" data-p="1">torch.sum(&quot;a&quot;)</span> now.';
    expect(pseudoTranslateHtml(html, 'ja')).toContain('>torch.sum(&quot;a&quot;)</span>');
  });
});

describe('createPseudoEngine', () => {
  it('translates every unit, bills nothing and counts translatable characters', async () => {
    const engine = createPseudoEngine({ seed: 's' });
    const request = { sourceLanguage: 'en', targetLanguage: 'zh-CN', units: units.slice(0, 10) };
    const response = await engine.translate(request);
    expect(response.failed).toEqual([]);
    expect(response.billedCharacters).toBe(0);
    expect(response.sentCharacters).toBe(
      request.units.reduce((total, unit) => total + countTranslatableCharacters(unit.html), 0),
    );
    for (const unit of request.units)
      expect(response.units.get(unit.id)).toBe(pseudoTranslateHtml(unit.html, 'zh-CN', 's'));
  });

  it('counts decoded characters outside protected spans only', () => {
    expect(
      countTranslatableCharacters('a &amp; <span translate="no" data-p="1">xyz</span> <em data-m="2">b</em>'),
    ).toBe(6);
  });
});
