import { cp } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { withSuffix } from './readOldEnglish.js';
import type { BaseSpec, SyncReport } from './report.js';

export interface OutBook {
  /** The translation the sync read; never changed. */
  readonly targetDir: string;
  /** Where the sync wrote the chapters it changed (its `outDir`). */
  readonly staging: string;
  /** Where the complete book goes. */
  readonly outDir: string;
  readonly report: SyncReport;
  readonly base: BaseSpec;
}

/**
 * Makes a sync's output a complete book: beside the chapters the sync wrote, every other file of the translation
 * (unchanged chapters, origins, images, config) except the chapters the sync deleted or renamed away; then the
 * whole book replaces the files in `outDir`. What the sync wrote is never overwritten by the old translation.
 */
export async function completeOutBook(book: OutBook): Promise<void> {
  const gone = new Set<string>();
  for (const file of book.report.files) {
    const removed = file.status === 'deleted' ? file.path : file.renamedFrom;
    if (removed === undefined) continue;
    gone.add(removed);
    if (book.base.kind === 'origin-suffix') gone.add(withSuffix(removed, book.base.suffix));
  }
  await cp(book.targetDir, book.staging, {
    recursive: true,
    force: false,
    errorOnExist: false,
    filter: (source) => {
      const path = relative(book.targetDir, source).split(sep).join('/');
      return path !== '.git' && !path.startsWith('.git/') && !gone.has(path);
    },
  });
  await cp(book.staging, book.outDir, { recursive: true, force: true });
}
