import { lastAtMost } from '../text/lastAtMost.js';
import type { InlineItem } from './inlineItems.js';
import { isEscaped } from './isEscaped.js';
import type { MarkupTag, ProtectedRole } from './types.js';

/** One line of inline content: the source range after its container prefix and leading white space. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
}

/**
 * Thrown when the content holds something this scanner leaves to the full parser (strike-through,
 * footnote calls, unusual link destinations, HTML it does not recognise …). It is a signal, not an
 * error: parseMarkdown catches it and parses the file with remark.
 */
export class NeedsFullParser extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NeedsFullParser';
  }
}

interface Span {
  readonly start: number;
  readonly end: number;
  /** Markup only: where the content starts and ends (the node's first and last child). */
  readonly innerStart: number;
  readonly innerEnd: number;
  /**
   * Set when a link's text ends with a line break: remark ends the last child at the start of the
   * next line, before its indentation, not at the `]`.
   */
  readonly innerEndAtLineStart?: boolean;
  readonly kind: 'protected' | 'markup';
  readonly role?: ProtectedRole;
  readonly tag?: MarkupTag;
}

interface Delimiter {
  readonly marker: number;
  /** Current start and length: both shrink as emphasis uses the run from the inside out. */
  start: number;
  length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

interface Bracket {
  readonly start: number;
  readonly image: boolean;
  /** Index in the delimiter list when the bracket was seen: emphasis inside a link starts there. */
  readonly delimiterIndex: number;
  active: boolean;
}

const BACKTICK = 96;
const DOLLAR = 36;
const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;

type Kind = 'attention' | 'strike';
/** The resolvers micromark runs inside a link, an emphasis or a strike-through. */
const INSIDE_SPAN: readonly Kind[] = ['attention', 'strike'];
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;
const AUTOLINK_URI = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>]*>/y;
const AUTOLINK_EMAIL =
  /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
const ATTRIBUTE = String.raw`[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>\x60]+|'[^'\n]*'|"[^"\n]*"))?`;
const OPEN_TAG = new RegExp(String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \t]*/?>`, 'y');
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>/y;
const COMMENT = /<!--(?!>|->)(?:(?!--)[^])*?(?<!-)-->/y;
const SIMPLE_TITLE = /"[^"\\\n&]*"/y;

/**
 * The inline structure of one paragraph, heading or table cell, as the protected pieces and markup
 * markers `inlineItems` would give for remark's tree of the same content: code spans, inline math,
 * autolinks, raw HTML, images, links and emphasis, found by CommonMark's rules (delimiter runs,
 * flanking, the rule of three, links not in links) as micromark applies them. Anything outside that
 * set throws NeedsFullParser, so the result is either exactly remark's or not given at all.
 */
export function scanInline(text: string, chunks: readonly Chunk[]): InlineItem[] {
  const scanner = new InlineScanner(text, chunks);
  return scanner.scan();
}

class InlineScanner {
  /** The content with container prefixes removed and lines joined by `\n`. */
  private readonly value: string;
  private readonly chunkValueStarts: number[] = [];
  private readonly spans: Span[] = [];
  private readonly delimiters: Delimiter[] = [];
  private readonly brackets: Bracket[] = [];
  /**
   * micromark runs its resolvers in the order their constructs first succeeded in the content, so
   * strike-through pairs win over emphasis when a tilde run comes before any `*` or `_` run.
   */
  private attentionSeen = false;
  /** The destination of the last resource `resource` read, for telling a bare link. */
  private destinationStart = 0;
  private destinationEnd = 0;
  private strikeFirst = false;

  constructor(
    private readonly text: string,
    private readonly chunks: readonly Chunk[],
  ) {
    let value = '';
    for (const chunk of chunks) {
      if (value !== '' || this.chunkValueStarts.length > 0) value += '\n';
      this.chunkValueStarts.push(value.length);
      value += text.slice(chunk.start, chunk.end);
    }
    this.value = value;
  }

  scan(): InlineItem[] {
    const value = this.value;
    let index = 0;
    while (index < value.length) {
      const code = value.charCodeAt(index);
      switch (code) {
        case 92: // backslash: an escaped punctuation character or a hard break is plain text
          index += index + 1 < value.length && ASCII_PUNCTUATION.test(value[index + 1] ?? '') ? 2 : 1;
          break;
        case BACKTICK:
        case DOLLAR:
          index = this.codeOrMath(index, code);
          break;
        case 60: // <
          index = this.angle(index);
          break;
        case 33: // !
          if (value.charCodeAt(index + 1) === 91) {
            if (value.charCodeAt(index + 2) === 94) throw new NeedsFullParser('footnote-like image label');
            this.brackets.push({ start: index, image: true, delimiterIndex: this.delimiters.length, active: true });
            index += 2;
          } else index += 1;
          break;
        case 91: // [
          if (value.charCodeAt(index + 1) === 94) throw new NeedsFullParser('footnote call');
          this.brackets.push({ start: index, image: false, delimiterIndex: this.delimiters.length, active: true });
          index += 1;
          break;
        case 93: // ]
          index = this.closeBracket(index);
          break;
        case ASTERISK:
        case UNDERSCORE:
          index = this.delimiterRun(index, code);
          break;
        case TILDE:
          index = this.tildeRun(index);
          break;
        default:
          index += 1;
      }
    }
    this.resolve(this.delimiters, this.strikeFirst ? ['strike', 'attention'] : INSIDE_SPAN);
    return this.items();
  }

  /**
   * A code span or inline math from the run at `start` to the next run of the same length. In math
   * an escaped dollar is part of the formula (pandoc's and d2lbook's rule, which parseMarkdown also
   * gives remark): `$\$10 \pm \$1$` is one formula. In code a backslash is just a character.
   */
  private codeOrMath(start: number, marker: number): number {
    const value = this.value;
    const size = runLength(value, start, marker);
    let cursor = start + size;
    for (;;) {
      const next = value.indexOf(String.fromCharCode(marker), cursor);
      if (next === -1) return start + size;
      if (marker === DOLLAR && isEscaped(value, next)) {
        cursor = next + 1;
        continue;
      }
      const closing = runLength(value, next, marker);
      if (closing === size) {
        this.spans.push(protectedSpan(start, next + closing, marker === BACKTICK ? 'code' : 'math'));
        return next + closing;
      }
      cursor = next + closing;
    }
  }

  private angle(start: number): number {
    const value = this.value;
    for (const pattern of [AUTOLINK_URI, AUTOLINK_EMAIL]) {
      pattern.lastIndex = start;
      if (pattern.test(value)) {
        this.spans.push(protectedSpan(start, pattern.lastIndex, 'url'));
        return pattern.lastIndex;
      }
    }
    const next = value[start + 1] ?? '';
    if (!/[A-Za-z/!?]/.test(next)) return start + 1;
    for (const pattern of [OPEN_TAG, CLOSING_TAG, COMMENT]) {
      pattern.lastIndex = start;
      if (pattern.test(value)) {
        this.spans.push(protectedSpan(start, pattern.lastIndex, 'html'));
        return pattern.lastIndex;
      }
    }
    throw new NeedsFullParser('unusual inline HTML');
  }

  private delimiterRun(start: number, marker: number): number {
    const value = this.value;
    const length = runLength(value, start, marker);
    const previous = start === 0 ? null : value.charCodeAt(start - 1);
    const afterIndex = start + length;
    const next = afterIndex >= value.length ? null : value.charCodeAt(afterIndex);
    const before = classify(previous);
    const after = classify(next);
    // A tilde next to the run counts as an opening or closing side, as strike-through's attention marker.
    const open = after === 0 || (after === 2 && before !== 0) || next === TILDE;
    const close = before === 0 || (before === 2 && after !== 0) || previous === TILDE;
    const canOpen = marker === ASTERISK ? open : open && (before !== 0 || !close);
    const canClose = marker === ASTERISK ? close : close && (after !== 0 || !open);
    this.delimiters.push({ marker, start, length, canOpen, canClose });
    this.attentionSeen = true;
    return afterIndex;
  }

  /** GFM strike-through: a run of one or two tildes; longer runs are plain text. */
  private tildeRun(start: number): number {
    const value = this.value;
    const length = runLength(value, start, TILDE);
    if (length > 2) return start + length;
    const before = classify(start === 0 ? null : value.charCodeAt(start - 1));
    const after = classify(start + length >= value.length ? null : value.charCodeAt(start + length));
    const canOpen = after === 0 || (after === 2 && before !== 0);
    const canClose = before === 0 || (before === 2 && after !== 0);
    this.delimiters.push({ marker: TILDE, start, length, canOpen, canClose });
    if (!this.attentionSeen) this.strikeFirst = true;
    return start + length;
  }

  private closeBracket(index: number): number {
    const opener = this.brackets.pop();
    if (!opener) return index + 1;
    if (!opener.active) return index + 1;
    const end = this.resource(index + 1);
    if (end === -1) return index + 1;
    const contentStart = opener.start + (opener.image ? 2 : 1);
    this.resolve(this.delimiters.slice(opener.delimiterIndex), INSIDE_SPAN);
    this.delimiters.length = Math.min(this.delimiters.length, opener.delimiterIndex);
    if (opener.image) {
      this.spans.push(protectedSpan(opener.start, end, 'image'));
    } else {
      for (const earlier of this.brackets) if (!earlier.image) earlier.active = false;
      this.spans.push(this.linkSpan(opener.start, contentStart, index, end));
    }
    return end;
  }

  /** A link whose text is just its address (or empty) is protected whole, as inlineItems does. */
  private linkSpan(start: number, contentStart: number, contentEnd: number, end: number): Span {
    const inside = this.spans.some((span) => span.start >= contentStart && span.end <= contentEnd);
    if (contentStart === contentEnd) return protectedSpan(start, end, 'url');
    if (!inside) {
      const rawContent = this.value.slice(contentStart, contentEnd);
      const rawUrl = this.value.slice(this.destinationStart, this.destinationEnd);
      // Character references need decoding before the comparison. An address has no line break (nor one written
      // as a reference, when it holds no `&`), so a link whose text breaks a line is never its own address.
      const multiLine = rawContent.includes('\n');
      if (rawUrl.includes('&') || (!multiLine && rawContent.includes('&')))
        throw new NeedsFullParser('link needing decoding');
      if (!multiLine) {
        const content = unescapeMarkdown(rawContent);
        const url = unescapeMarkdown(rawUrl);
        const bare = url.replace(/^mailto:/, '');
        if (content === url || content === bare || bare.endsWith(content)) return protectedSpan(start, end, 'url');
      }
    }
    const innerEndAtLineStart = this.value.charCodeAt(contentEnd - 1) === 10;
    return {
      kind: 'markup',
      tag: 'a',
      start,
      end,
      innerStart: contentStart,
      innerEnd: contentEnd,
      innerEndAtLineStart,
    };
  }

  /**
   * The end of an inline link resource `(destination "title")` starting at `start`, or -1 when there
   * is none (the bracket is then plain text, as there are no reference definitions).
   */
  private resource(start: number): number {
    const value = this.value;
    if (value.charCodeAt(start) !== 40) {
      return -1;
    }
    let cursor = skipWhitespace(value, start + 1);
    this.destinationStart = cursor;
    this.destinationEnd = cursor;
    if (value.charCodeAt(cursor) === 41) return cursor + 1;
    if (value.charCodeAt(cursor) === 60) throw new NeedsFullParser('angle-bracket link destination');
    let balance = 0;
    for (;;) {
      const code = cursor < value.length ? value.charCodeAt(cursor) : -1;
      if (balance === 0 && (code === -1 || code === 41 || code === 32 || code === 9 || code === 10)) break;
      if (code === 40) {
        if (balance >= 32) return -1;
        balance += 1;
      } else if (code === 41) balance -= 1;
      else if (code === -1 || code === 32 || code < 32 || code === 127) return -1;
      else if (code === 92 && /[()\\]/.test(value[cursor + 1] ?? '')) cursor += 1;
      cursor += 1;
    }
    if (cursor >= value.length) return -1;
    this.destinationEnd = cursor;
    if (value.charCodeAt(cursor) !== 41) {
      cursor = skipWhitespace(value, cursor);
      const code = value.charCodeAt(cursor);
      if (code === 34) {
        SIMPLE_TITLE.lastIndex = cursor;
        if (!SIMPLE_TITLE.test(value)) throw new NeedsFullParser('unusual link title');
        cursor = skipWhitespace(value, SIMPLE_TITLE.lastIndex);
      } else if (code === 39 || code === 40) throw new NeedsFullParser('unusual link title');
    }
    return value.charCodeAt(cursor) === 41 ? cursor + 1 : -1;
  }

  /**
   * Resolves emphasis and strike-through among `list` in the given order, as micromark's resolvers
   * do: closers left to right, each with the nearest opener it may pair with; the runs between a
   * matched pair are resolved on their own (emphasis first) and can then match nothing outside.
   */
  private resolve(list: readonly Delimiter[], order: readonly Kind[]): void {
    for (const kind of order) this.resolveKind(list, kind);
  }

  private resolveKind(list: readonly Delimiter[], kind: Kind): void {
    let closerIndex = 0;
    while (closerIndex < list.length) {
      const closer = list[closerIndex];
      if (!closer || !closer.canClose || closer.length === 0 || kindOf(closer) !== kind) {
        closerIndex += 1;
        continue;
      }
      const openerIndex = findOpener(list, closerIndex, closer);
      const opener = list[openerIndex];
      if (!opener) {
        closerIndex += 1;
        continue;
      }
      const use = kind === 'strike' ? closer.length : opener.length > 1 && closer.length > 1 ? 2 : 1;
      const openerEnd = opener.start + opener.length;
      this.spans.push({
        kind: 'markup',
        tag: kind === 'strike' ? 'del' : use === 2 ? 'strong' : 'em',
        start: openerEnd - use,
        end: closer.start + use,
        innerStart: openerEnd,
        innerEnd: closer.start,
      });
      opener.length -= use;
      closer.start += use;
      closer.length -= use;
      const inner = list.slice(openerIndex + 1, closerIndex);
      this.resolve(inner, INSIDE_SPAN);
      for (const run of inner) run.length = 0;
      if (closer.length === 0) closerIndex += 1;
    }
  }

  /** The spans as inlineItems gives them: source offsets, document order, pairs numbered in pre-order. */
  private items(): InlineItem[] {
    const spans = [...this.spans].sort((a, b) => a.start - b.start || b.end - a.end);
    const items: InlineItem[] = [];
    const stack: { span: Span; pair: number }[] = [];
    let pair = 0;
    // An image or a bare link is protected whole: what the scanner found inside it is not an item.
    let protectedEnd = -1;
    const closeUntil = (position: number): void => {
      for (let top = stack.at(-1); top && top.span.end <= position; top = stack.at(-1)) {
        stack.pop();
        items.push(this.closeItem(top.span, top.pair));
      }
    };
    for (const span of spans) {
      if (span.start < protectedEnd) continue;
      closeUntil(span.start);
      const parent = stack.at(-1);
      if (parent && span.end > parent.span.innerEnd) throw new NeedsFullParser('overlapping inline spans');
      if (span.kind === 'protected') {
        protectedEnd = span.end;
        items.push({
          kind: 'protected',
          start: this.toSource(span.start),
          end: this.toSource(span.end),
          role: span.role ?? 'html',
        });
        continue;
      }
      items.push({
        kind: 'open',
        start: this.toSource(span.start),
        end: this.toSource(span.innerStart),
        pair,
        tag: span.tag ?? 'em',
      });
      stack.push({ span, pair });
      pair += 1;
    }
    closeUntil(Number.POSITIVE_INFINITY);
    return items;
  }

  private closeItem(span: Span, pair: number): InlineItem {
    const innerEnd = this.toSource(span.innerEnd);
    return {
      kind: 'close',
      start: span.innerEndAtLineStart ? this.text.lastIndexOf('\n', innerEnd - 1) + 1 : innerEnd,
      end: this.toSource(span.end),
      pair,
      tag: span.tag ?? 'em',
    };
  }

  /** Maps an offset in the joined content back to the document text. */
  private toSource(offset: number): number {
    const index = lastAtMost(this.chunkValueStarts, offset);
    return (this.chunks[index]?.start ?? 0) + offset - (this.chunkValueStarts[index] ?? 0);
  }
}

/** The text a backslash escape stands for, as remark gives it in node values. */
function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function kindOf(run: Delimiter): Kind {
  return run.marker === TILDE ? 'strike' : 'attention';
}

/** The nearest run before the closer that may open it, or -1. */
function findOpener(list: readonly Delimiter[], closerIndex: number, closer: Delimiter): number {
  for (let index = closerIndex - 1; index >= 0; index -= 1) {
    const opener = list[index];
    if (!opener || !opener.canOpen || opener.length === 0 || opener.marker !== closer.marker) continue;
    if (closer.marker === TILDE) {
      if (opener.length === closer.length) return index;
      continue;
    }
    const ruleOfThree =
      (opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
    if (!ruleOfThree) return index;
  }
  return -1;
}

function protectedSpan(start: number, end: number, role: ProtectedRole): Span {
  return { kind: 'protected', role, start, end, innerStart: start, innerEnd: end };
}

function runLength(value: string, start: number, marker: number): number {
  let end = start;
  while (value.charCodeAt(end) === marker) end += 1;
  return end - start;
}

function skipWhitespace(value: string, start: number): number {
  let cursor = start;
  while (cursor < value.length && WHITESPACE.test(value[cursor] ?? '')) cursor += 1;
  return cursor;
}

/** micromark's classes: 1 white space (or the edge of the content), 2 punctuation or symbol, 0 other. */
function classify(code: number | null): 0 | 1 | 2 {
  if (code === null) return 1;
  const char = String.fromCharCode(code);
  if (WHITESPACE.test(char)) return 1;
  if (UNICODE_PUNCTUATION.test(char)) return 2;
  return 0;
}
