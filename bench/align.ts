/**
 * Aligns every d2l-zh chapter that has an English original (X_origin.md ↔ X.md). Parsing is timed apart from
 * alignment, because the alignment goal (well under a second for the whole book) excludes it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDocuments } from '../src/align/buildPairs.js';
import { parseMarkdown } from '../src/markdown/parseMarkdown.js';
import type { ParsedDocument } from '../src/markdown/types.js';

const ALIGN_ROUNDS = 3;
const corpusRoot = fileURLToPath(new URL('../../shared/corpus/d2l-zh/', import.meta.url));

async function chapterPairs(): Promise<Array<{ source: string; target: string }>> {
  const entries = await readdir(corpusRoot, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('_origin.md'))
    .sort()
    .map((entry) => ({
      source: join(corpusRoot, entry),
      target: join(corpusRoot, entry.replace(/_origin\.md$/u, '.md')),
    }));
}

export async function run(): Promise<void> {
  const chapters = await chapterPairs();
  const parseStart = performance.now();
  const documents: Array<[ParsedDocument, ParsedDocument]> = [];
  for (const chapter of chapters) {
    const source = parseMarkdown(await readFile(chapter.source, 'utf8'), chapter.source);
    const target = parseMarkdown(await readFile(chapter.target, 'utf8'), chapter.target);
    documents.push([source, target]);
  }
  const parseMs = performance.now() - parseStart;
  // The first round includes JIT warm-up; later rounds show the steady state a long-running process sees.
  for (let round = 1; round <= ALIGN_ROUNDS; round += 1) {
    const alignStart = performance.now();
    const cpuStart = process.cpuUsage();
    let pairs = 0;
    let dropped = 0;
    for (const [source, target] of documents) {
      const result = alignDocuments(source, target);
      pairs += result.pairs.length;
      dropped += result.stats.droppedLowConfidence;
    }
    const alignMs = performance.now() - alignStart;
    // CPU time next to wall time: on a busy machine wall time mostly measures the other processes.
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `align round ${round}: ${chapters.length} chapters, ${pairs} pairs (${dropped} dropped), ` +
        `read+parse ${parseMs.toFixed(0)} ms, align ${alignMs.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms), ` +
        `${Math.round(pairs / (alignMs / 1000))} pairs/s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await run();
