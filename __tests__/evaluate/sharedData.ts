import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/corpus.js';

export interface SacrebleuCase {
  readonly name: string;
  readonly tokenize: string;
  readonly hyps: readonly string[];
  readonly refs: readonly string[];
  readonly corpus_bleu: number;
  readonly bp: number;
  readonly precisions: readonly number[];
  readonly sys_len: number;
  readonly ref_len: number;
  readonly signature?: string;
  readonly sentence_bleu: readonly number[];
  readonly corpus_chrf: number;
}

/** Outputs recorded from sacreBLEU 2.6.0 itself (see the file's `generator` field). */
export function loadSacrebleuCases(): readonly SacrebleuCase[] {
  const parsed = JSON.parse(readFileSync(join(FIXTURES, 'bleu/sacrebleu-cases.json'), 'utf8')) as {
    cases: SacrebleuCase[];
  };
  return parsed.cases;
}
