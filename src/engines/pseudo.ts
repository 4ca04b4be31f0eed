/**
 * An offline stand-in for Amazon Translate that misbehaves the way Amazon Translate does, so that
 * the code putting translations back into Markdown is tested against realistic output without AWS:
 * every translatable word changes, inline elements move within a sentence, whitespace around tags
 * appears and disappears, entities and attributes are re-serialised differently. Everything is
 * derived from hashes of the input, so the same input always gives the same output.
 */
import { Parser } from 'htmlparser2';
import type { TranslationEngine, TranslationRequest, TranslationResponse } from './engine.js';

export interface UnitText {
  readonly kind: 'text';
  /** Entity-decoded text. */
  readonly text: string;
}

export interface UnitElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly UnitNode[];
  /** Raw inner HTML of a `translate="no"` element, kept byte for byte. */
  readonly protectedInnerHtml?: string;
}

export type UnitNode = UnitText | UnitElement;

export interface PseudoEngineOptions {
  /** Varies the reordering and re-serialisation choices; word mappings never depend on it. */
  readonly seed?: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_BOUNDARY = /[.!?。！？](?=\s|$)|\n/gu;
const CJK_TARGETS = new Set(['zh', 'ja']);

export function isProtectedElement(node: UnitNode): boolean {
  return node.kind === 'element' && node.attributes.some(([name, value]) => name === 'translate' && value === 'no');
}

interface OpenElement {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: UnitNode[];
  readonly innerStart: number;
}

/** Parses unit HTML into a small tree; adjacent text pieces are merged, entities decoded. */
export function parseUnitHtml(html: string): UnitNode[] {
  const root: UnitNode[] = [];
  const stack: OpenElement[] = [];
  const currentChildren = (): UnitNode[] => stack.at(-1)?.children ?? root;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        stack.push({ name, attributes: Object.entries(attribs), children: [], innerStart: parser.endIndex + 1 });
      },
      ontext(text) {
        const siblings = currentChildren();
        const last = siblings.at(-1);
        if (last?.kind === 'text') siblings[siblings.length - 1] = { kind: 'text', text: last.text + text };
        else siblings.push({ kind: 'text', text });
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        const innerEnd = isImplied ? html.length : parser.startIndex;
        const element: UnitElement = {
          kind: 'element',
          name: open.name,
          attributes: open.attributes,
          children: open.children,
        };
        const protectedElement = isProtectedElement(element)
          ? { ...element, protectedInnerHtml: html.slice(open.innerStart, innerEnd) }
          : element;
        currentChildren().push(protectedElement);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function translatableText(nodes: readonly UnitNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      return isProtectedElement(node) ? '' : translatableText(node.children);
    })
    .join('');
}

/** Characters (code points) of entity-decoded text outside `translate="no"` elements. */
export function countTranslatableCharacters(html: string): number {
  return [...translatableText(parseUnitHtml(html))].length;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded generator, so choices are reproducible without Math.random. */
function createChooser(seed: string): (probability: number) => boolean {
  let state = fnv1a(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return (probability) => next() < probability;
}

type Chooser = ReturnType<typeof createChooser>;

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ʠ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
};

function accentWord(word: string): string {
  const accented = [...word]
    .map((character) => {
      const lower = character.toLowerCase();
      const replacement = ACCENTED[lower];
      if (replacement) return character === lower ? replacement : replacement.toUpperCase();
      if (character >= '0' && character <= '9') return String.fromCodePoint(0xff10 + Number(character));
      return character;
    })
    .join('');
  // Scripts without a table entry would come back unchanged; a trailing letter still marks them.
  return accented === word ? `${word}ẍ` : accented;
}

function cjkWord(word: string, targetLanguage: string): string {
  const length = Math.min(4, Math.max(1, Math.ceil([...word].length / 3)));
  let result = '';
  for (let index = 0; index < length; index++) {
    const hash = fnv1a(`${word}\u0000${index}`);
    const useKana = targetLanguage === 'ja' && index % 2 === 1;
    result += useKana ? String.fromCodePoint(0x3041 + (hash % 0x56)) : String.fromCodePoint(0x4e00 + (hash % 0x51a5));
  }
  return result === word ? `${result}的` : result;
}

function baseLanguage(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? '';
}

const FULL_WIDTH_PUNCTUATION: Readonly<Record<string, string>> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
};

function translateTextForTarget(text: string, targetLanguage: string): string {
  if (!CJK_TARGETS.has(targetLanguage)) return text.replace(WORD, accentWord);
  return text
    .replace(WORD, (word) => cjkWord(word, targetLanguage))
    .replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[ \t]+(?=[\u3040-\u30ff\u3400-\u9fff])/gu, '')
    .replace(/([,.;:!?])(?:[ \t]+|(?=\n)|$)/gu, (_match, mark: string) => FULL_WIDTH_PUNCTUATION[mark] ?? mark);
}

function translateNodes(nodes: readonly UnitNode[], targetLanguage: string): UnitNode[] {
  return nodes.map((node) => {
    if (node.kind === 'text') return { kind: 'text', text: translateTextForTarget(node.text, targetLanguage) };
    if (isProtectedElement(node)) return node;
    return { ...node, children: translateNodes(node.children, targetLanguage) };
  });
}

function containsBoundary(text: string): boolean {
  return new RegExp(SENTENCE_BOUNDARY.source, 'u').test(text);
}

/** An element may move only when moving it cannot carry a sentence end or line break along. */
function isMovable(node: UnitNode | undefined): node is UnitElement {
  return node?.kind === 'element' && !containsBoundary(translatableText([node]));
}

/**
 * Where the trailing phrase of `text` starts: the last one or two words after the last sentence
 * boundary, or undefined when that stretch holds no word.
 */
function trailingPhraseStart(text: string, wordsWanted: number): number | undefined {
  let sentenceStart = 0;
  for (const boundary of text.matchAll(SENTENCE_BOUNDARY)) sentenceStart = boundary.index + boundary[0].length;
  const wordStarts = [...text.slice(sentenceStart).matchAll(/\S+/gu)]
    .filter((match) => /[\p{L}\p{N}]/u.test(match[0]))
    .map((match) => sentenceStart + match.index);
  if (wordStarts.length === 0) return undefined;
  return wordStarts[Math.max(0, wordStarts.length - wordsWanted)];
}

function textNode(text: string): UnitText[] {
  return text === '' ? [] : [{ kind: 'text', text }];
}

/**
 * Reorders inline elements the way translation into Chinese does: an element after a verb phrase
 * moves in front of it ("compute the mean of <x>" → "compute <x> the mean of"), or two neighbouring
 * elements trade places. Nothing moves across a sentence end or a line break.
 */
function reorderNodes(nodes: readonly UnitNode[], choose: Chooser): UnitNode[] {
  const result: UnitNode[] = [];
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index];
    if (!node) break;
    const previous = result.at(-1);
    const between = nodes[index + 1];
    const partner = between?.kind === 'text' ? nodes[index + 2] : between;
    if (
      isMovable(node) &&
      isMovable(partner) &&
      (between === partner || !containsBoundary(between?.kind === 'text' ? between.text : '')) &&
      choose(0.35)
    ) {
      result.push(reorderElement(partner, choose));
      if (between !== partner && between) result.push(between);
      result.push(reorderElement(node, choose));
      index += between === partner ? 2 : 3;
      continue;
    }
    if (isMovable(node) && previous?.kind === 'text' && choose(0.4)) {
      const phraseStart = trailingPhraseStart(previous.text, choose(0.5) ? 2 : 1);
      if (phraseStart !== undefined) {
        result.pop();
        result.push(
          ...textNode(previous.text.slice(0, phraseStart)),
          reorderElement(node, choose),
          ...textNode(previous.text.slice(phraseStart)),
        );
        index += 1;
        continue;
      }
    }
    result.push(node.kind === 'element' ? reorderElement(node, choose) : node);
    index += 1;
  }
  return mergeAdjacentText(result);
}

function reorderElement(element: UnitElement, choose: Chooser): UnitElement {
  return isProtectedElement(element) ? element : { ...element, children: reorderNodes(element.children, choose) };
}

function mergeAdjacentText(nodes: readonly UnitNode[]): UnitNode[] {
  const merged: UnitNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.kind === 'text' && last?.kind === 'text')
      merged[merged.length - 1] = { kind: 'text', text: last.text + node.text };
    else if (node.kind !== 'text' || node.text !== '') merged.push(node);
  }
  return merged;
}

/** Drops a space before protected spans and adds one after closing tags, as Amazon Translate does. */
function perturbWhitespace(nodes: readonly UnitNode[], choose: Chooser): UnitNode[] {
  const result: UnitNode[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    if (node.kind === 'text') {
      const addSpace = previous?.kind === 'element' && /^[^\s]/u.test(node.text) && choose(0.5);
      result.push(addSpace ? { kind: 'text', text: ` ${node.text}` } : node);
      continue;
    }
    if (isProtectedElement(node) && previous?.kind === 'text' && previous.text.endsWith(' ') && choose(0.5)) {
      result[result.length - 1] = { kind: 'text', text: previous.text.slice(0, -1) };
    }
    result.push(isProtectedElement(node) ? node : { ...node, children: perturbWhitespace(node.children, choose) });
  }
  return mergeAdjacentText(result);
}

const TEXT_ESCAPES: Readonly<Record<string, readonly string[]>> = {
  '&': ['&amp;', '&#38;', '&#x26;'],
  '<': ['&lt;', '&#60;', '&#x3C;'],
  '>': ['&gt;', '&#62;', '>'],
  '"': ['&quot;', '&#34;', '"'],
};

function escapeText(text: string, choose: Chooser): string {
  return text.replace(/[&<>"]/gu, (character) => {
    const variants = TEXT_ESCAPES[character] ?? [character];
    if (choose(0.6)) return variants[0] ?? character;
    return (choose(0.5) ? variants[1] : variants[2]) ?? character;
  });
}

function serializeAttributes(attributes: ReadonlyArray<readonly [string, string]>, choose: Chooser): string {
  const ordered = choose(0.3) ? [...attributes].reverse() : attributes;
  const singleQuotes = choose(0.3);
  return ordered
    .map(([name, value]) => {
      const escaped = value.replace(/&/gu, '&amp;');
      return singleQuotes
        ? ` ${name}='${escaped.replace(/'/gu, '&#39;')}'`
        : ` ${name}="${escaped.replace(/"/gu, '&quot;')}"`;
    })
    .join('');
}

function serializeNodes(nodes: readonly UnitNode[], choose: Chooser): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return escapeText(node.text, choose);
      const inner = node.protectedInnerHtml ?? serializeNodes(node.children, choose);
      return `<${node.name}${serializeAttributes(node.attributes, choose)}>${inner}</${node.name}>`;
    })
    .join('');
}

/** Pseudo-translates one unit of inner HTML; pure and deterministic for a given seed. */
export function pseudoTranslateHtml(html: string, targetLanguage: string, seed = ''): string {
  const choose = createChooser(`${seed}\u0000${html}`);
  const reordered = reorderNodes(parseUnitHtml(html), choose);
  const translated = translateNodes(reordered, baseLanguage(targetLanguage));
  return serializeNodes(perturbWhitespace(translated, choose), choose);
}

export function createPseudoEngine(options: PseudoEngineOptions = {}): TranslationEngine {
  const seed = options.seed ?? '';
  return {
    name: 'pseudo',
    translate(request: TranslationRequest): Promise<TranslationResponse> {
      const units = new Map<string, string>();
      let sentCharacters = 0;
      for (const unit of request.units) {
        units.set(unit.id, pseudoTranslateHtml(unit.html, request.targetLanguage, seed));
        sentCharacters += countTranslatableCharacters(unit.html);
      }
      return Promise.resolve({ units, failed: [], billedCharacters: 0, sentCharacters });
    },
  };
}
