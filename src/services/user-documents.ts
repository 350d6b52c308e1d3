/**
 * What the live search index gets from the user's records: one document per bookmark (title, tags,
 * comment, and the address it points at), per annotation (its quote, comment and tags) and per
 * saved page (title, site and article text); the user's own notes will add theirs here. Pure
 * functions over the records.
 */
import type { Annotation } from '../shared/annotations';
import type { SavedPage } from '../shared/saved-pages';
import type { UserSearchDocument } from '../shared/search/user-documents';
import type { Bookmark } from '../shared/study';

export function bookmarkDocumentRef(id: string): string {
  return `bookmark:${id}`;
}

export function bookmarkSearchDocument(bookmark: Bookmark): UserSearchDocument {
  const { target } = bookmark;
  return {
    ref: bookmarkDocumentRef(bookmark.id),
    kind: 'bookmark',
    noteId: 'noteId' in target ? target.noteId : null,
    sectionId: target.kind === 'section' ? target.sectionId : null,
    pageId: null,
    url: 'url' in target ? target.url : null,
    title: bookmark.title,
    tags: bookmark.tags,
    body: [bookmark.comment, 'url' in target ? target.url : ''].filter(Boolean).join('\n'),
  };
}

export function annotationDocumentRef(id: string): string {
  return `annotation:${id}`;
}

const TITLE_QUOTE_LENGTH = 80;

export function annotationSearchDocument(annotation: Annotation): UserSearchDocument {
  const quote = annotation.selectors.quote.exact.replace(/\s+/g, ' ').trim();
  return {
    ref: annotationDocumentRef(annotation.id),
    kind: 'annotation',
    noteId: annotation.noteId,
    sectionId: annotation.sectionId,
    pageId: annotation.pageId,
    url: null,
    title: quote.length > TITLE_QUOTE_LENGTH ? `${quote.slice(0, TITLE_QUOTE_LENGTH)}…` : quote,
    tags: annotation.tags,
    body: [annotation.comment, quote].filter(Boolean).join('\n'),
  };
}

export function savedPageDocumentRef(id: string): string {
  return `saved-page:${id}`;
}

/** A saved page is found by its title, site and (the first part of) its text. */
const SAVED_TEXT_LIMIT = 20_000;

export function savedPageSearchDocument(page: SavedPage, text: string): UserSearchDocument {
  return {
    ref: savedPageDocumentRef(page.id),
    kind: 'saved-page',
    noteId: null,
    sectionId: null,
    pageId: page.id,
    url: page.url,
    title: page.title,
    tags: [page.site],
    body: text.slice(0, SAVED_TEXT_LIMIT),
  };
}
