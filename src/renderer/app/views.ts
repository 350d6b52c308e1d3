/** The app's top-level views, in sidebar order, and how they map to the address hash. */
import type { MessageKey } from '../../shared/i18n';

export const VIEW_IDS = ['library', 'search', 'bookmarks', 'annotations', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const VIEW_LABELS: Record<ViewId, MessageKey> = {
  library: 'nav.library',
  search: 'nav.search',
  bookmarks: 'nav.bookmarks',
  annotations: 'nav.annotations',
  settings: 'nav.settings',
};

/** What a view shows while it has nothing to show (or before its feature exists). */
export const EMPTY_STATES: Record<Exclude<ViewId, 'settings'>, { title: MessageKey; body: MessageKey }> = {
  library: { title: 'library.empty.title', body: 'library.empty.body' },
  search: { title: 'search.empty.title', body: 'search.empty.body' },
  bookmarks: { title: 'bookmarks.empty.title', body: 'bookmarks.empty.body' },
  annotations: { title: 'annotations.empty.title', body: 'annotations.empty.body' },
};

/** `#/settings` → settings; anything unknown → the library. */
export function viewFromHash(hash: string): ViewId {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (VIEW_IDS as readonly string[]).includes(name) ? (name as ViewId) : 'library';
}

export function hashOfView(view: ViewId): string {
  return `#/${view}`;
}
