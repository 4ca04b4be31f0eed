import { lastAtMost } from './lastAtMost.js';

/** Returns a function giving the 1-based line of an offset in `text` (binary search over line starts). */
export function createLineLocator(text: string): (offset: number) => number {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => lastAtMost(lineStarts, offset) + 1;
}
