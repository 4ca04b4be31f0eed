/**
 * Sentence splitting of one translatable unit. Rule-based rather than Intl.Segmenter: the segmenter breaks after
 * "Fig." and "e.g." when a capital follows and cannot see that periods inside inline math or code are not
 * sentence ends. Protected tokens are opaque here, so a period inside `$…$` or a role key never splits.
 */
import type { InlineToken } from '../markdown/types.js';
import { isCjkCharacter, isSpacelessLanguage, primaryLanguage } from './language.js';

export interface SentenceSpan {
  /** Offset (UTF-16) of the sentence's first character in the unit source (all token sources concatenated). */
  readonly start: number;
  /** Offset just past the sentence's last character; whitespace around the sentence is left out. */
  readonly end: number;
  /** First token the sentence touches. */
  readonly firstToken: number;
  /** Offset of that token's first character in the unit source. */
  readonly firstTokenStart: number;
  /** One past the last token the sentence touches. */
  readonly endToken: number;
  /** The sentence's Markdown source with line breaks folded (see foldLineBreaks), trimmed. */
  readonly text: string;
}

/**
 * The unit seen by the splitter: one character per text character, one placeholder per protected token or markup
 * marker, a space per line break, with the source offsets and token of each position. Flat arrays, because
 * splitting runs over every sentence of a book.
 */
interface Masked {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly tokens: Int32Array;
  /** Source offset of each token. */
  readonly tokenStarts: Int32Array;
  /** Source of the protected token at a placeholder position. */
  readonly protectedSources: ReadonlyMap<number, string>;
}

const PROTECTED = '\uE000';
const OPEN = '\uE001';
const CLOSE = '\uE002';

const WHITESPACE = /\s/u;
const LATIN_TERMINATORS = new Set(['.', '?', '!', '…']);
const SPACELESS_TERMINATORS = new Set(['。', '！', '？', '．', '!', '?']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '」', '』', '）', '】', '》', '〉', '»']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '{', '「', '『', '（', '【', '《', '〈', '«', '¿', '¡']);
const LOWERCASE_START = /^\p{Ll}/u;
const CONTINUATION_PUNCTUATION = new Set([',', ';', ':', '，', '；', '：', '、']);

/**
 * Words followed by a period that do not end a sentence. Compared lower-cased; `etc` is absent on purpose
 * because it often does end one (and then a capital follows).
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'al',
  'vs',
  'cf',
  'fig',
  'figs',
  'eq',
  'eqs',
  'sec',
  'sect',
  'ch',
  'chap',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'jr',
  'sr',
  'st',
  'approx',
  'resp',
  'w.r.t',
  'a.k.a',
  'incl',
  'esp',
  'viz',
  'inc',
  'ltd',
  'ph.d',
  'pp',
  'vol',
  'eds',
  'appx',
  'ca',
  'no',
  'nos',
  'p',
  'ej',
  'p. ej',
  'sra',
  'dra',
  'ud',
  'uds',
  'núm',
  'pág',
  'ibid',
]);

export function splitSentences(tokens: readonly InlineToken[], language: string): SentenceSpan[] {
  const masked = maskUnit(tokens);
  const spaceless = isSpacelessLanguage(language);
  const spans: Array<{ start: number; end: number }> = [];
  const length = masked.text.length;
  let sentenceStart = nextContent(masked, 0);
  let index = sentenceStart;
  while (index < length) {
    const boundary = spaceless ? spacelessBoundaryAfter(masked, index) : latinBoundaryAfter(masked, index, language);
    if (boundary === undefined) {
      index += 1;
      continue;
    }
    spans.push({ start: sentenceStart, end: boundary.lastAtom });
    sentenceStart = boundary.nextStart;
    index = boundary.nextStart;
  }
  const lastContent = previousContent(masked, length - 1);
  if (sentenceStart < length && lastContent >= sentenceStart) spans.push({ start: sentenceStart, end: lastContent });
  return spans.map((span) => toSentenceSpan(tokens, masked, span.start, span.end, language));
}

/**
 * The unit's source between two offsets with each line break replaced: by nothing between two CJK characters,
 * by one space otherwise (the break's container prefix, `> ` or list indent, goes with it). Spaces next to a
 * break collapse into it.
 */
export function foldLineBreaks(
  tokens: readonly InlineToken[],
  start: number,
  end: number,
  language: string,
  firstToken = 0,
  firstTokenStart = 0,
): string {
  // A private-use character stands for each break until the breaks are folded.
  const BREAK = '\uE003';
  let offset = firstTokenStart;
  let raw = '';
  for (let index = firstToken; index < tokens.length && offset < end; index += 1) {
    const token = tokens[index];
    if (token === undefined) break;
    const tokenEnd = offset + token.source.length;
    if (tokenEnd > start) {
      raw += token.kind === 'break' ? BREAK : token.source.slice(Math.max(0, start - offset), end - offset);
    }
    offset = tokenEnd;
  }
  if (!raw.includes(BREAK)) return raw.trim();
  const spaceless = isSpacelessLanguage(language);
  return raw
    .replace(/[ \t]*\uE003[\s\uE003]*/gu, (match, position: number) => {
      if (!spaceless) return ' ';
      const before = raw[position - 1];
      const after = raw[position + match.length];
      return isCjkCharacter(before) && isCjkCharacter(after) ? '' : ' ';
    })
    .trim();
}

function maskUnit(tokens: readonly InlineToken[]): Masked {
  // One atom per text character and per other token: sized up front, filled in place (this runs for every unit).
  let capacity = 0;
  for (const token of tokens) capacity += Math.max(1, token.source.length);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const owners = new Int32Array(capacity);
  let atoms = 0;
  let text = '';
  const protectedSources = new Map<number, string>();
  const tokenStarts = new Int32Array(tokens.length);
  let offset = 0;
  tokens.forEach((token, tokenIndex) => {
    const start = offset;
    tokenStarts[tokenIndex] = start;
    offset += token.source.length;
    if (token.kind === 'text') {
      text += token.source;
      for (let position = start; position < offset; position += 1) {
        starts[atoms] = position;
        ends[atoms] = position + 1;
        owners[atoms] = tokenIndex;
        atoms += 1;
      }
      return;
    }
    if (token.kind === 'protected') protectedSources.set(text.length, token.source);
    text +=
      token.kind === 'break' ? ' ' : token.kind === 'protected' ? PROTECTED : token.kind === 'open' ? OPEN : CLOSE;
    starts[atoms] = start;
    ends[atoms] = offset;
    owners[atoms] = tokenIndex;
    atoms += 1;
  });
  return {
    text,
    starts: starts.subarray(0, atoms),
    ends: ends.subarray(0, atoms),
    tokens: owners.subarray(0, atoms),
    tokenStarts,
    protectedSources,
  };
}

function isSpaceAt(masked: Masked, index: number): boolean {
  const code = masked.text.charCodeAt(index);
  // ASCII whitespace is nearly all of it; the regex only runs for the rare other space characters.
  if (code === 32 || code === 10 || code === 9 || code === 13) return true;
  return code > 127 && WHITESPACE.test(masked.text[index] ?? '');
}

function nextContent(masked: Masked, from: number): number {
  let index = from;
  while (index < masked.text.length && isSpaceAt(masked, index)) index += 1;
  return index;
}

function previousContent(masked: Masked, from: number): number {
  let index = from;
  while (index >= 0 && isSpaceAt(masked, index)) index -= 1;
  return index;
}

interface Boundary {
  /** Last atom of the ending sentence. */
  readonly lastAtom: number;
  /** First atom of the next sentence. */
  readonly nextStart: number;
}

/** After a terminator, closing quotes/brackets/emphasis and further terminators still belong to the sentence. */
function extendOverClosers(masked: Masked, from: number, terminators: ReadonlySet<string>): number {
  let index = from;
  for (;;) {
    const char = masked.text[index + 1];
    if (char === undefined || !(char === CLOSE || CLOSERS.has(char) || terminators.has(char))) return index;
    index += 1;
  }
}

/**
 * Character codes that can end a sentence (terminators, and the placeholder of a protected token, which may be
 * display-like math ending in a period): every other position is passed over without making a string of it.
 */
const MAY_END_SENTENCE = new Uint8Array(0x10000);
for (const mark of [...LATIN_TERMINATORS, ...SPACELESS_TERMINATORS, PROTECTED])
  MAY_END_SENTENCE[mark.charCodeAt(0)] = 1;

function spacelessBoundaryAfter(masked: Masked, index: number): Boundary | undefined {
  if (MAY_END_SENTENCE[masked.text.charCodeAt(index)] !== 1) return undefined;
  const char = masked.text[index] ?? '';
  if (!SPACELESS_TERMINATORS.has(char)) return undefined;
  const lastAtom = extendOverClosers(masked, index, SPACELESS_TERMINATORS);
  const nextStart = nextContent(masked, lastAtom + 1);
  if (nextStart >= masked.text.length) return undefined;
  // A Latin `?`/`!` inside Chinese text may belong to a quoted English phrase that goes on in lower case.
  const isLatinMark = char === '?' || char === '!';
  if (isLatinMark && (nextStart === lastAtom + 1 || startsInLowerCase(masked, nextStart))) return undefined;
  return { lastAtom, nextStart };
}

function latinBoundaryAfter(masked: Masked, index: number, language: string): Boundary | undefined {
  if (MAY_END_SENTENCE[masked.text.charCodeAt(index)] !== 1) return undefined;
  const char = masked.text[index] ?? '';
  const protectedSource = char === PROTECTED ? masked.protectedSources.get(index) : undefined;
  const endsSentence =
    LATIN_TERMINATORS.has(char) ||
    (protectedSource !== undefined && protectedSource.startsWith('$') && /\.\s*\$*\s*$/u.test(protectedSource));
  if (!endsSentence) return undefined;
  const lastAtom = extendOverClosers(masked, index, LATIN_TERMINATORS);
  const nextStart = nextContent(masked, lastAtom + 1);
  // No whitespace after the mark: a decimal (3.14), a file name, an abbreviation like e.g.
  if (nextStart === lastAtom + 1 || nextStart >= masked.text.length) return undefined;
  if (startsInLowerCase(masked, nextStart) || CONTINUATION_PUNCTUATION.has(masked.text[nextStart] ?? ''))
    return undefined;
  if (char === '.' && isAbbreviationBefore(masked, index, language)) return undefined;
  return { lastAtom, nextStart };
}

/** Looks through opening quotes, brackets and emphasis to the first word of what follows. */
function startsInLowerCase(masked: Masked, from: number): boolean {
  for (let index = from; index < masked.text.length; index += 1) {
    const char = masked.text[index] ?? '';
    if (char === OPEN || OPENERS.has(char) || isSpaceAt(masked, index)) continue;
    return LOWERCASE_START.test(char);
  }
  return false;
}

function isAbbreviationBefore(masked: Masked, periodIndex: number, language: string): boolean {
  let start = periodIndex;
  while (start > 0 && /[\p{L}.]/u.test(masked.text[start - 1] ?? '')) start -= 1;
  const word = masked.text.slice(start, periodIndex);
  if (word === '') return false;
  // A single capital is an initial (A. Smola); a single letter between periods is part of "e.g." style forms.
  if (/^\p{Lu}$/u.test(word)) return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  return primaryLanguage(language) === 'es' && lower === 'ej';
}

function toSentenceSpan(
  tokens: readonly InlineToken[],
  masked: Masked,
  first: number,
  last: number,
  language: string,
): SentenceSpan {
  const start = masked.starts[first] ?? 0;
  const end = masked.ends[last] ?? start;
  const firstToken = masked.tokens[first] ?? 0;
  const firstTokenStart = masked.tokenStarts[firstToken] ?? 0;
  return {
    start,
    end,
    firstToken,
    firstTokenStart,
    endToken: (masked.tokens[last] ?? 0) + 1,
    text: foldLineBreaks(tokens, start, end, language, firstToken, firstTokenStart),
  };
}
