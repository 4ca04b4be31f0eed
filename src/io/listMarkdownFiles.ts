import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';

export interface MarkdownInput {
  /** Path to read. */
  readonly path: string;
  /** Path relative to the input root it was found under, with `/` separators (the file name for a file input). */
  readonly relativePath: string;
  /** True when the input named a directory. */
  readonly fromDirectory: boolean;
}

/** Expands files and directories into the `.md` files under them, sorted, skipping dot folders and node_modules. */
export async function listMarkdownFiles(inputs: readonly string[]): Promise<MarkdownInput[]> {
  const found: MarkdownInput[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new InputError(input, 'no such file or directory');
    });
    if (info.isDirectory()) {
      for (const path of await markdownFilesUnder(input)) {
        found.push({ path, relativePath: relative(input, path).split(sep).join('/'), fromDirectory: true });
      }
    } else {
      found.push({ path: input, relativePath: input.split(sep).pop() ?? input, fromDirectory: false });
    }
  }
  return found;
}

export async function markdownFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(directory, path)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    )
    .sort();
}
