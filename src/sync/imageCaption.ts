import { parseMarkdown } from '../markdown/parseMarkdown.js';
import type { InlineToken } from '../markdown/types.js';

/** A Markdown image block, `![caption](target)` and whatever follows it on its lines (d2lbook's `:width:`). */
export interface ImageBlock {
  readonly caption: string;
  readonly target: string;
  readonly rest: string;
}

const IMAGE = /^!\[([^\]\n]*)\]\(([^)\n]*)\)([\s\S]*)$/u;

export function imageBlock(source: string): ImageBlock | undefined {
  const match = IMAGE.exec(source);
  if (!match) return undefined;
  return { caption: match[1] ?? '', target: match[2] ?? '', rest: match[3] ?? '' };
}

/** The caption's inline tokens, read as prose, so that math, code and roles in it stay protected in its draft. */
export function captionTokens(caption: string): readonly InlineToken[] {
  const block = parseMarkdown(caption, 'caption').blocks.find((candidate) => candidate.kind === 'prose');
  return block?.tokens ?? [{ kind: 'text', source: caption }];
}
