/** sacreBLEU's one-line score text (`Score.format` in sacrebleu/metrics/base.py and `BLEUScore`'s verbose part). */
import type { BleuScore } from './bleu.js';
import type { ChrfScore } from './chrf.js';
import { formatFixed } from './pythonText.js';

/** e.g. `BLEU|nrefs:1|…|version:2.6.0 = 76.15 97.7/83.8/74.3/66.7 (BP = 0.954 ratio = 0.955 hyp_len = 1648 ref_len = 1725)`. */
export function formatBleuLine(score: BleuScore, width = 2): string {
  const precisions = score.precisions.map((precision) => formatFixed(precision, 1)).join('/');
  const details =
    `${precisions} (BP = ${formatFixed(score.bp, 3)} ratio = ${formatFixed(score.ratio, 3)} ` +
    `hyp_len = ${score.sysLen} ref_len = ${score.refLen})`;
  return `BLEU|${score.signature} = ${formatFixed(score.score, width)} ${details}`;
}

/** e.g. `chrF2|nrefs:1|…|version:2.6.0 = 84.89`. */
export function formatChrfLine(score: ChrfScore, width = 2): string {
  return `${score.name}|${score.signature} = ${formatFixed(score.score, width)}`;
}
