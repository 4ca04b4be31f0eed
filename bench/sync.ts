/**
 * The real sync scenario: the 139 d2l-zh chapters with X_origin.md brought up to d2l-en-classic
 * with the pseudo engine, chapters prepared by one thread and then by every core. Prints the wall time, the
 * worker threads used and the characters sent by AMTS next to what
 * whole-file and section-level re-translation would send for the same English changes.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPseudoEngine } from '../src/engines/pseudo.js';
import { parseMarkdown } from '../src/markdown/parseMarkdown.js';
import type { Block, ParsedDocument } from '../src/markdown/types.js';
import type { SyncReport } from '../src/sync/report.js';
import { syncBook } from '../src/sync/syncBook.js';
import { createParallelPreparer } from '../src/workers/syncPreparer.js';
import { withPeakMemory } from './peakMemory.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const zh = join(corpus, 'd2l-zh');
const classic = join(corpus, 'd2l-en-classic');

export async function run(): Promise<void> {
  const chapters = readdirSync(zh, { recursive: true })
    .map(String)
    .filter((entry) => entry.endsWith('_origin.md'))
    .map((entry) => entry.replace(/_origin\.md$/, '.md'))
    .sort();
  const { wholeFile, section } = reTranslationCosts(chapters);
  const jobCounts = [...new Set([1, availableParallelism()])];
  for (const jobs of jobCounts) {
    const report = await timedSync(chapters, jobs);
    console.log(
      `  units kept ${report.totals.kept}, reused ${report.totals.reused}, drafted ${report.totals.drafted}, removed ${report.totals.removed}; ${report.totals.filesChanged} files changed`,
    );
    console.log(
      `  characters sent: AMTS ${report.totals.charactersSent}, section-level ${section}, whole-file ${wholeFile}` +
        ` (AMTS sends ${((100 * report.totals.charactersSent) / wholeFile).toFixed(1)}% of whole-file)`,
    );
  }
}

/** One sync of the scenario on a fresh copy of d2l-zh, chapters prepared by `jobs` threads. */
async function timedSync(chapters: readonly string[], jobs: number): Promise<SyncReport> {
  const work = mkdtempSync(join(tmpdir(), 'amts-bench-sync-'));
  try {
    const target = join(work, 'zh');
    cpSync(zh, target, { recursive: true });
    const poolMessages: string[] = [];
    const started = performance.now();
    const { result: report, peakMb } = await withPeakMemory(() =>
      syncBook(
        {
          sourceDir: classic,
          targetDir: target,
          sourceLanguage: 'en',
          targetLanguage: 'zh',
          base: { kind: 'origin-suffix', suffix: '_origin' },
          files: chapters,
          dryRun: false,
        },
        createPseudoEngine(),
        { prepareChapters: createParallelPreparer(jobs, (message) => poolMessages.push(message)) },
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `sync (139 d2l-zh chapters → d2l-en-classic, pseudo, --jobs ${jobs}): ${seconds.toFixed(2)} s wall, peak RSS ${peakMb.toFixed(0)} MB (process, worker threads included)`,
    );
    for (const message of poolMessages) console.log(`  ${message}`);
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Characters of prose a tool would send if it re-translated every changed file, or every changed section. */
function reTranslationCosts(chapters: readonly string[]): { wholeFile: number; section: number } {
  let wholeFile = 0;
  let section = 0;
  for (const chapter of chapters) {
    const oldText = readFileSync(join(zh, chapter.replace(/\.md$/, '_origin.md')), 'utf8');
    let newText: string;
    try {
      newText = readFileSync(join(classic, chapter), 'utf8');
    } catch {
      continue;
    }
    if (oldText === newText) continue;
    const oldDocument = parseMarkdown(oldText, chapter);
    const newDocument = parseMarkdown(newText, chapter);
    wholeFile += proseCharacters(newDocument.blocks);
    const oldSections = new Set(sections(oldDocument).map((blocks) => blocks.map((block) => block.source).join('')));
    for (const blocks of sections(newDocument)) {
      if (!oldSections.has(blocks.map((block) => block.source).join(''))) section += proseCharacters(blocks);
    }
  }
  return { wholeFile, section };
}

function sections(document: ParsedDocument): Block[][] {
  const result: Block[][] = [[]];
  for (const block of document.blocks) {
    if (block.kind === 'prose' && block.context === 'heading') result.push([]);
    result[result.length - 1]?.push(block);
  }
  return result;
}

function proseCharacters(blocks: readonly Block[]): number {
  let characters = 0;
  for (const block of blocks)
    for (const token of block.tokens ?? []) if (token.kind === 'text') characters += token.source.length;
  return characters;
}
