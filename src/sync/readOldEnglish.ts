import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeMarkdownBytes } from '../markdown/readMarkdownFile.js';
import { InputError } from '../errors.js';
import type { BaseSpec } from './report.js';

const run = promisify(execFile);

/** Where the English the translation was made from is read, and how it is updated after a sync. */
export interface OldEnglishSource {
  /** The old English of a chapter (source-relative path), or undefined when there is none. */
  read(relativePath: string): Promise<string | undefined>;
  /** Path of the file that holds it next to the translation, when the convention keeps one (d2lbook's `X_origin.md`). */
  originPath(relativePath: string): string | undefined;
  /** Short description for messages. */
  readonly description: string;
}

export async function openOldEnglish(base: BaseSpec, sourceDir: string, targetDir: string): Promise<OldEnglishSource> {
  switch (base.kind) {
    case 'origin-suffix':
      return {
        description: `${base.suffix}.md files beside the translation`,
        originPath: (relativePath) => join(targetDir, withSuffix(relativePath, base.suffix)),
        read: (relativePath) => readIfPresent(join(targetDir, withSuffix(relativePath, base.suffix))),
      };
    case 'directory':
      return {
        description: `the directory ${base.path}`,
        originPath: () => undefined,
        read: (relativePath) => readIfPresent(join(base.path, relativePath)),
      };
    case 'git-rev':
      return gitRevision(base.repo, base.rev, sourceDir);
    case 'state-file': {
      const commit = await commitFromStateFile(base.path);
      return gitRevision(sourceDir, commit, sourceDir);
    }
  }
}

export function withSuffix(relativePath: string, suffix: string): string {
  return relativePath.replace(/\.md$/, `${suffix}.md`);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
    throw new InputError(path, `cannot read: ${String(error)}`);
  }
  return decodeMarkdownBytes(bytes, path);
}

async function gitRevision(repo: string, rev: string, sourceDir: string): Promise<OldEnglishSource> {
  if (!/^[\w./~^@{}-]+$/.test(rev) || rev.startsWith('-')) throw new InputError(rev, 'is not a git revision');
  const prefix = (await run('git', ['-C', sourceDir, 'rev-parse', '--show-prefix'])).stdout.trim();
  await run('git', ['-C', repo, 'rev-parse', '--verify', `${rev}^{commit}`]).catch(() => {
    throw new InputError(repo, `has no commit '${rev}' to take the old English from`);
  });
  return {
    description: `commit ${rev}`,
    originPath: () => undefined,
    async read(relativePath) {
      try {
        const { stdout } = await run('git', ['-C', repo, 'show', `${rev}:${prefix}${relativePath}`], {
          encoding: 'buffer',
          maxBuffer: 64 * 1024 * 1024,
        });
        return decodeMarkdownBytes(stdout, `${rev}:${prefix}${relativePath}`);
      } catch (error) {
        if (error instanceof InputError) throw error;
        return undefined;
      }
    },
  };
}

export async function commitFromStateFile(path: string): Promise<string> {
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(path, `cannot read the sync state: ${String(error)}`);
  }
  const commit =
    typeof record === 'object' && record !== null && 'sourceCommit' in record ? record.sourceCommit : undefined;
  if (typeof commit !== 'string' || !/^[0-9a-f]{7,64}$/.test(commit)) {
    throw new InputError(path, 'has no sourceCommit naming the last synced English commit');
  }
  return commit;
}
