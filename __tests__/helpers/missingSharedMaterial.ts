import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, SHARED } from './corpus.js';

/**
 * What the `corpus` tests need and is not there, as one line naming the variable that points to it; undefined when
 * everything is present. Checked by path only: a partial copy fails its tests loudly instead of being skipped.
 */
export function missingSharedMaterial(): string | undefined {
  const needed: ReadonlyArray<readonly [string, string, string]> = [
    [CORPUS, 'corpus', 'AMTS_CORPUS'],
    [join(CORPUS, 'd2l-zh'), 'corpus', 'AMTS_CORPUS'],
    [join(SHARED, 'gold', 'align'), 'gold alignments', 'AMTS_SHARED'],
    [join(SHARED, 'tools', 'score-pairs.mjs'), 'shared tools', 'AMTS_SHARED'],
  ];
  const missing = needed.find(([path]) => !existsSync(path));
  return missing && `${missing[1]} not found at ${missing[0]} (set ${missing[2]})`;
}
