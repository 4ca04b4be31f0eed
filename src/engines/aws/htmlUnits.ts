/**
 * How units travel through Amazon Translate: each unit becomes one `<div id="…">` element, units
 * are packed into documents (batch) or request texts (realtime) under a size budget, and the
 * translated HTML is read back by id. Reading is tolerant (attribute order, quoting, whitespace and
 * entities may all change), but a unit whose protected spans came back altered is rejected.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { FailedUnit, HtmlUnit } from '../engine.js';
import { countTranslatableCharacters, isProtectedElement, parseUnitHtml, type UnitNode } from '../pseudo.js';

export function escapeAttribute(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

export function unitElement(unit: HtmlUnit): string {
  return `<div id="${escapeAttribute(unit.id)}">${unit.html}</div>`;
}

export function renderHtmlFragment(units: readonly HtmlUnit[]): string {
  return units.map(unitElement).join('\n');
}

export function renderHtmlDocument(units: readonly HtmlUnit[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${renderHtmlFragment(units)}\n</body></html>\n`;
}

export interface PackedGroups {
  readonly groups: readonly (readonly HtmlUnit[])[];
  /** Units that alone exceed the budget. */
  readonly oversized: readonly HtmlUnit[];
}

/** Packs units in order into groups whose summed `cost` stays within `budget`. */
export function packByBudget(units: readonly HtmlUnit[], cost: (unit: HtmlUnit) => number, budget: number) {
  const groups: HtmlUnit[][] = [];
  const oversized: HtmlUnit[] = [];
  let current: HtmlUnit[] = [];
  let used = 0;
  for (const unit of units) {
    const unitCost = cost(unit);
    if (unitCost > budget) {
      oversized.push(unit);
      continue;
    }
    if (used + unitCost > budget && current.length > 0) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(unit);
    used += unitCost;
  }
  if (current.length > 0) groups.push(current);
  return { groups, oversized } satisfies PackedGroups;
}

/** UTF-8 bytes of the text Translate would translate (outside tags and `translate="no"`). */
export function translatableTextBytes(html: string): number {
  return Buffer.byteLength(translatableText(parseUnitHtml(html)), 'utf8');
}

function translatableText(nodes: readonly UnitNode[]): string {
  return nodes
    .map((node) => (node.kind === 'text' ? node.text : isProtectedElement(node) ? '' : translatableText(node.children)))
    .join('');
}

export function totalTranslatableCharacters(units: readonly HtmlUnit[]): number {
  return units.reduce((total, unit) => total + countTranslatableCharacters(unit.html), 0);
}

type DomElement = ReturnType<typeof DomUtils.findAll>[number];

function isUnitDiv(element: DomElement): boolean {
  return element.name === 'div' && element.attribs['id'] !== undefined;
}

function hasUnitDivAncestor(element: DomElement): boolean {
  for (let parent = element.parent; parent; parent = parent.parent)
    if ('attribs' in parent && isUnitDiv(parent)) return true;
  return false;
}

/** Inner HTML of every outermost `<div id>` in a translated document or fragment, by id. */
export function readTranslatedUnits(html: string): Map<string, string> {
  const document = parseDocument(html, { decodeEntities: true });
  const units = new Map<string, string>();
  for (const div of DomUtils.findAll(isUnitDiv, document.children)) {
    const id = div.attribs['id'];
    if (id === undefined || units.has(id) || hasUnitDivAncestor(div)) continue;
    units.set(id, DomUtils.getInnerHTML(div, { encodeEntities: 'utf8' }));
  }
  return units;
}

interface ProtectedSpan {
  readonly key: string;
  readonly content: string;
}

/** Markup-aware content of a protected element: text plus tag names, entities decoded. */
function nodeSignature(nodes: readonly UnitNode[]): string {
  return nodes
    .map((node) => (node.kind === 'text' ? node.text : `<${node.name}>${nodeSignature(node.children)}</${node.name}>`))
    .join('');
}

function protectedSpans(nodes: readonly UnitNode[], found: ProtectedSpan[] = []): ProtectedSpan[] {
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    if (isProtectedElement(node)) {
      const dataP = node.attributes.find(([name]) => name === 'data-p')?.[1];
      found.push({ key: dataP ?? `#${found.length}`, content: nodeSignature(node.children) });
    } else protectedSpans(node.children, found);
  }
  return found;
}

/** Why a translation damaged the source's `translate="no"` spans, or undefined when intact. */
export function protectedSpanDamage(sourceHtml: string, translatedHtml: string): string | undefined {
  const translated = new Map(protectedSpans(parseUnitHtml(translatedHtml)).map((span) => [span.key, span.content]));
  for (const span of protectedSpans(parseUnitHtml(sourceHtml))) {
    const came = translated.get(span.key);
    if (came === undefined) return `protected span ${span.key} is missing from the translation`;
    if (came !== span.content)
      return `protected span ${span.key} changed: ${JSON.stringify(span.content)} became ${JSON.stringify(came)}`;
  }
  return undefined;
}

export interface AcceptedTranslations {
  readonly units: Map<string, string>;
  readonly failed: FailedUnit[];
}

/**
 * Takes the translations of `sourceUnits` out of `translatedById`: a unit is accepted only when it
 * came back and its protected spans are intact; otherwise it is failed with the reason.
 */
export function acceptTranslations(
  sourceUnits: readonly HtmlUnit[],
  translatedById: ReadonlyMap<string, string>,
  into: AcceptedTranslations,
): void {
  for (const unit of sourceUnits) {
    const translated = translatedById.get(unit.id);
    if (translated === undefined) {
      into.failed.push({ id: unit.id, reason: 'the translation came back without this unit' });
      continue;
    }
    const damage = protectedSpanDamage(unit.html, translated);
    if (damage) into.failed.push({ id: unit.id, reason: damage });
    else into.units.set(unit.id, translated);
  }
}

export function failAll(units: readonly HtmlUnit[], reason: string, into: AcceptedTranslations): void {
  for (const unit of units) into.failed.push({ id: unit.id, reason });
}
