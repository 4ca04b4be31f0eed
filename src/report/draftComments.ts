/**
 * Review comments that put each machine draft's English, and the human translation it replaces, on the draft's own
 * line of the follow-up pull request, where a translator reads it. Each comment carries a mark with a key of its
 * file, English and draft, so a later run adds comments only for drafts nobody has been shown yet.
 */
import { createHash } from 'node:crypto';
import type { DraftedUnit, SyncReport } from '../sync/report.js';
import { escapeCell } from './escape.js';

export interface DraftComment {
  /** Path in the target repository. */
  readonly path: string;
  /** 1-based line of the committed file where the draft starts. */
  readonly line: number;
  readonly body: string;
  readonly key: string;
}

const MARK = /<!-- amts:draft ([0-9a-f]{16}) -->/g;

/**
 * One comment per draft, in report order. `committedText` gives a file as committed (a merge with another run may
 * have moved lines since the sync wrote it); a draft no longer found in its file gets no comment.
 */
export function draftComments(report: SyncReport, committedText: (path: string) => string | undefined): DraftComment[] {
  const comments: DraftComment[] = [];
  for (const file of report.files) {
    if (file.drafts.length === 0) continue;
    const text = committedText(file.path);
    if (text === undefined) continue;
    for (const draft of file.drafts) {
      const line = lineOfDraft(text, draft);
      if (line === undefined) continue;
      const key = createHash('sha256')
        .update(`${file.path}\n${draft.source}\n${draft.draft}`)
        .digest('hex')
        .slice(0, 16);
      comments.push({ path: file.path, line, key, body: commentBody(draft, key) });
    }
  }
  return comments;
}

/** The keys of the draft comments a body holds (a comment an earlier run posted). */
export function draftCommentKeys(body: string): string[] {
  return [...body.matchAll(MARK)].map((match) => match[1] ?? '');
}

/** The line where the draft's text starts: at or after the line the sync wrote it on, else anywhere. */
function lineOfDraft(text: string, draft: DraftedUnit): number | undefined {
  const needle = draft.draft.trim();
  if (needle === '') return undefined;
  const written = offsetOfLine(text, draft.line);
  let at = written === undefined ? -1 : text.indexOf(needle, written);
  if (at === -1) at = text.indexOf(needle);
  if (at === -1) return undefined;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function offsetOfLine(text: string, line: number): number | undefined {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return undefined;
    offset = newline + 1;
  }
  return offset;
}

function commentBody(draft: DraftedUnit, key: string): string {
  const why =
    draft.reason === 'changed'
      ? 'the English changed'
      : draft.reason === 'inserted'
        ? 'the English gained this sentence'
        : 'the chapter is new';
  const lines = [
    `**Machine draft** (${why}): please check it against the English.`,
    '',
    `> ${escapeCell(draft.source)}`,
  ];
  if (draft.replaces) {
    lines.push(
      '',
      'It replaces the human translation of the old English:',
      '',
      `> ${escapeCell(draft.replaces.source)}`,
      '>',
      `> ${escapeCell(draft.replaces.translation)}`,
    );
  }
  lines.push('', `<!-- amts:draft ${key} -->`);
  return lines.join('\n');
}
