/** Real English–Chinese sentence pairs from the hand-aligned gold files committed under fixtures/shared/gold/align. */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { SentencePair } from '../../src/paralleldata/types.js';
import { FIXTURES } from '../helpers/corpus.js';

export const sharedRoot = pathToFileURL(FIXTURES);

interface GoldFile {
  readonly beads: ReadonlyArray<{ readonly en?: string; readonly zh?: string }>;
}

export function goldPairs(): SentencePair[] {
  const folder = new URL('gold/align/', sharedRoot);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const gold = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as GoldFile;
      return gold.beads.flatMap((bead, index) =>
        bead.en && bead.zh
          ? [{ source: bead.en, target: bead.zh, confidence: 1, origin: { file: name, line: index + 1 } }]
          : [],
      );
    });
}
