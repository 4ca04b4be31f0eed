import type { InlineToken } from '../../src/markdown/types.js';

/**
 * Tokenizes a plain string the way the Markdown parser does for the constructs splitter tests need:
 * `$…$`, `` `…` `` and :role:`key` are protected, `*`/`**` pairs are markup, newlines are breaks.
 */
export function handTokens(text: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  const pattern = /(:[a-z]+:`[^`]*`)|(\$[^$]+\$)|(`[^`]+`)|(\*\*|\*)|(\n[ >]*)/gu;
  let last = 0;
  let openPair: number | undefined;
  let pairs = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'text', source: text.slice(last, index) });
    const [source, role, math, code, star] = match;
    if (role !== undefined) tokens.push({ kind: 'protected', source, role: 'role' });
    else if (math !== undefined) tokens.push({ kind: 'protected', source, role: 'math' });
    else if (code !== undefined) tokens.push({ kind: 'protected', source, role: 'code' });
    else if (star !== undefined) {
      const tag = star === '*' ? 'em' : 'strong';
      if (openPair === undefined) {
        openPair = pairs++;
        tokens.push({ kind: 'open', source, pair: openPair, tag });
      } else {
        tokens.push({ kind: 'close', source, pair: openPair, tag });
        openPair = undefined;
      }
    } else tokens.push({ kind: 'break', source });
    last = index + source.length;
  }
  if (last < text.length) tokens.push({ kind: 'text', source: text.slice(last) });
  return tokens;
}
