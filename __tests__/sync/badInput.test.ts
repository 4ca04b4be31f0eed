import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import type { SyncReport } from '../../src/sync/report.js';
import { syncBook } from '../../src/sync/syncBook.js';
import { EXAMPLE_BOOK, FIXTURE_CORPUS } from '../helpers/corpus.js';

const GOOD = 'chapter_optimization/rmsprop.md';
const OTHER = 'chapter_convolutional-modern/nin.md';
const origin = (path: string): string => path.replace(/\.md$/, '_origin.md');

let dir: string;
let english: string;
let translation: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amts-bad-'));
  english = join(dir, 'en');
  translation = join(dir, 'zh');
  for (const chapter of [GOOD, OTHER]) {
    cpSync(join(EXAMPLE_BOOK, 'en', chapter), join(english, chapter));
    cpSync(join(EXAMPLE_BOOK, 'zh', chapter), join(translation, chapter));
    cpSync(join(EXAMPLE_BOOK, 'zh', origin(chapter)), join(translation, origin(chapter)));
  }
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function sync(): Promise<SyncReport> {
  return syncBook(
    {
      sourceDir: english,
      targetDir: translation,
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      base: { kind: 'origin-suffix', suffix: '_origin' },
      dryRun: false,
    },
    createPseudoEngine(),
  );
}

const read = (path: string): string => readFileSync(path, 'utf8');

/** The broken chapter is reported and left exactly as it was; the other one is still synced. */
async function expectOnlyOtherSynced(problem: RegExp): Promise<void> {
  const before = read(join(translation, OTHER));
  const beforeOrigin = readFileSync(join(translation, origin(OTHER)));
  const report = await sync();
  const broken = report.files.find((file) => file.path === OTHER);
  expect(broken?.status).toBe('error');
  expect(broken?.error).toMatch(problem);
  expect(read(join(translation, OTHER))).toBe(before);
  expect(readFileSync(join(translation, origin(OTHER)))).toEqual(beforeOrigin);
  expect(report.files.find((file) => file.path === GOOD)?.status).toBe('updated');
  expect(read(join(translation, origin(GOOD)))).toBe(read(join(english, GOOD)));
}

describe('sync with bad input leaves the broken chapter alone and syncs the others', () => {
  it('missing origin', async () => {
    rmSync(join(translation, origin(OTHER)));
    const before = read(join(translation, OTHER));
    const report = await sync();
    const broken = report.files.find((file) => file.path === OTHER);
    expect(broken?.status).toBe('skipped');
    expect(broken?.reason).toMatch(/no old English/);
    expect(read(join(translation, OTHER))).toBe(before);
    expect(report.files.find((file) => file.path === GOOD)?.status).toBe('updated');
  });

  it('origin in the wrong language', async () => {
    writeFileSync(join(translation, origin(OTHER)), read(join(translation, OTHER)));
    await expectOnlyOtherSynced(/mostly CJK text, not en/);
  });

  it('merge-conflict markers in the translation', async () => {
    const text = read(join(translation, OTHER)).replace(
      '\n\n',
      '\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n\n',
    );
    writeFileSync(join(translation, OTHER), text);
    await expectOnlyOtherSynced(/merge-conflict markers at line/);
  });

  it('invalid UTF-8 in the translation', async () => {
    const bytes = readFileSync(join(translation, OTHER));
    writeFileSync(
      join(translation, OTHER),
      Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xff, 0xfe]), bytes.subarray(40)]),
    );
    await expectOnlyOtherSynced(/not valid UTF-8/);
  });

  it('a translation with no alignment to its origin (another chapter’s translation)', async () => {
    writeFileSync(
      join(translation, OTHER),
      read(join(FIXTURE_CORPUS, 'd2l-zh', 'chapter_recurrent-neural-networks/bptt.md')),
    );
    await expectOnlyOtherSynced(/does not align with its old English/);
  });

  it('a translation that is not in the target language', async () => {
    writeFileSync(join(translation, OTHER), read(join(translation, origin(OTHER))).replace('Network', 'Netzwerk'));
    await expectOnlyOtherSynced(/not in zh/);
  });
});

/** Runs `amts sync` on the test book with the pseudo engine and extra flags; returns the exit code and what it printed. */
async function runSync(...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const common = ['--source', english, '--target', translation, '--from', 'en', '--to', 'zh', '--engine', 'pseudo'];
  const code = await runCli(['sync', ...common, ...flags], {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('amts sync', () => {
  it('--dry-run writes nothing and prints the plan with characters and cost', async () => {
    const before = read(join(translation, GOOD));
    const { code, stdout: printed } = await runSync('--dry-run', '--report', join(dir, 'plan.json'));
    expect(code).toBe(0);
    expect(read(join(translation, GOOD))).toBe(before);
    expect(printed).toMatch(/Plan \(dry run, nothing written\)/);
    expect(printed).toMatch(/characters to send: [1-9]\d* \(estimated \$\d+\.\d\d\)/);
    const plan = JSON.parse(read(join(dir, 'plan.json'))) as SyncReport;
    expect(plan.dryRun).toBe(true);
    expect(plan.totals.drafted).toBeGreaterThan(0);
    expect(plan.totals.charactersSent).toBeGreaterThan(0);
  });

  it('--out leaves the translation untouched and writes the synced book elsewhere', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const before = read(join(translation, GOOD));
    const { code } = await runSync('--out', out);
    expect(code).toBe(0);
    expect(read(join(translation, GOOD))).toBe(before);
    expect(read(join(out, GOOD))).not.toBe(before);
    expect(read(join(out, origin(GOOD)))).toBe(read(join(english, GOOD)));
  });

  it('names the problem and exits 2 on a missing directory', async () => {
    const errors: string[] = [];
    const code = await runCli(
      [
        'sync',
        '--source',
        join(dir, 'nope'),
        '--target',
        translation,
        '--from',
        'en',
        '--to',
        'zh',
        '--engine',
        'pseudo',
      ],
      {
        stdout: () => undefined,
        stderr: (text) => errors.push(text),
      },
    );
    expect(code).toBe(2);
    expect(errors.join('')).toMatch(/--source .*nope is not a directory/);
  });
});
