/**
 * Log-likelihood cost of an anchor whose twin is missing on the other side. Translators keep inline math, code,
 * role keys and URLs verbatim (in confident pairs over the whole book, 96–98 % of them reappear), so one left
 * unmatched is strong evidence that the two sides are not the same text; numbers are often spelt out or dropped
 * (92 % reappear), so they weigh less. Roughly log((1 − kept) / (1 − chance)).
 */
const MISSING_VERBATIM_ANCHOR_COST = 3.0;
const MISSING_NUMBER_COST = 1.8;
/** Anchor keys start with their kind: `n:` for numbers, `m:`, `c:`, `r:`, `u:` for text kept verbatim. */
export function missingAnchorCost(anchor: string): number {
  return anchor.startsWith('n:') ? MISSING_NUMBER_COST : MISSING_VERBATIM_ANCHOR_COST;
}
