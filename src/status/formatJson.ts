import { byHowFarBehind } from './order.js';
import type { BookStatus } from './types.js';

/** `--format json`: `{ chapters: [...], totals: {...} }`, chapters most behind first, plus what the run read. */
export function formatStatusJson(status: BookStatus): string {
  return `${JSON.stringify(
    {
      chapters: byHowFarBehind(status.chapters),
      totals: status.totals,
      sourceLanguage: status.sourceLanguage,
      targetLanguage: status.targetLanguage,
      oldEnglish: status.oldEnglish,
      pricePerMillionUsd: status.pricePerMillionUsd,
    },
    null,
    2,
  )}\n`;
}
