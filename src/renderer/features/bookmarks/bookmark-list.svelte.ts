/**
 * The Bookmarks view's state: filters (text, tag, kind), sort, pages of 100 from the services, and
 * edits that name the revision they were based on (a stale edit reloads the list and reports a
 * conflict). The view renders it; the shared study state keeps the rest of the app in step.
 */
import type { AtlasApi } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { Bookmark, BookmarkKind, BookmarkSort } from '../../../shared/study';

export const BOOKMARK_PAGE_SIZE = 100;

export type EditOutcome = { ok: true; bookmark: Bookmark } | { ok: false; conflict: boolean; message: string };

export class BookmarkList {
  text = $state('');
  tag = $state('');
  kind = $state<BookmarkKind | ''>('');
  sort = $state<BookmarkSort>('newest');
  items = $state<Bookmark[]>([]);
  total = $state(0);
  tags = $state<{ tag: string; count: number }[]>([]);
  loaded = $state(false);
  filtered = $derived(this.text.trim() !== '' || this.tag !== '' || this.kind !== '');
  private request = 0;

  constructor(
    private readonly api: AtlasApi,
    private readonly report: (message: string) => void,
  ) {}

  private unwrap<T>(result: Result<T>): T | null {
    if (result.ok) return result.value;
    this.report(result.error.message);
    return null;
  }

  /** The first page (offset 0), or the next one appended. Answers to superseded requests are dropped. */
  async load(offset = 0): Promise<void> {
    const mine = ++this.request;
    const result = await this.api.bookmarks.list({
      text: this.text.trim() || undefined,
      tag: this.tag || undefined,
      kind: this.kind || undefined,
      sort: this.sort,
      offset,
      limit: BOOKMARK_PAGE_SIZE,
    });
    if (mine !== this.request) return;
    const page = this.unwrap(result);
    if (!page) return;
    this.items = offset === 0 ? page.items : [...this.items, ...page.items];
    this.total = page.total;
    this.tags = page.tags;
    this.loaded = true;
  }

  clearFilters(): void {
    this.text = '';
    this.tag = '';
    this.kind = '';
  }

  async edit(bookmark: Bookmark, patch: { title: string; tags: string[]; comment: string }): Promise<EditOutcome> {
    const result = await this.api.bookmarks.update({ id: bookmark.id, revision: bookmark.revision, ...patch });
    if (!result.ok) {
      const conflict = result.error.code === 'CONFLICT';
      // Another window changed it first: show what is stored now.
      if (conflict) await this.load();
      return { ok: false, conflict, message: result.error.message };
    }
    this.items = this.items.map((b) => (b.id === result.value.id ? result.value : b));
    return { ok: true, bookmark: result.value };
  }

  async remove(bookmark: Bookmark): Promise<Bookmark | null> {
    const removed = this.unwrap(await this.api.bookmarks.remove({ id: bookmark.id }));
    if (removed) await this.load();
    return removed;
  }
}
