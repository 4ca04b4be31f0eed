import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/github/changes.js';
import {
  UnsafePathError,
  assertNoSymlinks,
  assertNoTraversal,
  collectChanges,
  parseNameStatus,
  pathsToSync,
  selectChanges,
} from '../../src/github/changes.js';
import { readSourceEvent } from '../../src/github/event.js';
import { Git } from '../../src/github/git.js';
import { createOctokitClient } from '../../src/github/octokit.js';
import { FAST_TIMING } from '../helpers/githubTiming.js';
import { GitHubServer } from '../servers/githubServer.js';
import { git } from './fixture.js';

describe('parseNameStatus', () => {
  it('reads additions, removals, modifications and renames from real git output', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amts-diff-'));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      mkdirSync(path.join(dir, 'chapter one'));
      const long = 'A long enough paragraph for rename detection to see the same file.\n'.repeat(20);
      writeFileSync(path.join(dir, 'chapter one', 'old name.md'), long);
      writeFileSync(path.join(dir, 'gone.md'), 'bye\n');
      writeFileSync(path.join(dir, 'edit.md'), 'one\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'one');
      git(dir, 'mv', 'chapter one/old name.md', 'chapter one/new "name".md');
      git(dir, 'rm', '-q', 'gone.md');
      writeFileSync(path.join(dir, 'edit.md'), 'two\n');
      writeFileSync(path.join(dir, 'fresh.md'), 'new\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'two');
      const changes = parseNameStatus(git(dir, 'diff', '--name-status', '-M', '-z', 'HEAD~1', 'HEAD'));
      expect(changes).toEqual(
        expect.arrayContaining([
          { path: 'chapter one/new "name".md', status: 'renamed', previousPath: 'chapter one/old name.md' },
          { path: 'gone.md', status: 'removed' },
          { path: 'edit.md', status: 'modified' },
          { path: 'fresh.md', status: 'added' },
        ]),
      );
      expect(changes).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('selectChanges', () => {
  const include = ['chapter_*/**/*.md'];

  it('keeps Markdown under the include globs and leaves out everything else, .github/ always', () => {
    const { selected, ignored } = selectChanges(
      [
        { path: 'chapter_a/x.md', status: 'modified' },
        { path: 'chapter_a/x.py', status: 'modified' },
        { path: 'README.md', status: 'modified' },
        { path: '.github/workflows/notes.md', status: 'added' },
      ],
      ['**/*.md'],
    );
    expect(selected).toEqual([
      { path: 'chapter_a/x.md', status: 'modified' },
      { path: 'README.md', status: 'modified' },
    ]);
    expect(ignored).toHaveLength(2);
    expect(ignored[1]).toContain('.github/workflows/notes.md');
  });

  it('follows renames, and turns a rename across the include boundary into an addition or a removal', () => {
    const { selected } = selectChanges(
      [
        { path: 'chapter_b/y.md', status: 'renamed', previousPath: 'chapter_a/y.md' },
        { path: 'chapter_b/in.md', status: 'renamed', previousPath: 'drafts/in.md' },
        { path: 'archive/out.md', status: 'renamed', previousPath: 'chapter_a/out.md' },
        { path: '.github/z.md', status: 'renamed', previousPath: 'chapter_a/z.md' },
      ],
      include,
    );
    expect(selected).toEqual([
      { path: 'chapter_b/y.md', status: 'renamed', previousPath: 'chapter_a/y.md' },
      { path: 'chapter_b/in.md', status: 'added' },
      { path: 'chapter_a/out.md', status: 'removed' },
      { path: 'chapter_a/z.md', status: 'removed' },
    ]);
    expect(pathsToSync(selected)).toEqual([
      'chapter_a/out.md',
      'chapter_a/y.md',
      'chapter_a/z.md',
      'chapter_b/in.md',
      'chapter_b/y.md',
    ]);
  });
});

describe('assertNoTraversal', () => {
  it.each<[FileChange, string]>([
    [
      { path: '../../.github/workflows/x.md', status: 'renamed', previousPath: 'chapter_a/x.md' },
      "Refusing to sync pull request #7: it renames 'chapter_a/x.md' to '../../.github/workflows/x.md', which climbs out with '..'.",
    ],
    [{ path: '/etc/passwd.md', status: 'added' }, "it touches '/etc/passwd.md', which is an absolute path"],
    [{ path: 'a\\..\\b.md', status: 'added' }, 'contains a backslash'],
    [{ path: 'a/\nb.md', status: 'added' }, 'contains a control character'],
    [
      { path: 'chapter_a/x.md', status: 'renamed', previousPath: 'chapter_a/../../x.md' },
      "touches 'chapter_a/../../x.md'",
    ],
  ])('refuses %j', (change, message) => {
    const check = (): void => assertNoTraversal([{ path: 'ok.md', status: 'modified' }, change], 'pull request #7');
    expect(check).toThrow(UnsafePathError);
    expect(check).toThrow(message);
  });

  it('accepts ordinary paths, dots in names included', () => {
    expect(() =>
      assertNoTraversal(
        [
          { path: 'chapter_a/..x.md', status: 'added' },
          { path: 'a/.b/c.md', status: 'modified' },
        ],
        'x',
      ),
    ).not.toThrow();
  });
});

describe('assertNoSymlinks', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'amts-links-'));
    mkdirSync(path.join(root, 'source/chapter_a'), { recursive: true });
    mkdirSync(path.join(root, 'target'), { recursive: true });
    mkdirSync(path.join(root, 'outside'), { recursive: true });
    writeFileSync(path.join(root, 'source/chapter_a/x.md'), '# x\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts regular files and paths that do not exist yet', async () => {
    await expect(
      assertNoSymlinks(
        [{ path: 'chapter_a/x.md', status: 'added' }],
        [path.join(root, 'source'), path.join(root, 'target')],
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a directory of the target that is a symbolic link', async () => {
    symlinkSync(path.join(root, 'outside'), path.join(root, 'target/chapter_a'));
    await expect(
      assertNoSymlinks(
        [{ path: 'chapter_a/x.md', status: 'modified' }],
        [path.join(root, 'source'), path.join(root, 'target')],
      ),
    ).rejects.toThrow(
      `Refusing to sync 'chapter_a/x.md': 'chapter_a' is a symbolic link in ${path.join(root, 'target')}`,
    );
  });

  it('refuses a source file that is a symbolic link', async () => {
    symlinkSync('/etc/hostname', path.join(root, 'source/chapter_a/link.md'));
    await expect(
      assertNoSymlinks([{ path: 'chapter_a/link.md', status: 'added' }], [path.join(root, 'source')]),
    ).rejects.toThrow("'chapter_a/link.md' is a symbolic link");
  });
});

describe('collectChanges', () => {
  let server: GitHubServer;
  let dir: string;
  beforeEach(async () => {
    server = await GitHubServer.start();
    server.addRepository('d2l-ai/d2l-en');
    dir = mkdtempSync(path.join(os.tmpdir(), 'amts-collect-'));
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'a.md'), 'a\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'one');
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function sources(lastSyncedCommit?: string) {
    return {
      github: createOctokitClient({ apiUrl: server.url, token: '', timing: FAST_TIMING }),
      repository: 'd2l-ai/d2l-en',
      sourceGit: new Git(dir),
      lastSyncedCommit,
    };
  }

  it('reads every page of a large pull request', async () => {
    const files = Array.from({ length: 250 }, (_, index) => ({
      filename: `chapter/${index}.md`,
      status: 'modified' as const,
    }));
    files.push({ filename: 'chapter/new.md', status: 'renamed', previous_filename: 'chapter/old.md' } as never);
    server.setPullRequestFiles('d2l-ai/d2l-en', 5, files);
    const set = await collectChanges(
      { kind: 'pull-request', eventName: 'pull_request', number: 5, title: '', url: '', merged: true, fromFork: false },
      sources(),
    );
    expect(set.kind).toBe('files');
    if (set.kind !== 'files') return;
    expect(set.changes).toHaveLength(251);
    expect(set.changes[250]).toEqual({ path: 'chapter/new.md', status: 'renamed', previousPath: 'chapter/old.md' });
    expect(server.requests.filter((request) => request.path.endsWith('/files'))).toHaveLength(3);
  });

  it('diffs a push, and looks at everything when the push created the branch', async () => {
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    writeFileSync(path.join(dir, 'b.md'), 'b\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'two');
    const after = git(dir, 'rev-parse', 'HEAD').trim();
    const push = await collectChanges({ kind: 'push', before, after, compareUrl: undefined }, sources());
    expect(push).toEqual({
      kind: 'files',
      changes: [{ path: 'b.md', status: 'added' }],
      range: `${before.slice(0, 12)}..${after.slice(0, 12)}`,
    });
    const created = await collectChanges(
      { kind: 'push', before: '0'.repeat(40), after, compareUrl: undefined },
      sources(),
    );
    expect(created).toEqual({ kind: 'everything', reason: 'the push created the branch' });
  });

  it('diffs a scheduled run from the recorded commit, or looks at everything when it is unknown', async () => {
    const recorded = git(dir, 'rev-parse', 'HEAD').trim();
    writeFileSync(path.join(dir, 'a.md'), 'changed\n');
    git(dir, 'commit', '-q', '-am', 'two');
    const trigger = { kind: 'scheduled', eventName: 'schedule' } as const;
    expect(await collectChanges(trigger, sources(recorded))).toMatchObject({
      kind: 'files',
      changes: [{ path: 'a.md', status: 'modified' }],
    });
    expect(await collectChanges(trigger, sources())).toEqual({
      kind: 'everything',
      reason: 'the target records no synced source commit yet',
    });
    expect(await collectChanges(trigger, sources('1234567890abcdef1234567890abcdef12345678'))).toMatchObject({
      kind: 'everything',
      reason: expect.stringContaining('fetch-depth: 0'),
    });
  });
});

describe('readSourceEvent', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'amts-event-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function event(name: string, payload: unknown) {
    const file = path.join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    return readSourceEvent({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'd2l-ai/d2l-en' });
  }

  it('tells fork pull requests from same-repository ones', () => {
    const pull = (head: string | null) => ({
      pull_request: {
        number: 3,
        title: 't',
        html_url: 'u',
        merged: false,
        head: { repo: head ? { full_name: head } : null },
        base: { repo: { full_name: 'd2l-ai/d2l-en' } },
      },
    });
    expect(event('pull_request', pull('d2l-ai/d2l-en')).trigger).toMatchObject({
      kind: 'pull-request',
      number: 3,
      fromFork: false,
    });
    expect(event('pull_request_target', pull('someone/d2l-en')).trigger).toMatchObject({ fromFork: true });
    expect(event('pull_request', pull(null)).trigger).toMatchObject({ fromFork: true });
  });

  it('names the problem with an unsupported event or a broken payload', () => {
    expect(() => event('release', {})).toThrow(
      "AMTS runs on pull_request, pull_request_target, issue_comment, push, schedule and workflow_dispatch; this run was started by 'release'",
    );
    expect(() => event('pull_request', { pull_request: {} })).toThrow(
      'the pull_request payload has no pull_request.number',
    );
    expect(() => event('push', {})).toThrow('the push payload has no before/after commits');
    writeFileSync(path.join(dir, 'bad.json'), '{');
    expect(() =>
      readSourceEvent({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: path.join(dir, 'bad.json'),
        GITHUB_REPOSITORY: 'a/b',
      }),
    ).toThrow(`${path.join(dir, 'bad.json')}: cannot read the event payload`);
  });
});
