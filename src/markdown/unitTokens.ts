import type { InlineItem } from './inlineItems.js';
import type { InlineToken } from './types.js';

/**
 * Cuts the source range [start, end) of one translatable unit into inline tokens. `items` are the
 * protected pieces and markup markers the parser found (any order; those outside the range are
 * ignored). `linePrefix` matches what a container puts before a continuation line (`> `, list
 * indentation): it belongs to the line break, not to the words.
 */
export function unitTokens(
  text: string,
  start: number,
  end: number,
  items: readonly InlineItem[],
  linePrefix: RegExp,
): InlineToken[] {
  const inRange = items.filter((item) => item.start >= start && item.end <= end).sort((a, b) => a.start - b.start);
  const tokens: InlineToken[] = [];
  let cursor = start;
  for (const item of inRange) {
    if (item.start < cursor) continue;
    pushText(text, cursor, item.start, linePrefix, tokens);
    const source = text.slice(item.start, item.end);
    tokens.push(
      item.kind === 'protected'
        ? { kind: 'protected', source, role: item.role }
        : { kind: item.kind, source, pair: item.pair, tag: item.tag },
    );
    cursor = item.end;
  }
  pushText(text, cursor, end, linePrefix, tokens);
  return refineTokens(tokens);
}

/** Plain text with its line breaks (and the container prefixes after them) split out. */
function pushText(text: string, start: number, end: number, linePrefix: RegExp, tokens: InlineToken[]): void {
  let cursor = start;
  while (cursor < end) {
    const newline = text.indexOf('\n', cursor);
    if (newline === -1 || newline >= end) {
      tokens.push({ kind: 'text', source: text.slice(cursor, end) });
      return;
    }
    const breakStart = newline > cursor && text[newline - 1] === '\r' ? newline - 1 : newline;
    if (breakStart > cursor) tokens.push({ kind: 'text', source: text.slice(cursor, breakStart) });
    const lineStart = newline + 1;
    const rest = text.slice(lineStart, end);
    const prefix = linePrefix.exec(rest)?.[0] ?? '';
    tokens.push({ kind: 'break', source: text.slice(breakStart, lineStart + prefix.length) });
    cursor = lineStart + prefix.length;
  }
}

const ROLE_NAME = /:[A-Za-z][\w-]*:$/;
const SLIDE_MARKER = /\[\*\*|\*\*\]|\(\*\*|\*\*\)|\(~~|~~\)/g;
const BACKSLASH_ESCAPE = /\\[!-/:-@[-`{-~]/g;
/**
 * A literal URL as GitHub links it: `http(s)://` or `www.` after a boundary, up to white space or
 * `<`, without trailing punctuation.
 */
const BARE_URL = /(?<![\w/@.-])(?:https?:\/\/|www\.)[^\s<]*[^\s<?!.,:*_~'")]/g;

const PROTECTED_IN_TEXT = new RegExp(`${BARE_URL.source}|${SLIDE_MARKER.source}|${BACKSLASH_ESCAPE.source}`, 'g');
/** Every match of PROTECTED_IN_TEXT holds one of these: most text needs no search at all. */
const MAY_NEED_PROTECTION = /\\|https?:|www\.|\*\*|~~/;

/**
 * d2lbook conventions the CommonMark parser cannot know: `:numref:`key`` is one role, not text
 * plus code; `[**…**]`, `(**…**)` and `(~~…~~)` mark slide content around translatable words.
 */
function refineTokens(tokens: InlineToken[]): InlineToken[] {
  const merged = mergeRoles(tokens);
  const withSlides = mergeSlideMarkers(merged);
  return withSlides.flatMap(protectInText).filter((token) => token.source !== '');
}

function protectedRoleOf(piece: string): 'escape' | 'marker' | 'url' {
  if (piece.startsWith('\\')) return 'escape';
  return /^(?:https?:|www\.)/.test(piece) ? 'url' : 'marker';
}

function mergeRoles(tokens: InlineToken[]): InlineToken[] {
  const out: InlineToken[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (token.kind === 'protected' && token.role === 'code' && previous?.kind === 'text') {
      const role = ROLE_NAME.exec(previous.source);
      if (role) {
        out[out.length - 1] = { kind: 'text', source: previous.source.slice(0, role.index) };
        out.push({ kind: 'protected', role: 'role', source: role[0] + token.source });
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

const SLIDE_BRACKETS: Record<string, string> = { '[': ']', '(': ')' };

function mergeSlideMarkers(tokens: InlineToken[]): InlineToken[] {
  const out = [...tokens];
  for (let index = 1; index < out.length; index += 1) {
    const open = out[index];
    const before = out[index - 1];
    if (open?.kind !== 'open' || (open.tag !== 'strong' && open.tag !== 'del') || before?.kind !== 'text') continue;
    const bracket = before.source.slice(-1);
    const closing = SLIDE_BRACKETS[bracket];
    if (!closing) continue;
    const closeIndex = out.findIndex((token, at) => at > index && token.kind === 'close' && token.pair === open.pair);
    const close = out[closeIndex];
    const after = out[closeIndex + 1];
    if (close?.kind !== 'close' || after?.kind !== 'text' || !after.source.startsWith(closing)) continue;
    out[index - 1] = { kind: 'text', source: before.source.slice(0, -1) };
    out[index] = { kind: 'open', pair: open.pair, tag: 'slide', source: bracket + open.source };
    out[closeIndex] = { kind: 'close', pair: open.pair, tag: 'slide', source: close.source + closing };
    out[closeIndex + 1] = { kind: 'text', source: after.source.slice(1) };
  }
  return out;
}

/** Literal URLs, slide markers that span units, and backslash escapes are kept as written. */
function protectInText(token: InlineToken): InlineToken[] {
  if (token.kind !== 'text' || !MAY_NEED_PROTECTION.test(token.source)) return [token];
  const out: InlineToken[] = [];
  let cursor = 0;
  for (const match of token.source.matchAll(PROTECTED_IN_TEXT)) {
    out.push({ kind: 'text', source: token.source.slice(cursor, match.index) });
    out.push({ kind: 'protected', role: protectedRoleOf(match[0]), source: match[0] });
    cursor = match.index + match[0].length;
  }
  out.push({ kind: 'text', source: token.source.slice(cursor) });
  return out;
}
