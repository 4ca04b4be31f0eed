import type { DraftedUnit } from './report.js';
import type { DraftRequest, Part, TargetEdit } from './planChapter.js';

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
  let cursor = 0;
  const placed: DraftedUnit[] = [];
  for (const edit of edits) {
    if (edit.start < cursor) {
      throw new ComposeError(`two changes overlap at offset ${edit.start}: the translation's structure differs too much from its English`);
    }
    text += target.slice(cursor, edit.start);
    for (const part of edit.parts) text += renderPart(part, text, drafts, draftText, placed);
    cursor = edit.end;
  }
  text += target.slice(cursor);
  return { text, drafts: placed };
}

function renderPart(
  part: Part,
  before: string,
  drafts: readonly DraftRequest[],
  draftText: (index: number) => string,
  placed: DraftedUnit[],
): string {
  if (typeof part === 'string') return part;
  if ('reused' in part) return part.reused;
  const request = drafts[part.draft];
  const markdown = draftText(part.draft);
  if (request) placed.push({ line: lineAt(before), source: request.source, draft: markdown, reason: request.reason });
  return markdown;
}

function lineAt(textBefore: string): number {
  let line = 1;
  for (let index = textBefore.indexOf('\n'); index !== -1; index = textBefore.indexOf('\n', index + 1)) line += 1;
  return line;
}
