/**
 * Where each annotation of a note sits in its current text: anchored (with how it was found) or
 * orphaned. Pure, over the note's canonical text, so the reader, the side panel and the
 * Annotations view agree, and it is tested without a DOM.
 */
import type { Annotation } from '../annotations';
import type { ContentBundle } from '../content';
import { anchor, type AnchorMethod } from './anchor';

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

export interface SectionGroup {
  sectionId: string | null;
  items: Annotation[];
}

export interface NoteGroup {
  noteId: string;
  sections: SectionGroup[];
}

/** Groups a page of annotations (already in document order) by note and section, and sets the orphans apart. */
export function groupAnnotations(items: readonly Annotation[], bundle: ContentBundle | null): { groups: NoteGroup[]; orphans: Annotation[] } {
  const groups: NoteGroup[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of items) {
    const text = bundle?.notes.find((note) => note.id === annotation.noteId)?.text[annotation.language].plain;
    if (text === undefined || anchor(text, annotation.selectors) === null) {
      orphans.push(annotation);
      continue;
    }
    let group = groups.at(-1);
    if (!group || group.noteId !== annotation.noteId) groups.push((group = { noteId: annotation.noteId, sections: [] }));
    let section = group.sections.find((s) => s.sectionId === annotation.sectionId);
    if (!section) group.sections.push((section = { sectionId: annotation.sectionId, items: [] }));
    section.items.push(annotation);
  }
  return { groups, orphans };
}
