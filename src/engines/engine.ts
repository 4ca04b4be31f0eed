/**
 * What every translation engine does: a batch of HTML units in, translated HTML units out.
 * Units are rendered by `src/markdown/renderUnitHtml.ts`: translatable words as text, markup as
 * `<em>`/`<strong>`/`<del>`/`<a>`/`<span class="slide">` elements with `data-m` ids, protected
 * pieces as `<span translate="no" data-p="N">…</span>`. Engines never see Markdown.
 */
export interface HtmlUnit {
  /** Stable id, unique within a request. */
  readonly id: string;
  /** Inner HTML of the unit (no wrapping element). */
  readonly html: string;
}

export interface TranslationRequest {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly units: readonly HtmlUnit[];
}

export interface FailedUnit {
  readonly id: string;
  readonly reason: string;
}

export interface TranslationResponse {
  /** Translated units, by id. A unit missing here and absent from `failed` is an engine bug. */
  readonly units: ReadonlyMap<string, string>;
  /** Units the engine could not translate; nothing is written for them. */
  readonly failed: readonly FailedUnit[];
  /** Characters the provider bills for this request (0 for offline engines that bill nothing). */
  readonly billedCharacters: number;
  /** Characters of translatable text the engine received. */
  readonly sentCharacters: number;
  /** Provider job ids, for the report (batch engines). */
  readonly jobIds?: readonly string[];
}

/** How a batch engine brought its parallel-data resource in step with the file it was given, for the report. */
export interface ParallelDataUse {
  readonly name: string;
  /** `update-failed`: Translate refused the new file and the previous version stays in use. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'update-failed';
  readonly importedRecordCount: number;
  readonly failedRecordCount: number;
  readonly skippedRecordCount: number;
  /** Why the update failed. */
  readonly warning?: string;
}

export interface TranslationEngine {
  readonly name: string;
  translate(request: TranslationRequest): Promise<TranslationResponse>;
  /** Set by an engine that imported (or checked) parallel data when it opened. */
  readonly parallelData?: ParallelDataUse;
}
