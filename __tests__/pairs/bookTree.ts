import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandOutput } from '../../src/commands/args.js';
import { pairsCli } from '../../src/commands/pairsCli.js';
import type { PairsReport } from '../../src/pairs/pairsReport.js';
import { FIXTURES } from '../helpers/corpus.js';

/**
 * The dev chapters with gold alignments, as paths relative to d2l-zh (translation; the original adds `_origin`).
 * Committed with their gold files under fixtures/shared, so the tests built on them run on any clone.
 */
export const DEV_CHAPTERS = [
  'chapter_recurrent-neural-networks/bptt.md',
  'chapter_convolutional-modern/batch-norm.md',
  'chapter_recurrent-modern/beam-search.md',
] as const;

export const GOLD_FILES = ['bptt', 'batch-norm', 'beam-search'].map((name) =>
  join(FIXTURES, 'gold/align', `${name}.json`),
);

export const D2L_ZH = join(FIXTURES, 'corpus/d2l-zh');

export function originOf(chapter: string): string {
  return chapter.replace(/\.md$/u, '_origin.md');
}

export async function temporaryDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'amts-pairs-'));
}

export async function removeDirectory(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

export async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await copyFile(from, to);
}

export async function writeInto(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** A d2lbook tree: each dev chapter with its `_origin.md` beside it. */
export async function d2lbookTree(root: string): Promise<void> {
  for (const chapter of DEV_CHAPTERS) {
    await copyInto(join(D2L_ZH, chapter), join(root, chapter));
    await copyInto(join(D2L_ZH, originOf(chapter)), join(root, originOf(chapter)));
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runPairsCli(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const output: CommandOutput = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await pairsCli.run(args, output);
  return { code, stdout, stderr };
}

export async function readReport(path: string): Promise<PairsReport> {
  return JSON.parse(await readFile(path, 'utf8')) as PairsReport;
}
