import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBranchSources, sourceTrailer, withIncluded } from '../../src/github/branchSources.js';
import { Git } from '../../src/github/git.js';
import { includedTitle } from '../../src/report/includedSources.js';
import type { SourceContext } from '../../src/report/syncTables.js';

const SERVER = 'https://github.com';

function pullContext(number: number, title: string): SourceContext {
  return {
    repository: 'd2l-ai/d2l-en',
    serverUrl: SERVER,
    commit: `${number}`.padStart(40, 'a'),
    pullRequest: { number, title, url: `${SERVER}/d2l-ai/d2l-en/pull/${number}` },
  };
}

/** A clone whose `origin/main` is one commit, with `messages` committed on top of it (oldest first). */
function branchWith(messages: readonly string[]): Git {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amts-sources-'));
  const run = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'a',
        GIT_AUTHOR_EMAIL: 'a@x',
        GIT_COMMITTER_NAME: 'a',
        GIT_COMMITTER_EMAIL: 'a@x',
      },
    });
  run('init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'x.md'), 'base\n');
  run('add', '-A');
  run('commit', '-q', '-m', `Base\n\n${sourceTrailer(pullContext(1, 'already on main'))}`);
  run('update-ref', 'refs/remotes/origin/main', 'HEAD');
  messages.forEach((message, index) => {
    writeFileSync(path.join(dir, 'x.md'), `edit ${index}\n`);
    run('add', '-A');
    run('commit', '-q', '-m', message);
  });
  return new Git(dir);
}

describe('the English a bot branch holds', () => {
  it('reads the trailers of the commits main has not, newest first, each change once', async () => {
    const git = branchWith([
      `AMTS: sync zh with d2l-ai/d2l-en#12\n\n${sourceTrailer(pullContext(12, 'First: "quotes"\nand a newline'))}`,
      'Fix the draft by hand',
      `AMTS: sync\n\n${sourceTrailer(pullContext(13, 'Second'))}`,
      `AMTS: sync again\n\n${sourceTrailer(pullContext(12, 'First, synced again'))}`,
      'AMTS: edited by hand\n\nAMTS-Source: {not json',
    ]);
    const sources = await readBranchSources(git, 'main');
    expect(sources.map((entry) => [entry.pullRequest?.number, entry.pullRequest?.title])).toEqual([
      [12, 'First, synced again'],
      [13, 'Second'],
    ]);
    const context = withIncluded(pullContext(14, 'Third'), sources);
    expect(context.included?.map((entry) => entry.pullRequest?.number)).toEqual([14, 12, 13]);
    expect(includedTitle(context.included ?? [])).toBe('3 English changes: d2l-ai/d2l-en#14, #12, #13');
  });

  it('holds nothing on a branch that just started from main', async () => {
    expect(await readBranchSources(branchWith([]), 'main')).toEqual([]);
  });

  it('names commit ranges by their short commit in a title', () => {
    const push = {
      repository: 'd2l-ai/d2l-en',
      commit: 'b'.repeat(40),
      range: { from: 'c'.repeat(40), to: 'b'.repeat(40) },
    };
    expect(includedTitle([push, pullContext(9, 'x')])).toBe('2 English changes: d2l-ai/d2l-en@bbbbbbb, #9');
  });
});
