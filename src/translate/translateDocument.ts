import type { TranslationEngine } from '../engines/engine.js';
import { renderUnitHtml } from '../markdown/renderUnitHtml.js';
import { RestoreError, restoreUnitHtml } from '../markdown/restoreUnitHtml.js';
import type { Block, ParsedDocument } from '../markdown/types.js';

export interface UnitFailure {
  readonly line: number;
  readonly reason: string;
}

export interface TranslatedDocument {
  readonly path: string;
  /** The document with every translated unit replaced; untranslated units keep their source. */
  readonly text: string;
  readonly translatedUnits: number;
  readonly failures: readonly UnitFailure[];
}

export interface BatchTranslation {
  readonly documents: readonly TranslatedDocument[];
  readonly sentCharacters: number;
  readonly billedCharacters: number;
  readonly jobIds: readonly string[];
}

/**
 * Translates whole documents in one engine request, so that a batch engine runs one job for a
 * whole tree. Everything outside prose units is copied from the source untouched.
 */
export async function translateDocuments(
  documents: readonly ParsedDocument[],
  engine: TranslationEngine,
  sourceLanguage: string,
  targetLanguage: string,
): Promise<BatchTranslation> {
  const units = documents.flatMap((document, documentIndex) =>
    document.blocks.flatMap((block, blockIndex) =>
      block.kind === 'prose' && block.tokens
        ? [{ id: unitId(documentIndex, blockIndex), html: renderUnitHtml(block.tokens) }]
        : [],
    ),
  );
  const response = await engine.translate({ sourceLanguage, targetLanguage, units });
  const failedById = new Map(response.failed.map((failure) => [failure.id, failure.reason]));
  const translated = documents.map((document, documentIndex) =>
    composeDocument(document, (block, blockIndex) => {
      const id = unitId(documentIndex, blockIndex);
      const failure = failedById.get(id);
      if (failure !== undefined) return { failure };
      const html = response.units.get(id);
      return html === undefined ? { failure: 'the engine returned no translation' } : { html };
    }),
  );
  return {
    documents: translated,
    sentCharacters: response.sentCharacters,
    billedCharacters: response.billedCharacters,
    jobIds: response.jobIds ?? [],
  };
}

type UnitResult = { readonly html: string } | { readonly failure: string };

function composeDocument(
  document: ParsedDocument,
  resultOf: (block: Block, blockIndex: number) => UnitResult,
): TranslatedDocument {
  const failures: UnitFailure[] = [];
  let translatedUnits = 0;
  const parts = document.blocks.map((block, blockIndex) => {
    if (block.kind !== 'prose' || !block.tokens) return block.source;
    const result = resultOf(block, blockIndex);
    if ('failure' in result) {
      failures.push({ line: block.line, reason: result.failure });
      return block.source;
    }
    try {
      const markdown = restoreUnitHtml(block.tokens, result.html);
      translatedUnits += 1;
      return markdown;
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
      failures.push({ line: block.line, reason: error.message });
      return block.source;
    }
  });
  return { path: document.path, text: parts.join(''), translatedUnits, failures };
}

function unitId(documentIndex: number, blockIndex: number): string {
  return `d${documentIndex}b${blockIndex}`;
}
