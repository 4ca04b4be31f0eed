import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_IDENTITY, Git, gitEnvironment } from '../../src/github/git.js';
import { GitHttpServer } from '../servers/gitHttpServer.js';
import { git } from './fixture.js';

describe('Git', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'amts-git-'));
    git(root, 'init', '-q', '--bare', '-b', 'main', path.join(root, 'remote.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes the token as a server-scoped header in the environment, never in argv, config or logs', async () => {
    const lines: string[] = [];
    const token = 'ghs_neverLogged42';
    const url = pathToFileURL(path.join(root, 'remote.git')).href;
    const clone = await Git.clone(url, path.join(root, 'clone'), {
      token,
      serverUrl: 'https://github.com',
      log: (line) => lines.push(line),
    });
    expect(lines.join('\n')).not.toContain(token);
    expect(readFileSync(path.join(root, 'clone/.git/config'), 'utf8')).not.toMatch(/extraheader|ghs_/);
    // the header is there for git itself, scoped to the server
    const seen = await clone.run(['config', '--get-regexp', 'extraheader']);
    expect(seen).toMatch(/^http\.https:\/\/github\.com\/\.extraheader AUTHORIZATION: basic /);
    expect(clone.scrub(`x ${token} ${Buffer.from(`x-access-token:${token}`).toString('base64')}`)).toBe('x *** ***');
  });

  it('commits as the bot and reports failures with git’s own message', async () => {
    const clone = await Git.clone(path.join(root, 'remote.git'), path.join(root, 'c'));
    await clone.run(['commit', '-q', '--allow-empty', '-m', 'empty']);
    expect((await clone.run(['log', '--format=%an <%ae>'])).trim()).toBe(
      `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>`,
    );
    await expect(clone.run(['checkout', 'no-such-branch'])).rejects.toThrow(
      /git checkout no-such-branch failed with exit code 1: error: pathspec/,
    );
  });

  it('appends its settings to GIT_CONFIG_* already in the environment', () => {
    const env = gitEnvironment(
      { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'a.b', GIT_CONFIG_VALUE_0: 'c' },
      't',
      'https://ghe.example.com/',
    );
    expect(env.GIT_CONFIG_COUNT).toBe('3');
    expect(env.GIT_CONFIG_KEY_0).toBe('a.b');
    expect(env.GIT_CONFIG_KEY_2).toBe('http.https://ghe.example.com/.extraheader');
  });

  describe('over smart HTTP', () => {
    const token = 'ghs_smartHttpToken0123456789';
    let server: GitHttpServer;
    beforeEach(async () => {
      server = await GitHttpServer.start(root, token);
      const seed = path.join(root, 'seed');
      git(root, 'clone', '-q', path.join(root, 'remote.git'), seed);
      git(seed, 'commit', '-q', '--allow-empty', '-m', 'first');
      git(seed, 'push', '-q', 'origin', 'HEAD:main');
    });
    afterEach(() => server.close());

    it('clones and pushes with the token sent by Basic auth, which nothing on disk or in the log holds', async () => {
      const lines: string[] = [];
      const clone = await Git.clone(`${server.url}/remote.git`, path.join(root, 'c'), {
        token,
        serverUrl: server.url,
        log: (line) => lines.push(line),
      });
      await clone.run(['commit', '-q', '--allow-empty', '-m', 'second']);
      await clone.run(['push', '-q', 'origin', 'HEAD:refs/heads/amts/zh/push']);
      expect(git(path.join(root, 'remote.git'), 'log', '--format=%s', 'amts/zh/push').trim()).toBe('second\nfirst');
      const pushes = server.requests.filter((request) => request.url.includes('git-receive-pack'));
      expect(pushes.length).toBeGreaterThan(0);
      expect(pushes.every((request) => request.credentials === 'token')).toBe(true);
      expect(server.requests.some((request) => request.credentials === 'wrong')).toBe(false);
      const config = readFileSync(path.join(root, 'c/.git/config'), 'utf8');
      expect(config).toContain(`url = ${server.url}/remote.git`);
      expect(config).not.toContain(token);
      expect(config).not.toMatch(/extraheader|authorization/i);
      expect(lines.join('\n')).not.toContain(token);
    });

    it('says the server refused the token when it is wrong, without showing it', async () => {
      const wrong = 'ghs_wrongToken9876543210';
      const failure = Git.clone(`${server.url}/remote.git`, path.join(root, 'w'), {
        token: wrong,
        serverUrl: server.url,
      });
      await expect(failure).rejects.toThrow(
        /^git clone .*: the server refused the token \(wrong, expired, or without access to this repository\); git said: /,
      );
      await expect(failure).rejects.not.toThrow(wrong);
      expect(server.requests.map((request) => [request.credentials, request.status])).toEqual([['wrong', 401]]);
    });

    it('lets anyone read, as a public repository, but no one push without the token', async () => {
      const clone = await Git.clone(`${server.url}/remote.git`, path.join(root, 'anonymous'));
      await clone.run(['commit', '-q', '--allow-empty', '-m', 'sneaky']);
      const push = await clone.tryRun(['push', '-q', 'origin', 'HEAD:refs/heads/sneaky']);
      expect(push.code).not.toBe(0);
      expect(git(path.join(root, 'remote.git'), 'branch', '--list', 'sneaky').trim()).toBe('');
    });
  });
});
