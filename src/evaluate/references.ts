/**
 * sacreBLEU takes references as streams: `references[k][i]` is the k-th reference of segment i, and `null`
 * marks a segment that has fewer references than the others (signature `nrefs:var`).
 */
import type { ReferenceCount } from './signature.js';

export type ReferenceStreams = readonly (readonly (string | null)[])[];

export interface SegmentReferences {
  /** `segments[i]` holds the references of hypothesis i, without the `null` placeholders. */
  readonly segments: readonly (readonly string[])[];
  readonly nrefs: ReferenceCount;
}

/**
 * Regroups reference streams by segment. sacreBLEU's `zip` would silently drop the surplus of a longer stream,
 * which hides misaligned files, so unequal lengths are an error here.
 */
export function groupReferencesBySegment(hypothesisCount: number, streams: ReferenceStreams): SegmentReferences {
  if (hypothesisCount === 0) throw new Error('No hypotheses given: scoring needs at least one segment');
  if (streams.length === 0) throw new Error('No reference stream given: at least one is needed');
  streams.forEach((stream, index) => {
    if (stream.length !== hypothesisCount) {
      throw new Error(
        `Reference stream ${index + 1} has ${stream.length} segments but there are ${hypothesisCount} hypotheses`,
      );
    }
  });
  const segments = Array.from({ length: hypothesisCount }, (_, segment) => {
    const references = streams
      .map((stream) => stream[segment])
      .filter((text): text is string => typeof text === 'string');
    if (references.length === 0) throw new Error(`Segment ${segment + 1} has no reference: every stream holds null`);
    return references;
  });
  const counts = new Set(segments.map((references) => references.length));
  const [onlyCount] = counts;
  return { segments, nrefs: counts.size === 1 && onlyCount !== undefined ? onlyCount : 'var' };
}

/** `sentence_score(hyp, refs)`: each reference of the one sentence is its own stream. */
export function sentenceReferenceStreams(references: readonly string[]): ReferenceStreams {
  return references.map((reference) => [reference]);
}
