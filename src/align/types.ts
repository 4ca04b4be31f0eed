/** What the sentence aligner works on and gives back: shared by the lattice, its length model and their callers. */

export interface AlignmentSegment {
  /** Characters of translatable text: whitespace, markup and protected tokens left out. */
  readonly length: number;
  /** Keys both languages write the same way: inline math, code, role keys, URLs, numbers. */
  readonly anchors: readonly string[];
  /** Lower-cased Latin words: every word on the source side; words a CJK translation kept on the target side. */
  readonly latinWords: readonly string[];
  /** Glossary entries mentioned (indices into the glossary). */
  readonly terms: readonly number[];
  /** Segments of different categories (heading vs paragraph) should not pair. */
  readonly category?: string;
  /** First segment of a paragraph (block): bead edges should fall on paragraph edges on both sides. */
  readonly startsBlock?: boolean;
  /** The words the features were taken from, for looking terms up again with a larger glossary. */
  readonly prose?: string;
}

export interface BeadShape {
  readonly source: number;
  readonly target: number;
  /** Natural log of the shape's prior probability. */
  readonly logPrior: number;
}

export interface AlignmentModel {
  /** Expected target length per source character (e.g. ≈0.3 Chinese characters per English character). */
  readonly lengthRatio: number;
  /** Standard deviation of log(target length / expected target length) for a true pair. */
  readonly lengthSpread: number;
  readonly shapes: readonly BeadShape[];
  /** Whether target Latin words are evidence (true when the target script is not Latin). */
  readonly targetLatinIsEvidence: boolean;
  /** Cost of a paragraph edge on one side that the other side does not have (translator merged or split paragraphs). */
  readonly blockEdgeCost: number;
}

export interface Bead {
  /** Source segments [sourceStart, sourceEnd). */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Target segments [targetStart, targetEnd). */
  readonly targetStart: number;
  readonly targetEnd: number;
  /** `E-Z`: how many source and target segments. */
  readonly shape: string;
  /** Posterior probability of this bead given both lists, in [0, 1]. */
  readonly confidence: number;
}

export interface LengthObservation {
  readonly sourceChars: number;
  readonly targetChars: number;
}

/**
 * A bead of a document alignment (buildPairs.ts): indices into `UnitAlignment.sourceSentences` and
 * `targetSentences`, the lattice's beads shifted to the whole documents.
 */
export type SentenceBead = Bead;
