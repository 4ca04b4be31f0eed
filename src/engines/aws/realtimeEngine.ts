/**
 * The `aws-realtime` engine: TranslateText, which accepts HTML and honours `translate="no"`, with
 * units packed on unit boundaries into texts under the 10,000-byte request limit. No parallel data
 * (Active Custom Translation exists only for batch jobs); terminology and settings apply.
 */
import { TranslateTextCommand } from '@aws-sdk/client-translate';
import type { HtmlUnit, TranslationEngine, TranslationRequest, TranslationResponse } from '../engine.js';
import type { AwsClients } from './clients.js';
import {
  acceptTranslations,
  failAll,
  packByBudget,
  readTranslatedUnits,
  renderHtmlFragment,
  totalTranslatableCharacters,
  unitElement,
  type AcceptedTranslations,
} from './htmlUnits.js';
import { describeError, errorName, mapWithConcurrency, withRetry } from './retry.js';
import { createAwsRuntime, type AwsEngineOptions, type AwsRuntime } from './runtime.js';
import { enforceCostGuard, type AwsEngineSettings } from './settings.js';
import { inStepError } from './step.js';

/** TranslateText's limit on `Text`, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 10_000;
/** Room for the newlines joining unit elements. */
const JOIN_BYTES = 1;

/** Errors caused by the content of one request: fail its units, keep translating the others. */
const CONTENT_ERRORS = new Set(['TextSizeLimitExceededException', 'InvalidRequestException']);

async function translateChunk(
  runtime: AwsRuntime,
  request: TranslationRequest,
  units: readonly HtmlUnit[],
  accepted: AcceptedTranslations,
): Promise<number> {
  const { settings } = runtime;
  const text = renderHtmlFragment(units);
  const translationSettings = {
    ...(settings.formality ? { Formality: settings.formality } : {}),
    ...(settings.profanity ? { Profanity: settings.profanity } : {}),
  };
  const command = new TranslateTextCommand({
    Text: text,
    SourceLanguageCode: request.sourceLanguage,
    TargetLanguageCode: request.targetLanguage,
    ...(settings.terminologyName ? { TerminologyNames: [settings.terminologyName] } : {}),
    ...(Object.keys(translationSettings).length > 0 ? { Settings: translationSettings } : {}),
  });
  try {
    const response = await withRetry(() => runtime.clients.translate.send(command), runtime.retry);
    acceptTranslations(units, readTranslatedUnits(response.TranslatedText ?? ''), accepted);
    return [...text].length;
  } catch (error) {
    if (!CONTENT_ERRORS.has(errorName(error)))
      throw inStepError(`translating ${units.length} units with TranslateText in ${settings.region}`, error);
    failAll(units, `TranslateText rejected the request: ${describeError(error)}`, accepted);
    return 0;
  }
}

export function createAwsRealtimeEngine(
  settings: AwsEngineSettings,
  clients: AwsClients,
  options: AwsEngineOptions = {},
): TranslationEngine {
  const runtime = createAwsRuntime(settings, clients, options);
  const concurrency = options.requestConcurrency ?? 4;
  if (settings.parallelDataName)
    runtime.log(`aws-realtime: parallel data "${settings.parallelDataName}" is ignored; ACT needs batch jobs`);

  async function translate(request: TranslationRequest): Promise<TranslationResponse> {
    const sentCharacters = totalTranslatableCharacters(request.units);
    enforceCostGuard(sentCharacters, settings, false);
    const accepted: AcceptedTranslations = { units: new Map(), failed: [] };
    const { groups, oversized } = packByBudget(
      request.units,
      (unit) => Buffer.byteLength(unitElement(unit), 'utf8') + JOIN_BYTES,
      MAX_TEXT_BYTES + JOIN_BYTES,
    );
    failAll(oversized, `longer than TranslateText's ${MAX_TEXT_BYTES}-byte limit; use the batch engine`, accepted);
    const billed = await mapWithConcurrency(groups, concurrency, (units) =>
      translateChunk(runtime, request, units, accepted),
    );
    runtime.log(`TranslateText: ${groups.length} requests, ${accepted.units.size} units translated`);
    return {
      units: accepted.units,
      failed: accepted.failed,
      billedCharacters: billed.reduce((total, characters) => total + characters, 0),
      sentCharacters,
    };
  }

  return { name: 'aws-realtime', translate };
}
