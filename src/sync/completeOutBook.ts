import { cp } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { withSuffix } from './readOldEnglish.js';
import type { BaseSpec, SyncReport } from './report.js';

/**
 * Makes a sync's `outDir` a complete book: after the sync wrote the chapters it changed there, every other file of
 * the translation (unchanged chapters, origins, images, config) is copied beside them, except the chapters the
 * sync deleted or renamed away. What the sync wrote is never overwritten.
 */
export async function completeOutBook(
  targetDir: string,
  outDir: string,
  report: SyncReport,
  base: BaseSpec,
): Promise<void> {
  const gone = new Set<string>();
  for (const file of report.files) {
    const removed = file.status === 'deleted' ? file.path : file.renamedFrom;
    if (removed === undefined) continue;
    gone.add(removed);
    if (base.kind === 'origin-suffix') gone.add(withSuffix(removed, base.suffix));
  }
  await cp(targetDir, outDir, {
    recursive: true,
    force: false,
    errorOnExist: false,
    filter: (source) => {
      const path = relative(targetDir, source).split(sep).join('/');
      return path !== '.git' && !path.startsWith('.git/') && !gone.has(path);
    },
  });
}
