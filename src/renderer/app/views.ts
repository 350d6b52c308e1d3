/** The app's views, in sidebar order, and how routes map to the address hash. */
import type { MessageKey } from '../../shared/i18n';
import { isId } from '../../shared/rules/ids';

export const VIEW_IDS = ['library', 'search', 'bookmarks', 'annotations', 'saved', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export type Route =
  | { view: ViewId }
  | { view: 'note'; noteId: string; sectionId: string | null; annotationId: string | null }
  | { view: 'saved-page'; id: string; annotationId: string | null };

export const VIEW_LABELS: Record<ViewId, MessageKey> = {
  library: 'nav.library',
  search: 'nav.search',
  bookmarks: 'nav.bookmarks',
  annotations: 'nav.annotations',
  saved: 'nav.saved',
  settings: 'nav.settings',
};

/** `#/settings` → settings; `#/note/envoy/architecture` → that section; anything unknown → the library. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/');
  const annotationId = new URLSearchParams(query).get('annotation');
  const safeAnnotationId = annotationId && /^[\w-]{1,64}$/.test(annotationId) ? annotationId : null;
  if (parts[0] === 'note' && isId(parts[1] ?? '')) {
    const sectionId = parts[2] && isId(parts[2]) ? parts[2] : null;
    return { view: 'note', noteId: parts[1]!, sectionId, annotationId: safeAnnotationId };
  }
  if (parts[0] === 'saved' && parts[1] && /^[a-f0-9-]{8,64}$/.test(parts[1])) return { view: 'saved-page', id: parts[1], annotationId: safeAnnotationId };
  const name = parts[0] ?? '';
  return { view: (VIEW_IDS as readonly string[]).includes(name) ? (name as ViewId) : 'library' };
}

export function hashOfView(view: ViewId): string {
  return `#/${view}`;
}
