import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the tests find their material.
 *
 * FIXTURES is a small committed copy of the shared material, laid out the same way (fixtures/shared/ATTRIBUTION.md):
 * unit tests read only that and the example book, so they pass on any fresh clone.
 *
 * SHARED and CORPUS are the whole shared material: AMTS_SHARED (else `../shared` beside the repository) and
 * AMTS_CORPUS (else its `corpus/`). Only tests tagged `corpus` read them; corpusTag.ts decides, once for the run,
 * whether they are there.
 */
const besideRepository = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SHARED = resolve(process.env.AMTS_SHARED || besideRepository);
export const CORPUS = resolve(process.env.AMTS_CORPUS || join(SHARED, 'corpus'));

export const FIXTURES = fileURLToPath(new URL('../fixtures/shared/', import.meta.url));
export const FIXTURE_CORPUS = join(FIXTURES, 'corpus');
/** The example book README runs: `en/` newer English, `zh/` Chinese with `_origin.md` (examples/book/ATTRIBUTION.md). */
export const EXAMPLE_BOOK = fileURLToPath(new URL('../../examples/book/', import.meta.url));

/** Every `.md` file under a folder of the shared material, sorted. */
export function markdownFilesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function corpusName(path: string): string {
  return relative(CORPUS, path);
}
