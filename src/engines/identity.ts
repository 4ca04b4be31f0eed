/**
 * An engine that "translates" by returning its input, so the whole pipeline can run offline and a
 * round trip must reproduce the original Markdown exactly.
 */
import type { TranslationEngine, TranslationRequest, TranslationResponse } from './engine.js';
import { countTranslatableCharacters } from './pseudo.js';

export function createIdentityEngine(): TranslationEngine {
  return {
    name: 'identity',
    translate(request: TranslationRequest): Promise<TranslationResponse> {
      const units = new Map(request.units.map((unit) => [unit.id, unit.html] as const));
      const sentCharacters = request.units.reduce((total, unit) => total + countTranslatableCharacters(unit.html), 0);
      return Promise.resolve({ units, failed: [], billedCharacters: 0, sentCharacters });
    },
  };
}
