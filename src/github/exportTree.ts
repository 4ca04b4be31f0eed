/**
 * Writes the files of one git revision into a folder, without touching the repository's work tree, index or
 * branches: `git ls-tree` lists the blobs and one `git cat-file --batch` streams them. The action builds its
 * parallel data from such a copy of the translation's base branch (never from the bot branch, whose machine drafts
 * nobody reviewed yet) and, for books kept with a state file, of the English at the recorded commit.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly id: string;
  readonly path: string;
}

async function listTree(repo: string, rev: string): Promise<TreeEntry[]> {
  const { stdout } = await run('git', ['-C', repo, 'ls-tree', '-r', '-z', '--full-tree', rev], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode = '', type = '', id = ''] = line.slice(0, tab).split(' ');
      return { mode, type, id, path: line.slice(tab + 1) };
    });
}

/** Reads blobs in order through one `git cat-file --batch` process. */
function readBlobs(repo: string, ids: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git cat-file failed in ${repo}: ${stderr.trim()}`));
        return;
      }
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (const id of ids) {
        const headerEnd = output.indexOf(0x0a, at);
        const header = output.subarray(at, headerEnd).toString('utf8');
        const size = Number(header.split(' ')[2]);
        if (!header.startsWith(id) || !Number.isSafeInteger(size)) {
          reject(new Error(`git cat-file: unexpected answer "${header}" for ${id} in ${repo}`));
          return;
        }
        blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
        at = headerEnd + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}

/**
 * Copies the regular files of `rev` whose repository path `keep` accepts into `destination` (same layout).
 * Returns the paths written. Symbolic links and submodules are left out: their targets are not book text.
 */
export async function exportTree(
  repo: string,
  rev: string,
  destination: string,
  keep: (repositoryPath: string) => boolean,
): Promise<string[]> {
  const entries = (await listTree(repo, rev)).filter(
    (entry) => entry.type === 'blob' && entry.mode !== '120000' && keep(entry.path),
  );
  const blobs = await readBlobs(
    repo,
    entries.map((entry) => entry.id),
  );
  await Promise.all(
    entries.map(async (entry, index) => {
      const file = path.join(destination, ...entry.path.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, blobs[index] ?? Buffer.alloc(0));
    }),
  );
  return entries.map((entry) => entry.path);
}
