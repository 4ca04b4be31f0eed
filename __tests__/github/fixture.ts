/**
 * Real git repositories for end-to-end tests: bare "remotes" for the English source (d2l-en) and
 * its Chinese translation (d2l-zh), served over git's smart HTTP by a local server that wants the
 * target token by Basic auth, a workspace checkout of the source as actions/checkout would leave
 * it, and the local GitHub API server. The content is a few chapters of d2l-zh committed under
 * fixtures/shared: the `_origin.md` files are the English the translation was made from.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitHttpServer } from '../servers/gitHttpServer.js';
import type { PullRequestFile } from '../servers/githubServer.js';
import { EXAMPLE_BOOK, FIXTURE_CORPUS } from '../helpers/corpus.js';
import { GitHubServer } from '../servers/githubServer.js';

export const CORPUS = path.join(FIXTURE_CORPUS, 'd2l-zh', path.sep);
export const CHAPTERS = [
  'chapter_installation/index',
  'chapter_preliminaries/pandas',
  'chapter_preliminaries/lookup-api',
];
export const SOURCE_REPOSITORY = 'd2l-ai/d2l-en';
export const TARGET_REPOSITORY = 'd2l-ai/d2l-zh';
export const TOKEN = 'ghs_testTargetToken0123456789abcdefXYZ';
export const SOURCE_TOKEN = 'ghs_testSourceToken9876543210zyxwvuABC';

const HUMAN = {
  GIT_AUTHOR_NAME: 'Ada Reviewer',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Reviewer',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...HUMAN, GIT_CONFIG_COUNT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** What a fixture's repositories hold: chapters of a translation with their origins, and the English beside them. */
export interface FixtureBook {
  /** Folder with `<chapter>.md` and `<chapter>_origin.md`, ending in a separator. */
  readonly translation: string;
  /** Folder of the English the source repository starts with; default: each chapter's origin (nothing to sync). */
  readonly english?: string;
  readonly chapters: readonly string[];
}

/** The bundled example book: its English is newer than the origins of two of its three chapters. */
export const EXAMPLE_FIXTURE_BOOK: FixtureBook = {
  translation: path.join(EXAMPLE_BOOK, 'zh', path.sep),
  english: path.join(EXAMPLE_BOOK, 'en', path.sep),
  chapters: [
    'chapter_convolutional-modern/nin',
    'chapter_convolutional-neural-networks/padding-and-strides',
    'chapter_optimization/rmsprop',
  ],
};

export class Fixture {
  readonly gitRoot: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly sourceBare: string;
  readonly targetBare: string;

  private constructor(
    readonly root: string,
    readonly server: GitHubServer,
    readonly gitServer: GitHttpServer,
  ) {
    this.gitRoot = path.join(root, 'git');
    this.workspace = path.join(root, 'workspace');
    this.runnerTemp = path.join(root, 'runner-temp');
    this.sourceBare = path.join(this.gitRoot, `${SOURCE_REPOSITORY}.git`);
    this.targetBare = path.join(this.gitRoot, `${TARGET_REPOSITORY}.git`);
  }

  static async create(book: FixtureBook = { translation: CORPUS, chapters: CHAPTERS }): Promise<Fixture> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'amts-action-'));
    const server = await GitHubServer.start();
    // Writes to the English repository (a reply to a comment) take the workflow's token.
    server.addRepository(SOURCE_REPOSITORY, { token: SOURCE_TOKEN });
    server.addRepository(TARGET_REPOSITORY, { token: TOKEN });
    const gitServer = await GitHttpServer.start(path.join(root, 'git'), TOKEN);
    const fixture = new Fixture(root, server, gitServer);
    fixture.seed(book);
    server.attachGit(TARGET_REPOSITORY, {
      resolve: (ref) => fixture.targetCommit(ref),
      mergeable: (head, base) => fixture.mergesCleanly(head, base),
    });
    return fixture;
  }

  /** The `github-server-url` the action clones from and pushes to: `<url>/<owner>/<name>.git` over HTTP. */
  get serverUrl(): string {
    return this.gitServer.url;
  }

  async dispose(): Promise<void> {
    await this.server.close();
    await this.gitServer.close();
    rmSync(this.root, { recursive: true, force: true });
  }

  private seed(book: FixtureBook): void {
    mkdirSync(path.dirname(this.sourceBare), { recursive: true });
    git(this.root, 'init', '-q', '--bare', '-b', 'main', this.sourceBare);
    git(this.root, 'init', '-q', '--bare', '-b', 'main', this.targetBare);

    const targetSeed = path.join(this.root, 'seed-target');
    git(this.root, 'clone', '-q', this.targetBare, targetSeed);
    git(this.root, 'clone', '-q', this.sourceBare, this.workspace);
    for (const chapter of book.chapters) {
      for (const file of [`${chapter}.md`, `${chapter}_origin.md`]) {
        mkdirSync(path.dirname(path.join(targetSeed, file)), { recursive: true });
        copyFileSync(path.join(book.translation, file), path.join(targetSeed, file));
      }
      mkdirSync(path.dirname(path.join(this.workspace, `${chapter}.md`)), { recursive: true });
      const english = book.english
        ? path.join(book.english, `${chapter}.md`)
        : path.join(book.translation, `${chapter}_origin.md`);
      copyFileSync(english, path.join(this.workspace, `${chapter}.md`));
    }
    writeFileSync(path.join(this.workspace, 'README.md'), '# Dive into Deep Learning\n');
    mkdirSync(path.join(this.workspace, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(this.workspace, '.github/workflows/ci.yml'), 'on: push\n');
    commitAll(targetSeed, 'Chinese edition');
    git(targetSeed, 'push', '-q', 'origin', 'HEAD:main');
    commitAll(this.workspace, 'English edition');
    git(this.workspace, 'push', '-q', 'origin', 'HEAD:main');
    rmSync(targetSeed, { recursive: true, force: true });
  }

  sourceHead(): string {
    return git(this.workspace, 'rev-parse', 'HEAD').trim();
  }

  /** Edits the English on a topic branch, merges it into main like a merged PR, and registers the PR's files with the API server. */
  mergePullRequest(
    number: number,
    edits: Record<string, string | null>,
    renames: Record<string, string> = {},
  ): { base: string; head: string; merge: string } {
    const base = this.sourceHead();
    git(this.workspace, 'checkout', '-q', '-b', `topic-${number}`);
    for (const [from, to] of Object.entries(renames)) {
      mkdirSync(path.dirname(path.join(this.workspace, to)), { recursive: true });
      git(this.workspace, 'mv', from, to);
    }
    this.applyEdits(edits);
    commitAll(this.workspace, `PR #${number}`);
    const head = this.sourceHead();
    git(this.workspace, 'checkout', '-q', 'main');
    git(this.workspace, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${number}`, `topic-${number}`);
    git(this.workspace, 'push', '-q', 'origin', 'HEAD:main');
    this.server.setPullRequestFiles(SOURCE_REPOSITORY, number, pullRequestFiles(this.workspace, base, head));
    return { base, head, merge: this.sourceHead() };
  }

  /** A commit straight on main (what a nightly run picks up). */
  commitSource(message: string, edits: Record<string, string | null>): string {
    this.applyEdits(edits);
    commitAll(this.workspace, message);
    git(this.workspace, 'push', '-q', 'origin', 'HEAD:main');
    return this.sourceHead();
  }

  /** The English of `relative` with the paragraph that starts with `prefix` replaced. */
  reworded(relative: string, prefix: string, replacement: string): string {
    const text = this.readSource(relative);
    const start = text.indexOf(prefix);
    if (start < 0) throw new Error(`${relative} has no paragraph starting with ${prefix}`);
    const end = text.indexOf('\n\n', start);
    return `${text.slice(0, start)}${replacement}${text.slice(end)}`;
  }

  readSource(relative: string): string {
    return readFileSync(path.join(this.workspace, relative), 'utf8');
  }

  /** A file as committed on a branch of the target remote, or undefined. */
  readTarget(branch: string, relative: string): string | undefined {
    try {
      return git(this.targetBare, 'show', `${branch}:${relative}`);
    } catch {
      return undefined;
    }
  }

  targetBranches(): string[] {
    return git(this.targetBare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/')
      .split('\n')
      .filter(Boolean)
      .sort();
  }

  targetLog(branch: string): string[] {
    return git(this.targetBare, 'log', '--format=%an|%s', branch).split('\n').filter(Boolean);
  }

  /** A reviewer pushes a fix to a branch of the target repository. */
  humanCommit(branch: string, relative: string, edit: (text: string) => string): void {
    const clone = mkdtempSync(path.join(this.root, 'human-'));
    git(this.root, 'clone', '-q', '-b', branch, this.targetBare, clone);
    const file = path.join(clone, relative);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    commitAll(clone, `Fix the draft in ${relative}`);
    git(clone, 'push', '-q', 'origin', `HEAD:${branch}`);
    rmSync(clone, { recursive: true, force: true });
  }

  /** Where a branch of the target remote points, or undefined. */
  targetCommit(ref: string): string | undefined {
    try {
      return git(this.targetBare, 'rev-parse', '--verify', '--quiet', `refs/heads/${ref}^{commit}`).trim();
    } catch {
      return undefined;
    }
  }

  /** True when `git merge` of `head` into `base` in the target remote would finish without a conflict. */
  mergesCleanly(head: string, base = 'main'): boolean {
    try {
      git(this.targetBare, 'merge-tree', '--write-tree', '--no-messages', base, head);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A translator presses "Merge pull request": a real `git merge --no-ff` (or `--squash`) of the PR's branch into its
   * base in the target remote (failing on a conflict, as GitHub refuses to), then the API server marks it merged.
   */
  mergeTargetPullRequest(number: number, options: { squash?: boolean } = {}): string {
    const pull = this.server.pulls(TARGET_REPOSITORY).find((candidate) => candidate.number === number);
    if (!pull || pull.state !== 'open') throw new Error(`no open pull request #${number} to merge`);
    const clone = mkdtempSync(path.join(this.root, 'merge-'));
    git(this.root, 'clone', '-q', '-b', pull.base, this.targetBare, clone);
    if (options.squash) {
      // "Squash and merge": one new commit on the base, which does not contain the branch's commits.
      git(clone, 'merge', '-q', '--squash', `origin/${pull.head}`);
      git(clone, 'commit', '-q', '-m', `${pull.title} (#${number})`);
    } else {
      const message = `Merge pull request #${number} from ${pull.head}`;
      git(clone, 'merge', '-q', '--no-ff', '-m', message, `origin/${pull.head}`);
    }
    git(clone, 'push', '-q', 'origin', `HEAD:${pull.base}`);
    const merge = git(clone, 'rev-parse', 'HEAD').trim();
    rmSync(clone, { recursive: true, force: true });
    this.server.markMerged(TARGET_REPOSITORY, number, merge);
    return merge;
  }

  /** Sets a file on the target's main branch, as a maintainer would. */
  commitTarget(relative: string, content: string): void {
    const clone = mkdtempSync(path.join(this.root, 'maintainer-'));
    git(this.root, 'clone', '-q', this.targetBare, clone);
    mkdirSync(path.dirname(path.join(clone, relative)), { recursive: true });
    writeFileSync(path.join(clone, relative), content);
    commitAll(clone, `Update ${relative}`);
    git(clone, 'push', '-q', 'origin', 'HEAD:main');
    rmSync(clone, { recursive: true, force: true });
  }

  private applyEdits(edits: Record<string, string | null>): void {
    for (const [relative, content] of Object.entries(edits)) {
      const file = path.join(this.workspace, relative);
      if (content === null) {
        rmSync(file);
        continue;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** What `GET /pulls/{n}/files` answers for the commits of a PR. */
function pullRequestFiles(dir: string, base: string, head: string): PullRequestFile[] {
  const fields = git(dir, 'diff', '--name-status', '-M', '-z', base, head).split('\0');
  const files: PullRequestFile[] = [];
  for (let index = 0; index < fields.length;) {
    const code = fields[index++] ?? '';
    if (!code) continue;
    if (code.startsWith('R')) {
      const previous = fields[index++] ?? '';
      files.push({ filename: fields[index++] ?? '', status: 'renamed', previous_filename: previous });
      continue;
    }
    const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
    files.push({ filename: fields[index++] ?? '', status });
  }
  return files;
}
