/**
 * Where a bookmark leads today. Notes change with app updates: a bookmarked section whose heading
 * is gone is kept and shown as "section moved", and opens its note instead.
 */
import { noteRoute, type ContentBundle, type Localized } from '../../../shared/content';
import type { Bookmark } from '../../../shared/study';

export type BookmarkPlace =
  | { kind: 'note'; noteId: string; note: Localized | null; section: null; moved: false }
  | { kind: 'section'; noteId: string; note: Localized | null; section: Localized | null; moved: boolean }
  | { kind: 'link'; url: string; moved: false }
  | { kind: 'url'; url: string; moved: false };

export function bookmarkPlace(bookmark: Bookmark, bundle: ContentBundle | null): BookmarkPlace {
  const { target } = bookmark;
  if (target.kind === 'link') return { kind: 'link', url: target.url, moved: false };
  if (target.kind === 'url') return { kind: 'url', url: target.url, moved: false };
  const note = bundle?.notes.find((n) => n.id === target.noteId);
  const noteTitle = note ? { zh: note.text.zh.title, en: note.text.en.title } : null;
  if (target.kind === 'note') return { kind: 'note', noteId: target.noteId, note: noteTitle, section: null, moved: false };
  const zh = note?.text.zh.sections.find((s) => s.id === target.sectionId);
  const en = note?.text.en.sections.find((s) => s.id === target.sectionId);
  return {
    kind: 'section',
    noteId: target.noteId,
    note: noteTitle,
    section: zh && en ? { zh: zh.title, en: en.title } : null,
    // Only a loaded bundle can say a section is gone.
    moved: bundle !== null && !(zh && en),
  };
}

/** The app route a bookmark opens, or its web address. */
export function bookmarkHref(bookmark: Bookmark, place: BookmarkPlace): string {
  if (place.kind === 'link' || place.kind === 'url') return place.url;
  if (place.kind === 'section' && !place.moved && bookmark.target.kind === 'section') return noteRoute(place.noteId, bookmark.target.sectionId);
  return noteRoute(place.noteId);
}

/** "a, b,, c " → ["a", "b", "c"] (Chinese commas too). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、]/).map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}
