/**
 * Every run that cannot be right is refused through the command line, before anything is written or sent: the exit
 * code, the one line that says what to change, and the book exactly as it was. Chapters copied from the real corpus.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { SyncReport } from '../../src/sync/report.js';
import { CORPUS } from '../helpers/corpus.js';

const CHAPTERS = ['chapter_optimization/rmsprop.md', 'chapter_convolutional-modern/nin.md'];
const NEVER_HAD_ORIGIN = ['index.md', 'chapter_references/zreferences.md'];
const origin = (path: string): string => path.replace(/\.md$/u, '_origin.md');

let dir: string;
let english: string;
let translation: string;

/** Two synced chapters with their origins, plus the two d2l-zh chapters that never had one. */
function copyBook(withOrigins = true): void {
  for (const chapter of [...CHAPTERS, ...NEVER_HAD_ORIGIN]) {
    cpSync(join(CORPUS, 'd2l-en-classic', chapter), join(english, chapter));
    cpSync(join(CORPUS, 'd2l-zh', chapter), join(translation, chapter));
  }
  if (withOrigins)
    for (const chapter of CHAPTERS) cpSync(join(CORPUS, 'd2l-zh', origin(chapter)), join(translation, origin(chapter)));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amts-refuse-'));
  english = join(dir, 'en');
  translation = join(dir, 'zh');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function amts(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Every file under a folder with a hash of its bytes, to show a refused run changed nothing. */
function snapshot(root: string): Record<string, string> {
  if (!existsSync(root)) return {};
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

const firstLine = (text: string): string => text.split('\n')[0] ?? '';
const syncFlags = (): string[] => ['--source', english, '--target', translation, '--from', 'en', '--engine', 'pseudo'];

describe('language codes are the ones Amazon Translate accepts', () => {
  beforeEach(() => copyBook());

  it.each([
    [
      'sync',
      ['--to', 'cn'],
      "amts sync: --to 'cn' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    ],
    [
      'sync',
      ['--to', 'xx'],
      "amts sync: --to 'xx' is not a language code Amazon Translate accepts; see https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html for the codes",
    ],
    [
      'sync',
      ['--to', 'zh-CN'],
      "amts sync: --to 'zh-CN' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    ],
  ])('%s %j is refused with the code meant, and the book is left as it was', async (command, flags, message) => {
    const before = snapshot(dir);
    const run = await amts(command, ...syncFlags(), ...flags);
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(message);
    expect(run.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('translate --from english names en and writes nothing', async () => {
    const out = join(dir, 'out');
    const run = await amts(
      'translate',
      join(english, CHAPTERS[0] ?? ''),
      '--from',
      'english',
      '--to',
      'zh',
      '--engine',
      'pseudo',
      '--out',
      out,
    );
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(
      "amts translate: --from 'english' is not a language code Amazon Translate accepts; did you mean 'en'?",
    );
    expect(existsSync(out)).toBe(false);
  });

  it('pairs --to cn and experiment --to cn are refused before anything is read or written', async () => {
    const out = join(dir, 'pairs.csv');
    const pairs = await amts('pairs', '--target', translation, '--from', 'en', '--to', 'cn', '--out', out);
    expect(pairs.code).toBe(2);
    expect(firstLine(pairs.stderr)).toBe(
      "amts pairs: --to 'cn' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    );
    expect(existsSync(out)).toBe(false);
    const experiment = await amts(
      'experiment',
      '--book',
      translation,
      '--chapters',
      'rmsprop',
      '--from',
      'en',
      '--to',
      'cn',
      '--engine',
      'pseudo',
    );
    expect(experiment.code).toBe(2);
    expect(firstLine(experiment.stderr)).toContain(
      "--to 'cn' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    );
  });

  it('evaluate --to xx is refused, and so is the old spelling --lang xx', async () => {
    const file = join(translation, CHAPTERS[0] ?? '');
    const run = await amts('evaluate', '--hyp', file, '--ref', file, '--to', 'xx');
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toMatch(/^amts evaluate: --to 'xx' is not a language code Amazon Translate accepts/u);
    const old = await amts('evaluate', '--hyp', file, '--ref', file, '--lang', 'jp');
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('amts evaluate: --lang is deprecated; use --to\n');
    expect(old.stderr).toContain("--to 'jp' is not a language code Amazon Translate accepts; did you mean 'ja'?");
  });

  it('refuses --to es on d2l-zh with the measured share of CJK letters, reading the book as it is', async () => {
    const before = snapshot(join(CORPUS, 'd2l-zh', 'chapter_optimization'));
    const run = await amts(
      'sync',
      '--source',
      join(CORPUS, 'd2l-en-classic'),
      '--target',
      join(CORPUS, 'd2l-zh'),
      '--from',
      'en',
      '--to',
      'es',
      '--engine',
      'pseudo',
    );
    expect(run.code).toBe(2);
    const line = run.stderr.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    const measured =
      /the translation is mostly CJK, not es \((\d+)% of its prose letters are CJK; (\d+) of (\d+) chapters\); check --to/u.exec(
        line,
      );
    expect(measured, line).not.toBeNull();
    expect(Number(measured?.[1])).toBeGreaterThan(50);
    expect(Number(measured?.[2]) * 2).toBeGreaterThan(Number(measured?.[3]));
    expect(snapshot(join(CORPUS, 'd2l-zh', 'chapter_optimization'))).toEqual(before);
  });
});

describe('a target without any old English', () => {
  beforeEach(() => copyBook(false));

  it('sync is refused with one line saying how to give the old English, and writes nothing', async () => {
    const before = snapshot(dir);
    const run = await amts('sync', ...syncFlags(), '--to', 'zh');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^amts sync: .*zh: no old English: none of its 4 Markdown files has a _origin\.md beside it; give the English it was translated from with --base <old-English dir or git rev>, --state-file <state\.json> or --origin-suffix <suffix>/u,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('pairs exits non-zero and writes no header-only CSV', async () => {
    const out = join(dir, 'pairs.csv');
    const report = join(dir, 'report.json');
    const run = await amts(
      'pairs',
      '--target',
      translation,
      '--from',
      'en',
      '--to',
      'zh',
      '--out',
      out,
      '--report',
      report,
      '--jobs',
      '1',
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /no sentence pairs, nothing written: none of its 4 translations has its English .*give the English book with --source <dir>/u,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(report)).toBe(false);
  });

  it('the old English from a directory (--base) makes the same target sync', async () => {
    const old = join(dir, 'old');
    for (const chapter of CHAPTERS) cpSync(join(CORPUS, 'd2l-zh', origin(chapter)), join(old, chapter));
    const run = await amts('sync', ...syncFlags(), '--to', 'zh', '--base', old, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Plan (dry run, nothing written)');
  });
});

describe('chapters that never had an origin', () => {
  beforeEach(() => copyBook());

  it('are reported as skipped with the reason and the run exits 0', async () => {
    const run = await amts('sync', ...syncFlags(), '--to', 'zh', '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    for (const chapter of NEVER_HAD_ORIGIN)
      expect(run.stdout).toContain(`  skipped: ${chapter}: no old English (_origin.md files beside the translation)`);
    expect(run.stdout).toMatch(/: 4 files, \d+ changed, 2 skipped, 0 with problems/u);
  });

  it('are errors with --strict, which exits 1 and leaves them as they were', async () => {
    const before = snapshot(translation);
    const run = await amts('sync', ...syncFlags(), '--to', 'zh', '--strict', '--report', join(dir, 'report.json'));
    expect(run.code).toBe(1);
    for (const chapter of NEVER_HAD_ORIGIN) expect(run.stdout).toContain(`  error: ${chapter}: no old English`);
    const after = snapshot(translation);
    for (const chapter of NEVER_HAD_ORIGIN) expect(after[chapter]).toBe(before[chapter]);
  });
});

describe('new English chapters and .amts.yml', () => {
  const fresh = 'chapter_optimization/adam.md';
  beforeEach(() => {
    copyBook();
    cpSync(join(CORPUS, 'd2l-en-classic', fresh), join(english, fresh));
  });

  it('are drafted by default, listed as skipped with --new-chapters skip', async () => {
    const drafted = await amts('sync', ...syncFlags(), '--to', 'zh');
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.stdout).toContain(`  created: ${fresh}`);
    rmSync(join(translation, fresh));
    rmSync(join(translation, origin(fresh)));
    const skipped = await amts('sync', ...syncFlags(), '--to', 'zh', '--new-chapters', 'skip');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain(`  skipped: ${fresh}: new English chapter, not drafted`);
    expect(existsSync(join(translation, fresh))).toBe(false);
    const bad = await amts('sync', ...syncFlags(), '--to', 'zh', '--new-chapters', 'maybe');
    expect(bad.code).toBe(2);
    expect(firstLine(bad.stderr)).toBe("amts sync: --new-chapters must be one of draft, skip, not 'maybe'");
  });

  it('leaves out the chapters .amts.yml excludes, and refuses a malformed one naming it', async () => {
    writeFileSync(
      join(translation, '.amts.yml'),
      'exclude:\n  - chapter_optimization/adam.md\n  - chapter_references/*.md\n',
    );
    const report = join(dir, 'report.json');
    const run = await amts('sync', ...syncFlags(), '--to', 'zh', '--report', report);
    expect(run.code, run.stderr).toBe(0);
    const paths = (JSON.parse(readFileSync(report, 'utf8')) as SyncReport).files.map((file) => file.path);
    expect(paths).not.toContain(fresh);
    expect(paths).not.toContain('chapter_references/zreferences.md');
    expect(paths).toContain('index.md');
    expect(existsSync(join(translation, fresh))).toBe(false);

    writeFileSync(join(translation, '.amts.yml'), 'exclude: [index.md\n');
    const before = snapshot(dir);
    const broken = await amts('sync', ...syncFlags(), '--to', 'zh');
    expect(broken.code).toBe(2);
    expect(broken.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/^amts sync: .*\.amts\.yml(:\d+)?: is not valid YAML/u);
    expect(snapshot(dir)).toEqual(before);

    writeFileSync(join(translation, '.amts.yml'), 'exclude: index.md\ninclude: x\n');
    const unknown = await amts('sync', ...syncFlags(), '--to', 'zh');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/\.amts\.yml: unknown key 'include' \(known: exclude\)/u);
  });
});

describe('AWS settings and the estimate of a dry run', () => {
  beforeEach(() => {
    copyBook();
    for (const name of [
      'AWS_REGION',
      'AMTS_AWS_REGION',
      'AMTS_AWS_BUCKET',
      'AMTS_AWS_ROLE_ARN',
      'AMTS_AWS_PARALLEL_DATA_NAME',
    ])
      vi.stubEnv(name, '');
  });
  afterEach(() => vi.unstubAllEnvs());

  const awsFlags = (): string[] => [...syncFlags().slice(0, -2), '--to', 'zh', '--engine', 'aws', '--dry-run'];

  it('a dry run names every missing setting at once and writes nothing', async () => {
    const before = snapshot(dir);
    const run = await amts('sync', ...awsFlags());
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(
      'amts sync: AWS settings required by the aws engine are missing: ' +
        'region (action input aws-region, flag --aws-region or AMTS_AWS_REGION); ' +
        'bucket (action input s3-bucket, flag --s3-bucket or AMTS_AWS_BUCKET); ' +
        'dataAccessRoleArn (action input data-access-role-arn, flag --data-access-role-arn or AMTS_AWS_ROLE_ARN)',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('prices the plan at the ACT rate when a parallel-data resource is named, without contacting AWS', async () => {
    const settings = [
      '--aws-region',
      'us-east-1',
      '--s3-bucket',
      'amts-books',
      '--data-access-role-arn',
      'arn:aws:iam::123456789012:role/Amts',
    ];
    const plain = join(dir, 'plain.json');
    const act = join(dir, 'act.json');
    expect((await amts('sync', ...awsFlags(), ...settings, '--report', plain)).code).toBe(0);
    const run = await amts('sync', ...awsFlags(), ...settings, '--parallel-data-name', 'd2l-zh', '--report', act);
    expect(run.code, run.stderr).toBe(0);
    const read = (path: string): SyncReport => JSON.parse(readFileSync(path, 'utf8')) as SyncReport;
    const [standard, custom] = [read(plain).totals, read(act).totals];
    expect(custom.charactersSent).toBeGreaterThan(0);
    expect(custom.charactersSent).toBe(standard.charactersSent);
    expect(standard.estimatedCostUsd).toBeCloseTo((standard.charactersSent / 1e6) * 15, 10);
    expect(custom.estimatedCostUsd).toBeCloseTo((custom.charactersSent / 1e6) * 60, 10);
  });
});

describe('one vocabulary', () => {
  beforeEach(() => copyBook());

  it('old flag spellings still work, each with one deprecation line', async () => {
    const run = await amts(
      'sync',
      ...syncFlags(),
      '--to',
      'zh',
      '--dry-run',
      '--role-arn',
      'arn:aws:iam::123456789012:role/Amts',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('amts sync: --role-arn is deprecated; use --data-access-role-arn\n');
    const both = await amts('sync', ...syncFlags(), '--to', 'zh', '--state', 'a.json', '--state-file', 'b.json');
    expect(both.code).toBe(2);
    expect(firstLine(both.stderr)).toBe('amts sync: give --state-file or its old spelling --state, not both');
  });

  it('sync --out holds the complete synced book and the translation is not changed', async () => {
    writeFileSync(join(translation, 'img.svg'), '<svg/>');
    const before = snapshot(translation);
    const out = join(dir, 'out');
    const run = await amts('sync', ...syncFlags(), '--to', 'zh', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`the complete synced book is in ${out}; the translation itself was not changed`);
    expect(snapshot(translation)).toEqual(before);
    expect(Object.keys(snapshot(out)).sort()).toEqual(Object.keys(before).sort());
    expect(snapshot(out)['index.md']).toBe(before['index.md']);
    // Run again into the same folder: the book there is replaced, and still whole.
    const again = await amts('sync', ...syncFlags(), '--to', 'zh', '--out', out);
    expect(again.code, again.stderr).toBe(0);
    expect(Object.keys(snapshot(out)).sort()).toEqual(Object.keys(before).sort());
    const inside = await amts('sync', ...syncFlags(), '--to', 'zh', '--out', join(translation, 'synced'));
    expect(inside.code).toBe(2);
    expect(existsSync(join(translation, 'synced'))).toBe(false);
  });

  it('evaluate on directories leaves out *_origin.md and reports a file missing on one side', async () => {
    const hyp = join(dir, 'hyp');
    mkdirSync(hyp);
    cpSync(translation, hyp, { recursive: true });
    rmSync(join(hyp, 'index.md'));
    // The reference list has no prose to score: only the reference side has it, so it is reported, not scored.
    rmSync(join(hyp, 'chapter_references'), { recursive: true });
    const run = await amts('evaluate', '--hyp', hyp, '--ref', translation, '--to', 'zh', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split('\n').sort()).toEqual(
      ['chapter_references/zreferences.md', 'index.md']
        .map(
          (name) => `amts evaluate: skipped: ${join(hyp, name)}: missing, so ${join(translation, name)} is not scored`,
        )
        .sort(),
    );
    expect(run.stdout).not.toContain('_origin.md');
    expect(run.stdout).toContain('rmsprop.md');
  });
});
