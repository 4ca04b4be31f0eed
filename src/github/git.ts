/**
 * Git through `execFile`, never a shell. The token reaches git only through `GIT_CONFIG_*`
 * environment variables (an `http.<server>/.extraheader`), so it is in no argv, no `.git/config`
 * left on disk and no log line; every message that leaves this module is scrubbed of it anyway.
 */
import { execFile } from 'node:child_process';

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The identity of every commit the action makes. */
export const BOT_IDENTITY = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
} as const;

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    const said = result.stderr.trim() || result.stdout.trim();
    super(
      refusedCredentials(said)
        ? `git ${args.join(' ')}: the server refused the token (wrong, expired, or without access to this repository); git said: ${said}`
        : `git ${args.join(' ')} failed with exit code ${result.code}: ${said}`,
    );
    this.name = 'GitError';
  }
}

/**
 * Git's ways of saying an HTTP server answered 401/403. With prompts off, a refused token shows up as "could not
 * read Username", which names neither the token nor the cause.
 */
export function refusedCredentials(stderr: string): boolean {
  return /could not read (?:Username|Password)|Authentication failed|The requested URL returned error: 40[13]/i.test(
    stderr,
  );
}

export interface GitOptions {
  /** Token for HTTPS remotes under `serverUrl`; '' for none. */
  readonly token?: string;
  readonly serverUrl?: string;
  /** Sees each command line (which never holds a secret). */
  readonly log?: (line: string) => void;
}

export class Git {
  private readonly env: NodeJS.ProcessEnv;
  private readonly secrets: readonly string[];

  constructor(
    readonly dir: string,
    private readonly options: GitOptions = {},
  ) {
    const token = options.token ?? '';
    this.env = gitEnvironment(process.env, token, options.serverUrl ?? '');
    this.secrets = token ? [token, basicCredential(token)] : [];
  }

  /** Clones `url` into `dir` (which must not exist or be empty) and returns a Git for it. */
  static async clone(url: string, dir: string, options: GitOptions = {}): Promise<Git> {
    const cloner = new Git(process.cwd(), options);
    await cloner.run(['clone', '--no-tags', '--quiet', '--', url, dir]);
    return new Git(dir, options);
  }

  async run(args: readonly string[]): Promise<string> {
    const result = await this.tryRun(args);
    if (result.code !== 0) throw new GitError(args, result);
    return result.stdout;
  }

  tryRun(args: readonly string[]): Promise<GitResult> {
    this.options.log?.(`git ${args.join(' ')}`);
    return new Promise((resolve) => {
      execFile(
        'git',
        [...args],
        { cwd: this.dir, env: this.env, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({
            code,
            stdout: this.scrub(stdout),
            stderr: this.scrub(stderr || (error && !stderr ? error.message : '')),
          });
        },
      );
    });
  }

  async revParse(rev: string): Promise<string | undefined> {
    const result = await this.tryRun(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  async hasRemoteBranch(branch: string): Promise<boolean> {
    return (await this.revParse(`refs/remotes/origin/${branch}`)) !== undefined;
  }

  /** True when the work tree or index differs from HEAD, untracked files included. */
  async hasChanges(): Promise<boolean> {
    return (await this.run(['status', '--porcelain', '--untracked-files=all'])).trim().length > 0;
  }

  /** Replaces every secret (raw or as the basic-auth header value) with `***`. */
  scrub(text: string): string {
    return this.secrets.reduce((scrubbed, secret) => scrubbed.split(secret).join('***'), text);
  }
}

function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
}

/**
 * Environment for git: never prompts, stable English messages, hooks off, the bot identity, and
 * the token as an extra header scoped to the server, appended to any `GIT_CONFIG_*` already set.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv, token: string, serverUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    GIT_AUTHOR_NAME: BOT_IDENTITY.name,
    GIT_AUTHOR_EMAIL: BOT_IDENTITY.email,
    GIT_COMMITTER_NAME: BOT_IDENTITY.name,
    GIT_COMMITTER_EMAIL: BOT_IDENTITY.email,
  };
  const settings: [string, string][] = [['core.hooksPath', '/dev/null']];
  if (token && serverUrl) {
    settings.push([
      `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`,
      `AUTHORIZATION: basic ${basicCredential(token)}`,
    ]);
  }
  let count = Number(base.GIT_CONFIG_COUNT ?? '0') || 0;
  for (const [key, value] of settings) {
    env[`GIT_CONFIG_KEY_${count}`] = key;
    env[`GIT_CONFIG_VALUE_${count}`] = value;
    count++;
  }
  env.GIT_CONFIG_COUNT = String(count);
  return env;
}
