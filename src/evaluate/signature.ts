/**
 * sacreBLEU's reproducibility signature (sacrebleu/metrics/base.py `Signature.format`): `nrefs` first, then the
 * metric's own fields in their declared order, `version` always last, joined by `|`.
 */
export const SACREBLEU_VERSION = '2.6.0';

/** A fixed number of references per segment, or `var` when segments have different numbers. */
export type ReferenceCount = number | 'var';

export function formatSignature(nrefs: ReferenceCount, fields: readonly (readonly [string, string])[]): string {
  const pairs = [['nrefs', String(nrefs)] as const, ...fields, ['version', SACREBLEU_VERSION] as const];
  return pairs.map(([name, value]) => `${name}:${value}`).join('|');
}

export function yesNo(flag: boolean): string {
  return flag ? 'yes' : 'no';
}

export function caseField(lowercase: boolean): readonly [string, string] {
  return ['case', lowercase ? 'lc' : 'mixed'];
}
