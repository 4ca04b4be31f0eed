import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Chapters of real books are well under 1 MB; Translate takes at most 1 MB of text per document. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Markdown file as text, refusing what cannot be a chapter: a directory, a missing file,
 * a binary file, invalid UTF-8, or a file too large to parse and translate safely.
 */
export async function readMarkdownFile(path: string, maxBytes = MAX_MARKDOWN_BYTES): Promise<string> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(path, isMissing(error) ? 'no such file' : `cannot read: ${String(error)}`);
  });
  if (info.isDirectory()) throw new InputError(path, 'is a directory, not a Markdown file');
  if (!info.isFile()) throw new InputError(path, 'is not a regular file');
  if (info.size > maxBytes) {
    throw new InputError(
      path,
      `is ${formatMegabytes(info.size)}; the limit for one chapter is ${formatMegabytes(maxBytes)}`,
    );
  }
  return decodeMarkdownBytes(await readFile(path), path);
}

export function decodeMarkdownBytes(bytes: Uint8Array, path: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(path, `is binary (NUL byte at offset ${nul}), not Markdown text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(path, `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`);
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest decodable prefix ends just before the first bad byte (up to a 3-byte lookback).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, middle), { stream: true });
      decoder.decode();
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
