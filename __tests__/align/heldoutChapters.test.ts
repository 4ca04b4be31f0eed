/**
 * Precision on chapters outside the dev gold set, against hand judgements (heldout/judgements.json): every pair the
 * aligner produced with confidence 0.3–0.95 when they were made, plus a random sample above. A pair the aligner
 * now keeps that nobody judged is reported, so a model change shows what still needs a human look.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/align/buildPairs.js';
import type { TextPair } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { CORPUS } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';

const corpusRoot = join(CORPUS, 'd2l-zh');
const judgementsPath = fileURLToPath(new URL('./heldout/judgements.json', import.meta.url));

type Verdict = 'correct' | 'partial' | 'wrong';

interface Judgements {
  readonly chapters: readonly string[];
  readonly pairs: ReadonlyArray<{ chapter: string; en: string; zh: string; verdict: Verdict }>;
}

const pairKey = (chapter: string, source: string, target: string): string => `${chapter}\u0000${source}\u0000${target}`;

async function chapterPairs(chapter: string): Promise<TextPair[]> {
  const parse = async (file: string) => parseMarkdown(await readFile(join(corpusRoot, file), 'utf8'), file);
  return alignDocuments(await parse(`${chapter}_origin.md`), await parse(`${chapter}.md`)).pairs;
}

describe('alignDocuments on held-out chapters', { tags: [CORPUS_TAG] }, () => {
  it('keeps few pairs judged wrong or partial, without collapsing the number of pairs', async () => {
    const judgements = JSON.parse(await readFile(judgementsPath, 'utf8')) as Judgements;
    const verdicts = new Map(judgements.pairs.map((pair) => [pairKey(pair.chapter, pair.en, pair.zh), pair.verdict]));
    let kept = 0;
    const errors: string[] = [];
    const unjudged: string[] = [];
    for (const chapter of judgements.chapters) {
      for (const pair of await chapterPairs(chapter)) {
        kept += 1;
        const verdict = verdicts.get(pairKey(chapter, pair.source, pair.target));
        if (verdict === undefined && pair.confidence < 0.95) unjudged.push(`${pair.source} | ${pair.target}`);
        if (verdict !== undefined && verdict !== 'correct') errors.push(`${verdict}: ${pair.source} | ${pair.target}`);
      }
    }
    expect(unjudged.length, `pairs below 0.95 nobody judged:\n${unjudged.join('\n')}`).toBeLessThanOrEqual(5);
    expect(errors.length, errors.join('\n')).toBeLessThanOrEqual(7);
    expect(kept).toBeGreaterThanOrEqual(900);
  }, 60_000);
});
