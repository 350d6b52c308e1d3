/**
 * Where each annotation of a note sits in its current text: anchored (with how it was found) or
 * orphaned. Pure, over the note's canonical text, so the reader, the side panel and the
 * Annotations view agree, and it is tested without a DOM.
 */
import { anchor, type AnchorMethod } from '../../../shared/anchoring/anchor';
import type { Annotation } from '../../../shared/annotations';

export type Placement =
  | { annotation: Annotation; start: number; end: number; method: AnchorMethod; orphaned: false }
  | { annotation: Annotation; orphaned: true };

/** Anchored ones in document order, then the orphans in creation order. */
export function placeAnnotations(text: string, annotations: readonly Annotation[]): Placement[] {
  const anchored: Placement[] = [];
  const orphans: Placement[] = [];
  for (const annotation of annotations) {
    const found = anchor(text, annotation.selectors);
    if (found) anchored.push({ annotation, ...found, orphaned: false });
    else orphans.push({ annotation, orphaned: true });
  }
  anchored.sort((a, b) => (a.orphaned || b.orphaned ? 0 : a.start - b.start));
  orphans.sort((a, b) => a.annotation.createdAt.localeCompare(b.annotation.createdAt));
  return [...anchored, ...orphans];
}

/** The annotation whose highlight covers `offset` (the shortest, when highlights overlap). */
export function annotationAt(placements: readonly Placement[], offset: number): Annotation | null {
  let best: { annotation: Annotation; length: number } | null = null;
  for (const placement of placements) {
    if (placement.orphaned || offset < placement.start || offset >= placement.end) continue;
    const length = placement.end - placement.start;
    if (!best || length < best.length) best = { annotation: placement.annotation, length };
  }
  return best?.annotation ?? null;
}
