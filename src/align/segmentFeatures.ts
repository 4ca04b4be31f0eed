/**
 * What the aligner compares about a sentence: its text length and the things a translation carries over unchanged
 * (inline math, code, role keys, URLs, numbers, Latin terms kept in CJK text, glossary terms).
 */
import type { InlineToken } from '../markdown/types.js';
import type { AlignmentSegment } from './types.js';
import type { GlossaryIndex } from './glossary.js';
import { countNonWhitespace } from '../text/countNonWhitespace.js';
import { isSpacelessLanguage } from './language.js';

const NUMBER = /\d+(?:\.\d+)?/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/gu;
const ROLE_KEY = /^:[\w-]+:`([^`]*)`/u;

export interface SegmentText {
  /** Folded Markdown source of the segment. */
  readonly text: string;
  /** Tokens the segment covers, cut to its bounds. */
  readonly tokens: readonly InlineToken[];
}

export function segmentFeatures(
  segment: SegmentText,
  language: string,
  glossary: GlossaryIndex | undefined,
  side: 'source' | 'target',
  category?: string,
): AlignmentSegment {
  const anchors: string[] = [];
  for (const token of segment.tokens) {
    if (token.kind !== 'protected') continue;
    const anchor = anchorOf(token.source, token.role);
    if (anchor !== undefined) anchors.push(anchor);
  }
  const prose = segmentProse(segment.tokens);
  for (const number of prose.match(NUMBER) ?? []) anchors.push(`n:${Number(number)}`);
  const spaceless = isSpacelessLanguage(language);
  const latinWords =
    spaceless || side === 'source' ? (prose.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase()) : [];
  // A Latin word kept in CJK text (a gloss like 术语（term）) is one unit of meaning, not one per letter.
  const length = spaceless ? prose.replace(/\s+/gu, '').replace(LATIN_WORD, 'w').length : countNonWhitespace(prose);
  const terms = glossaryTerms(prose, glossary, side);
  return {
    length,
    anchors,
    latinWords: spaceless ? latinWords.filter((word) => word.length >= 2) : latinWords,
    terms,
    ...(category === undefined ? {} : { category }),
    prose,
  };
}

/** The words of a segment: text tokens, with a space for each line break. */
export function segmentProse(tokens: readonly InlineToken[]): string {
  let prose = '';
  for (const token of tokens) {
    if (token.kind === 'text') prose += token.source;
    else if (token.kind === 'break') prose += ' ';
  }
  return prose;
}

/** Glossary entries the segment mentions; target text is searched without whitespace (CJK lines break anywhere). */
export function glossaryTerms(prose: string, glossary: GlossaryIndex | undefined, side: 'source' | 'target'): number[] {
  if (glossary === undefined) return [];
  return side === 'source' ? glossary.sourceTerms(prose) : glossary.targetTerms(prose.replace(/\s+/gu, ''));
}

function anchorOf(source: string, role: string): string | undefined {
  switch (role) {
    case 'math': {
      const body = source.replace(/^\$+|\$+$/gu, '').replace(/\s+/gu, '');
      return /^\d+(?:\.\d+)?$/u.test(body) ? `n:${Number(body)}` : `m:${body}`;
    }
    case 'code':
      return `c:${source.replace(/`/gu, '').trim()}`;
    case 'role':
    case 'reference': {
      const key = ROLE_KEY.exec(source)?.[1];
      return `r:${key ?? source}`;
    }
    case 'url':
    case 'image':
      return `u:${source}`;
    default:
      return undefined;
  }
}

/**
 * The tokens between two offsets of a unit, the first and last cut to the bounds. A caller that knows a token at or
 * before `start` (a sentence's first token) passes it and its offset, so long units are not walked from the top.
 */
export function tokensBetween(
  tokens: readonly InlineToken[],
  start: number,
  end: number,
  firstToken = 0,
  firstTokenStart = 0,
): InlineToken[] {
  const result: InlineToken[] = [];
  let offset = firstTokenStart;
  for (let index = firstToken; index < tokens.length && offset < end; index += 1) {
    const token = tokens[index];
    if (token === undefined) break;
    const tokenStart = offset;
    offset += token.source.length;
    if (offset <= start) continue;
    if (tokenStart >= start && offset <= end) result.push(token);
    else if (token.kind === 'text') {
      result.push({ kind: 'text', source: token.source.slice(Math.max(0, start - tokenStart), end - tokenStart) });
    } else result.push(token);
  }
  return result;
}
