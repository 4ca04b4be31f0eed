import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCli } from '../../src/commands/syncCli.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import type { SyncReport } from '../../src/sync/report.js';
import { syncBook, type ChapterPreparer } from '../../src/sync/syncBook.js';
import { createParallelPreparer } from '../../src/workers/syncPreparer.js';
import { CORPUS } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';
import { originOf } from '../pairs/bookTree.js';

// Ten chapters of the whole corpus (a rename upstream among them), so these run where the corpus is.
const D2L_ZH = join(CORPUS, 'd2l-zh');
const NEW_ENGLISH = join(CORPUS, 'd2l-en-classic');

/** Ten chapters: changed, unchanged, one renamed upstream (nadaraya-waston → nadaraya-watson). */
const CHAPTERS = [
  'chapter_attention-mechanisms/attention-cues.md',
  'chapter_attention-mechanisms/attention-scoring-functions.md',
  'chapter_attention-mechanisms/bahdanau-attention.md',
  'chapter_attention-mechanisms/index.md',
  'chapter_attention-mechanisms/multihead-attention.md',
  'chapter_attention-mechanisms/self-attention-and-positional-encoding.md',
  'chapter_attention-mechanisms/transformer.md',
  'chapter_computational-performance/async-computation.md',
  'chapter_convolutional-modern/batch-norm.md',
];
const RENAMED = {
  from: 'chapter_attention-mechanisms/nadaraya-waston.md',
  to: 'chapter_attention-mechanisms/nadaraya-watson.md',
};

interface SyncRun {
  readonly report: SyncReport;
  readonly files: Map<string, string>;
  readonly log: string[];
}

let work: string;

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await cp(from, to);
}

/** A small book: the chapters' translations with their `_origin.md`, and their new English. */
async function book(name: string): Promise<{ source: string; target: string }> {
  const source = join(work, name, 'en');
  const target = join(work, name, 'zh');
  for (const chapter of [...CHAPTERS, RENAMED.from]) {
    await copyInto(join(D2L_ZH, chapter), join(target, chapter));
    await copyInto(join(D2L_ZH, originOf(chapter)), join(target, originOf(chapter)));
  }
  for (const chapter of [...CHAPTERS, RENAMED.to]) await copyInto(join(NEW_ENGLISH, chapter), join(source, chapter));
  return { source, target };
}

async function filesUnder(root: string): Promise<Map<string, string>> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(join(root, name), 'utf8')] as const)),
  );
}

async function syncWith(
  name: string,
  preparer?: (log: (message: string) => void) => ChapterPreparer,
): Promise<SyncRun> {
  const { source, target } = await book(name);
  const log: string[] = [];
  const prepareChapters = preparer?.((message) => log.push(message));
  const report = await syncBook(
    {
      sourceDir: source,
      targetDir: target,
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      base: { kind: 'origin-suffix', suffix: '_origin' },
      dryRun: false,
    },
    createPseudoEngine(),
    { log: (message) => log.push(message), ...(prepareChapters === undefined ? {} : { prepareChapters }) },
  );
  return { report, files: await filesUnder(target), log };
}

let inline: SyncRun;
let parallel: SyncRun;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'amts-workers-'));
  inline = await syncWith('inline');
  parallel = await syncWith('parallel', (log) => createParallelPreparer(2, log));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('createParallelPreparer', { tags: [CORPUS_TAG] }, () => {
  it('prepares the chapters in worker threads', () => {
    expect(parallel.log).toContain('prepared 10 chapters: 10 in 2 worker thread(s), 0 in the main thread');
  });

  it('writes the same translation, byte for byte, as preparing inline', () => {
    expect(inline.report.totals.filesChanged).toBeGreaterThan(5);
    expect(inline.report.files.some((file) => file.renamedFrom === RENAMED.from)).toBe(true);
    expect([...parallel.files.keys()]).toEqual([...inline.files.keys()]);
    for (const [name, text] of inline.files) expect(parallel.files.get(name), name).toBe(text);
  });

  it('reports the same sync, byte for byte', () => {
    expect(JSON.stringify(parallel.report, null, 2)).toBe(JSON.stringify(inline.report, null, 2));
  });
});

describe('amts sync --jobs', { tags: [CORPUS_TAG] }, () => {
  async function cli(name: string, jobs: string): Promise<{ code: number; stderr: string; report: string }> {
    const { source, target } = await book(name);
    const reportPath = join(work, `${name}.json`);
    let stderr = '';
    const code = await syncCli.run(
      [
        ...['--source', source, '--target', target, '--from', 'en', '--to', 'zh', '--engine', 'pseudo'],
        ...['--report', reportPath, '--jobs', jobs],
      ],
      { stdout: () => undefined, stderr: (text) => (stderr += text) },
    );
    return { code, stderr, report: await readFile(reportPath, 'utf8') };
  }

  it('prepares in worker threads or in the main thread, with the same report', async () => {
    const two = await cli('cli-two', '2');
    const one = await cli('cli-one', '1');
    expect(two.stderr).toContain('amts sync: prepared 10 chapters: 10 in 2 worker thread(s), 0 in the main thread');
    expect(one.stderr).toContain('amts sync: prepared 10 chapters: 10 in the main thread');
    expect(two.code).toBe(one.code);
    expect(two.report).toBe(one.report);
  });

  it('rejects a --jobs that is not a whole number of threads', async () => {
    await expect(cli('cli-bad', 'two')).rejects.toThrow("--jobs must be a whole number of at least 1, not 'two'");
  });
});
