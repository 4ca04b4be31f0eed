/**
 * Round trip of the whole shared corpus (both books, origins included): read, parse, render to
 * Translate HTML, identity engine, restore. Prints files/s, MB/s and peak memory.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdentityEngine } from '../src/engines/identity.js';
import { parseMarkdown } from '../src/markdown/parseMarkdown.js';
import { readMarkdownFile } from '../src/markdown/readMarkdownFile.js';
import { translateDocuments } from '../src/translate/translateDocument.js';
import { withPeakMemory } from './peakMemory.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

export async function run(): Promise<void> {
  const files = (await readdir(corpus, { recursive: true })).filter((entry) => entry.endsWith('.md')).sort();
  const started = performance.now();
  const { result, peakMb } = await withPeakMemory(async () => {
    const texts = await Promise.all(files.map((file) => readMarkdownFile(join(corpus, file))));
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const parseStart = performance.now();
    const documents = texts.map((text, index) => parseMarkdown(text, files[index] ?? ''));
    const parseSeconds = (performance.now() - parseStart) / 1000;
    const translated = await translateDocuments(documents, createIdentityEngine(), 'en', 'zh');
    const identical = translated.documents.filter((document, index) => document.text === texts[index]).length;
    return { bytes, parseSeconds, identical };
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `markdown round trip: ${files.length} files, ${(result.bytes / 1e6).toFixed(1)} MB, ${result.identical} byte-identical`,
  );
  console.log(
    `  ${seconds.toFixed(2)} s wall (parse ${result.parseSeconds.toFixed(2)} s): ${(files.length / seconds).toFixed(0)} files/s, ${(result.bytes / 1e6 / seconds).toFixed(2)} MB/s, peak RSS ${peakMb.toFixed(0)} MB`,
  );
}
