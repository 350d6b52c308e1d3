/**
 * The app's routes (the part of the address after `#`), built and read in one place: the reader,
 * the library, search results, bookmarks and the Markdown build all use these.
 */
import { isId } from '../rules/ids';

/** The app route of a note, or of a section inside it, optionally at one of its annotations. */
export function noteRoute(noteId: string, sectionId?: string | null, annotationId?: string): string {
  const path = sectionId ? `#/note/${noteId}/${sectionId}` : `#/note/${noteId}`;
  return annotationId ? `${path}?annotation=${encodeURIComponent(annotationId)}` : path;
}

/** The app route of a page saved for offline reading, optionally at one of its annotations. */
export function savedPageRoute(pageId: string, annotationId?: string): string {
  return annotationId ? `#/saved/${pageId}?annotation=${encodeURIComponent(annotationId)}` : `#/saved/${pageId}`;
}

/** `note:envoy` or `note:envoy#architecture`, the form notes use to link to each other. */
export function parseNoteLink(href: string): { noteId: string; sectionId: string | null } | null {
  const match = /^note:([^#]+)(?:#(.+))?$/.exec(href);
  if (!match || !isId(match[1]!) || (match[2] !== undefined && !isId(match[2]))) return null;
  return { noteId: match[1]!, sectionId: match[2] ?? null };
}
