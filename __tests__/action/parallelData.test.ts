/**
 * The action's parallel data step on the bundled example book, with real git repositories: a translation kept
 * with a state file (no origin files) whose English is read from the source checkout at the recorded commit, a bot
 * branch holding a machine draft, and the bad inputs it must refuse.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkParallelDataRegion,
  defaultParallelDataName,
  prepareRunParallelData,
} from '../../src/action/parallelData.js';
import { readSettings, type ActionSettings } from '../../src/config.js';
import { Git } from '../../src/github/git.js';
import { EXAMPLE_BOOK } from '../helpers/corpus.js';

const RMSPROP = 'chapter_optimization/rmsprop.md';
/** A sentence of the newer English, and the machine draft a bot branch holds for it. */
const BOT_DRAFT = '这句机器草稿还没有人审阅过。';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
      GIT_CONFIG_COUNT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** Chapter paths of the example book (the translations, not their origin files). */
function chapters(): string[] {
  const zh = path.join(EXAMPLE_BOOK, 'zh');
  return readdirSync(zh, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md') && !file.endsWith('_origin.md'))
    .sort();
}

describe('the parallel data step of the action', () => {
  let root: string;
  let source: string;
  let clone: string;
  let oldCommit: string;
  const logged: string[] = [];
  const log = { info: (line: string) => logged.push(line), warning: (line: string) => logged.push(`warning: ${line}`) };

  function settings(inputs: Record<string, string> = {}): ActionSettings {
    const all: Record<string, string> = {
      'target-repo': 'd2l-ai/d2l-zh',
      'target-language': 'zh',
      'state-file': '.amts/state.json',
      'source-path': 'source',
      ...inputs,
    };
    return readSettings(
      { getInput: (name) => all[name] ?? '' },
      { GITHUB_WORKSPACE: root, RUNNER_TEMP: path.join(root, 'temp') },
    );
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'amts-parallel-data-'));
    logged.length = 0;
    // The English repository: the English the translation was made from, then the newer English on top.
    source = path.join(root, 'source');
    mkdirSync(source);
    git(source, 'init', '-q', '-b', 'main');
    for (const chapter of chapters()) {
      mkdirSync(path.dirname(path.join(source, chapter)), { recursive: true });
      cpSync(path.join(EXAMPLE_BOOK, 'zh', chapter.replace(/\.md$/u, '_origin.md')), path.join(source, chapter));
    }
    oldCommit = commitAll(source, 'The English the translation was made from');
    cpSync(path.join(EXAMPLE_BOOK, 'en'), source, { recursive: true });
    commitAll(source, 'Newer English');

    // The translation repository keeps no origin files, only the commit it matches.
    const bare = path.join(root, 'd2l-zh.git');
    git(root, 'init', '-q', '--bare', '-b', 'main', bare);
    const seed = path.join(root, 'seed');
    git(root, 'clone', '-q', bare, seed);
    for (const chapter of chapters()) {
      mkdirSync(path.dirname(path.join(seed, chapter)), { recursive: true });
      cpSync(path.join(EXAMPLE_BOOK, 'zh', chapter), path.join(seed, chapter));
    }
    mkdirSync(path.join(seed, '.amts'));
    writeFileSync(path.join(seed, '.amts/state.json'), JSON.stringify({ sourceCommit: oldCommit }));
    commitAll(seed, 'Chinese edition');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    // A bot branch with a machine draft nobody reviewed: checked out, as the action leaves the clone.
    git(seed, 'checkout', '-q', '-b', 'amts/zh/nightly');
    writeFileSync(path.join(seed, RMSPROP), `${readFileSync(path.join(seed, RMSPROP), 'utf8')}\n${BOT_DRAFT}\n`);
    commitAll(seed, 'AMTS draft');
    git(seed, 'push', '-q', 'origin', 'HEAD:amts/zh/nightly');
    clone = path.join(root, 'clone');
    git(root, 'clone', '-q', '-b', 'amts/zh/nightly', bare, clone);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds from the base branch against the English at the recorded commit; bot-branch drafts stay out', async () => {
    const prepared = await prepareRunParallelData({
      settings: settings({ engine: 'aws' }),
      target: new Git(clone),
      scope: undefined,
      dryRun: false,
      log,
    });

    expect(prepared.request).not.toBe('off');
    const request = prepared.request === 'off' ? undefined : prepared.request;
    expect(request?.name).toBe('amts-d2l-ai-d2l-zh-en-zh');
    const file = readFileSync(request?.file ?? '', 'utf8');
    expect(file.startsWith('en,zh\r\n')).toBe(true);
    expect(file).not.toContain(BOT_DRAFT);
    // A sentence the newer English rewrote ("Let's" became "Let us") is left out; an unchanged one stays.
    expect(file).not.toContain("Let's write out the equations in detail.");
    const report = prepared.report;
    expect(report).toMatchObject({ mode: 'build', chaptersAligned: chapters().length, chaptersSkipped: [] });
    expect(report?.source).toMatch(/^d2l-ai\/d2l-zh@main \([0-9a-f]{12}\)$/u);
    expect(report?.dropped?.['re-drafted']).toBeGreaterThan(0);
    expect(report?.pairs).toBe(file.trim().split('\r\n').length - 1);
    expect(
      logged.some((line) => line.startsWith('Parallel data for "amts-d2l-ai-d2l-zh-en-zh" from d2l-ai/d2l-zh@main')),
    ).toBe(true);

    // Scoped to another chapter, rmsprop is not re-drafted this run: it gives every pair, the old wording too.
    const scoped = await prepareRunParallelData({
      settings: settings({ engine: 'aws' }),
      target: new Git(clone),
      scope: ['chapter_convolutional-modern/nin.md'],
      dryRun: true,
      log,
    });
    expect(scoped.report?.resource).toBe('planned');
    const scopedFile = scoped.request === 'off' ? '' : readFileSync(scoped.request.file ?? '', 'utf8');
    expect(scopedFile).toContain("Let's write out the equations in detail.");
    expect(scoped.report?.pairs ?? 0).toBeGreaterThan(report?.pairs ?? 0);
    expect(scoped.report?.dropped?.['re-drafted'] ?? 0).toBeLessThan(report?.dropped?.['re-drafted'] ?? 0);
  });

  it('uses a cache folder: a second build aligns nothing', async () => {
    const cached = settings({ engine: 'aws', 'cache-dir': 'pairs-cache' });
    const input = { settings: cached, target: new Git(clone), scope: undefined, dryRun: false, log };
    const first = await prepareRunParallelData(input);
    const second = await prepareRunParallelData(input);
    expect(first.report?.chaptersFromCache).toBe(0);
    expect(second.report?.chaptersFromCache).toBe(chapters().length);
    expect(second.report?.sha256).toBe(first.report?.sha256);
    expect(readdirSync(path.join(root, 'pairs-cache'))).toHaveLength(chapters().length);
  });

  it('is off for other engines and with parallel-data: off, and uses a named resource as it is', async () => {
    const base = { target: new Git(clone), scope: undefined, dryRun: false, log };
    expect(await prepareRunParallelData({ ...base, settings: settings({ engine: 'pseudo' }) })).toEqual({
      request: 'off',
    });
    expect(
      await prepareRunParallelData({ ...base, settings: settings({ engine: 'aws', 'parallel-data': 'off' }) }),
    ).toEqual({
      request: 'off',
    });
    const existing = await prepareRunParallelData({
      ...base,
      settings: settings({ engine: 'aws', 'parallel-data': 'existing', 'parallel-data-name': 'd2l-en-zh' }),
    });
    expect(existing).toEqual({
      request: { name: 'd2l-en-zh' },
      report: { name: 'd2l-en-zh', mode: 'existing', source: 'd2l-en-zh', resource: 'used-as-is' },
    });
  });

  it('refuses a hand-kept file that is missing or in another format, and a state file without its commit', async () => {
    const base = { target: new Git(clone), scope: undefined, dryRun: false, log };
    await expect(
      prepareRunParallelData({
        ...base,
        settings: settings({ engine: 'aws', 'parallel-data-file': 'pairs/en-zh.csv' }),
      }),
    ).rejects.toThrow(
      "Input 'parallel-data-file': 'pairs/en-zh.csv' is not a readable file in the translation repository",
    );
    writeFileSync(path.join(clone, 'pairs.xlsx'), 'not text');
    await expect(
      prepareRunParallelData({ ...base, settings: settings({ engine: 'aws', 'parallel-data-file': 'pairs.xlsx' }) }),
    ).rejects.toThrow("'pairs.xlsx' must end in .csv, .tsv or .tmx");
    expect(() => settings({ engine: 'aws', 'parallel-data-file': '../outside.csv' })).toThrow(
      "Input 'parallel-data-file': '../outside.csv' must be a path inside the translation repository",
    );
    expect(() => settings({ engine: 'aws', 'parallel-data': 'off', 'parallel-data-file': 'a.csv' })).toThrow(
      /Input 'parallel-data-file': .* needs parallel-data: build, not off/u,
    );
    expect(() => settings({ engine: 'aws', 'parallel-data': 'sometimes' })).toThrow(
      "Input 'parallel-data': 'sometimes' is not one of build, existing, off",
    );

    // The recorded commit is not in the English checkout (a shallow clone, say).
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const seed = path.join(root, 'seed');
    git(seed, 'checkout', '-q', 'main');
    writeFileSync(path.join(seed, '.amts/state.json'), JSON.stringify({ sourceCommit: missing }));
    commitAll(seed, 'Record a commit the checkout lacks');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    git(clone, 'fetch', '-q', 'origin');
    await expect(prepareRunParallelData({ ...base, settings: settings({ engine: 'aws' }) })).rejects.toThrow(
      `.amts/state.json: records source commit ${missing}, which the English checkout cannot read`,
    );
  });

  it('names the resource after the translation and the languages, in the characters Translate allows', () => {
    expect(defaultParallelDataName(settings())).toBe('amts-d2l-ai-d2l-zh-en-zh');
    expect(
      defaultParallelDataName({
        targetRepository: { owner: 'my_org', name: 'book.zh-TW' },
        sourceLanguage: 'en',
        targetLanguage: 'zh-TW',
      }),
    ).toBe('amts-my-org-book-zh-TW-en-zh-TW');
  });

  it('refuses a region without Active Custom Translation, naming the regions that have it', () => {
    expect(() => checkParallelDataRegion(settings({ engine: 'aws', 'aws-region': 'ap-northeast-1' }), {})).toThrow(
      "Input 'aws-region': Active Custom Translation (parallel data) is not available in ap-northeast-1; " +
        'Amazon Translate offers it in us-east-1, us-west-2, eu-west-1 only.',
    );
    expect(() => checkParallelDataRegion(settings({ engine: 'aws' }), { AWS_REGION: 'eu-central-1' })).toThrow(
      "Input 'parallel-data': Active Custom Translation (parallel data) is not available in eu-central-1",
    );
    expect(() => checkParallelDataRegion(settings({ engine: 'aws', 'aws-region': 'eu-west-1' }), {})).not.toThrow();
    expect(() =>
      checkParallelDataRegion(settings({ engine: 'aws', 'aws-region': 'eu-central-1', 'parallel-data': 'off' }), {}),
    ).not.toThrow();
    expect(() =>
      checkParallelDataRegion(settings({ engine: 'aws-realtime', 'aws-region': 'eu-central-1' }), {}),
    ).not.toThrow();
  });
});
