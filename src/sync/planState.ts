import type { InlineToken } from '../markdown/types.js';
import { sentenceKey } from './sentenceKey.js';
import type { DraftRequest, Part, ReplacedTranslation, StructureChange, TargetEdit } from './types.js';

/** What planning a chapter has decided so far; every step of the plan adds to it. */
export class PlanState {
  readonly edits: TargetEdit[] = [];
  readonly drafts: DraftRequest[] = [];
  readonly restyled: string[] = [];
  readonly structure: StructureChange[] = [];
  readonly removedTargetOnly: string[] = [];
  readonly alreadyTranslated: string[] = [];
  kept = 0;
  removed = 0;
  alreadyPresent = 0;

  draft(
    tokens: readonly InlineToken[],
    source: string,
    reason: 'changed' | 'inserted',
    replaces?: ReplacedTranslation,
  ): Part {
    this.drafts.push({ tokens, source: sentenceKey(source), reason, ...(replaces ? { replaces } : {}) });
    return { draft: this.drafts.length - 1 };
  }
}
