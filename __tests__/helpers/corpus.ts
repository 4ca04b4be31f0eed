import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared, read-only material beside the repository. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS = join(SHARED, 'corpus');

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
