import type { DraftedUnit } from './report.js';
import type { DraftRequest, Part, TargetEdit } from './types.js';

export interface ComposedChapter {
  readonly text: string;
  readonly drafts: readonly DraftedUnit[];
}

/** Thrown when edits cannot be applied without risking human text; the chapter is then left as it is. */
export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

/**
 * Applies a chapter plan to the translation's text. Everything between edits is copied as it is.
 * `draftText` gives the Markdown of each draft.
 */
export function composeChapter(
  target: string,
  edits: readonly TargetEdit[],
  drafts: readonly DraftRequest[],
  draftText: (index: number) => string,
): ComposedChapter {
  let text = '';
  let line = 1;
  const append = (piece: string): void => {
    text += piece;
    line += countNewlines(piece);
  };
  let cursor = 0;
  const placed: DraftedUnit[] = [];
  for (const edit of edits) {
    if (edit.start < cursor) {
      throw new ComposeError(
        `two changes overlap at offset ${edit.start}: the translation's structure differs too much from its English`,
      );
    }
    append(target.slice(cursor, edit.start));
    for (const part of edit.parts) append(renderPart(part, line, drafts, draftText, placed));
    cursor = edit.end;
  }
  append(target.slice(cursor));
  return { text, drafts: placed };
}

function renderPart(
  part: Part,
  line: number,
  drafts: readonly DraftRequest[],
  draftText: (index: number) => string,
  placed: DraftedUnit[],
): string {
  if (typeof part === 'string') return part;
  if ('reused' in part) return part.reused;
  const request = drafts[part.draft];
  const markdown = draftText(part.draft);
  if (request) {
    placed.push({
      line,
      source: request.source,
      draft: markdown,
      reason: request.reason,
      ...(request.replaces ? { replaces: request.replaces } : {}),
    });
  }
  return markdown;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
