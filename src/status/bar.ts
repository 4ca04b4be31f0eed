/** Eighths of a cell, so a bar of ten cells shows 80 steps. */
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';
const EMPTY = '░';

/**
 * A bar of `width` cells for a share between 0 and 1, in Unicode blocks: it reads the same in a terminal and in a
 * GitHub table (inside a code span, where every cell is one monospace column). Any share above 0 shows at least an
 * eighth, so a small change is never drawn as none.
 */
export function shareBar(share: number, width = 10): string {
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  let eighths = Math.round(clamped * width * 8);
  if (clamped > 0 && eighths === 0) eighths = 1;
  const full = Math.floor(eighths / 8);
  const partial = PARTIAL[eighths % 8] ?? '';
  return FULL.repeat(full) + partial + EMPTY.repeat(width - full - (partial ? 1 : 0));
}
