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

export interface PageGroup {
  pageId: string;
  items: Annotation[];
}

/**
 * Groups a page of annotations (already in document order) by note and section, sets the ones no
 * longer found in their note apart, and gathers those on saved pages by page (a saved page's text
 * is not in the bundle; the page itself re-anchors them when it is opened).
 */
export function groupAnnotations(items: readonly Annotation[], bundle: ContentBundle | null): { groups: NoteGroup[]; pages: PageGroup[]; orphans: Annotation[] } {
  const groups: NoteGroup[] = [];
  const pages: PageGroup[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of items) {
    if (annotation.pageId) {
      let page = pages.find((p) => p.pageId === annotation.pageId);
      if (!page) pages.push((page = { pageId: annotation.pageId, items: [] }));
      page.items.push(annotation);
      continue;
    }
    const noteId = annotation.noteId ?? '';
    const text = bundle?.notes.find((note) => note.id === noteId)?.text[annotation.language].plain;
    if (text === undefined || anchor(text, annotation.selectors) === null) {
      orphans.push(annotation);
      continue;
    }
    let group = groups.at(-1);
    if (!group || group.noteId !== noteId) groups.push((group = { noteId, sections: [] }));
    let section = group.sections.find((s) => s.sectionId === annotation.sectionId);
    if (!section) group.sections.push((section = { sectionId: annotation.sectionId, items: [] }));
    section.items.push(annotation);
  }
  return { groups, pages, orphans };
}
