/**
 * The committed CLI bundle, run as users run it: its entry loads the rest in chunks, serves its own worker threads
 * from them and may start itself again (respawn.ts). Same pairs as the command run from source.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { d2lbookTree, readReport, removeDirectory, runPairsCli, temporaryDirectory } from '../pairs/bookTree.js';

const bundle = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
let work: string;

beforeAll(async () => {
  work = await temporaryDirectory();
  await d2lbookTree(join(work, 'book'));
});
afterAll(async () => removeDirectory(work));

function pairsArgs(name: string, jobs: string): string[] {
  return [
    '--target',
    join(work, 'book'),
    '--origin-suffix',
    '_origin',
    '--from',
    'en',
    '--to',
    'zh',
    '--jobs',
    jobs,
    '--out',
    join(work, `${name}.csv`),
    '--report',
    join(work, `${name}.json`),
  ];
}

describe('dist/cli/index.js', () => {
  it('writes the same pairs as the source, with chapters in worker threads', async () => {
    const fromSource = await runPairsCli(pairsArgs('source', '1'));
    expect(fromSource.code).toBe(0);
    const { stderr } = await promisify(execFile)(process.execPath, [bundle, 'pairs', ...pairsArgs('bundle', '2')]);
    expect(stderr).toContain('sentence pairs written');
    const report = await readReport(join(work, 'bundle.json'));
    expect(report.workers).toMatchObject({ workersStarted: 2, workerFailures: [], chaptersInWorkers: 3 });
    expect(await readFile(join(work, 'bundle.csv'), 'utf8')).toBe(await readFile(join(work, 'source.csv'), 'utf8'));
  });

  it('answers --help without starting again', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bundle, '--help']);
    expect(stdout).toMatch(/^Usage: amts <command>/u);
  });
});
