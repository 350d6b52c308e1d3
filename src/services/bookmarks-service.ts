/**
 * Bookmarks: one record per target (a note, a section, a library link or any URL), listed with
 * filters, sorting and pages so 10,000 of them stay quick. Every change is one synchronous
 * read-modify-write of the store file, so concurrent requests cannot lose each other's changes.
 */
import { randomUUID } from 'node:crypto';
import {
  BookmarksFileSchema,
  BOOKMARK_RECORD_VERSION,
  sameTarget,
  type Bookmark,
  type BookmarkAdd,
  type BookmarkListInput,
  type BookmarkPage,
  type BookmarkSummary,
  type BookmarksFile,
  type BookmarkUpdate,
} from '../shared/study';
import type { BookmarkChange } from '../shared/api';
import { ConflictError, NotFoundError } from './errors';
import type { StoreFile } from './store';

const DEFAULT_PAGE = 100;
const RECENT = 5;

export class BookmarksService {
  /** The file is read and checked once; afterwards this process is its only writer. */
  private data: BookmarksFile;
  /** Bookmarks removed by this process, by id: what `restore` (undo) may put back. */
  private readonly removed = new Map<string, Bookmark>();

  /** `initial`: the file's content as already read and checked (see loadStoreFile). */
  constructor(
    private readonly file: StoreFile<BookmarksFile>,
    initial: BookmarksFile | null,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
    private readonly onChange: (change: BookmarkChange) => void = () => {},
  ) {
    this.data = initial ?? BookmarksFileSchema.parse(file.store);
  }

  private read(): BookmarksFile {
    return this.data;
  }

  private write(next: BookmarksFile): void {
    this.file.store = next;
    this.data = next;
  }

  list(input: BookmarkListInput = {}): BookmarkPage {
    const { bookmarks } = this.read();
    const text = input.text?.trim().toLocaleLowerCase() ?? '';
    const matches = bookmarks.filter(
      (b) =>
        (!input.kind || b.target.kind === input.kind) &&
        (!input.tag || b.tags.includes(input.tag)) &&
        (!input.noteId || ('noteId' in b.target && b.target.noteId === input.noteId)) &&
        (!text || searchableText(b).includes(text)),
    );
    const sort = input.sort ?? 'newest';
    const collator = new Intl.Collator(['zh', 'en'], { sensitivity: 'base', numeric: true });
    matches.sort((a, b) => (sort === 'title' ? collator.compare(a.title, b.title) || a.seq - b.seq : sort === 'oldest' ? a.seq - b.seq : b.seq - a.seq));
    const offset = input.offset ?? 0;
    const counts = new Map<string, number>();
    for (const bookmark of bookmarks) for (const tag of bookmark.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return {
      items: matches.slice(offset, offset + (input.limit ?? DEFAULT_PAGE)),
      total: matches.length,
      tags: [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    };
  }

  /** The bookmark on this target, if any. */
  findByTarget(target: Bookmark['target']): Bookmark | undefined {
    return this.read().bookmarks.find((b) => sameTarget(b.target, target));
  }

  /**
   * Puts imported records in (already checked and chosen: new, or newer than ours): a record
   * replaces ours with the same id or the same target, else it is added.
   */
  merge(records: readonly Bookmark[]): void {
    if (records.length === 0) return;
    const data = this.read();
    let bookmarks = [...data.bookmarks];
    let nextSeq = data.nextSeq;
    for (const record of records) {
      const replaced = bookmarks.filter((b) => b.id === record.id || sameTarget(b.target, record.target));
      for (const old of replaced) if (old.id !== record.id) this.onChange({ op: 'remove', id: old.id });
      bookmarks = [...bookmarks.filter((b) => !replaced.includes(b)), record];
      nextSeq = Math.max(nextSeq, record.seq + 1);
    }
    this.write({ ...data, nextSeq, bookmarks });
    for (const record of records) this.onChange({ op: 'upsert', bookmark: record });
  }

  /** Every bookmark, in creation order (for the live search index). */
  all(): Bookmark[] {
    return [...this.read().bookmarks];
  }

  summary(): BookmarkSummary {
    const { bookmarks } = this.read();
    // A Map, not an object: a note id such as "constructor" must not meet Object.prototype.
    const perNote = new Map<string, number>();
    for (const { target } of bookmarks) if ('noteId' in target) perNote.set(target.noteId, (perNote.get(target.noteId) ?? 0) + 1);
    const recent = [...bookmarks].sort((a, b) => b.seq - a.seq).slice(0, RECENT);
    return { total: bookmarks.length, perNote: Object.fromEntries(perNote), recent };
  }

  /** Adds a bookmark, or returns the one that already points at the same target. */
  add(input: BookmarkAdd): Bookmark {
    const data = this.read();
    const existing = data.bookmarks.find((b) => sameTarget(b.target, input.target));
    if (existing) return existing;
    const at = this.now().toISOString();
    const bookmark: Bookmark = {
      v: BOOKMARK_RECORD_VERSION,
      id: this.newId(),
      seq: data.nextSeq,
      revision: 1,
      target: input.target,
      title: input.title,
      tags: input.tags ?? [],
      comment: input.comment ?? '',
      createdAt: at,
      updatedAt: at,
    };
    this.write({ ...data, nextSeq: data.nextSeq + 1, bookmarks: [...data.bookmarks, bookmark] });
    this.onChange({ op: 'upsert', bookmark });
    return bookmark;
  }

  update(patch: BookmarkUpdate): Bookmark {
    const data = this.read();
    const index = data.bookmarks.findIndex((b) => b.id === patch.id);
    if (index < 0) throw new NotFoundError(`There is no bookmark ${patch.id}.`);
    const current = data.bookmarks[index]!;
    if (patch.revision !== current.revision) {
      throw new ConflictError(`The bookmark "${current.title}" was changed elsewhere (revision ${current.revision}, this edit was based on ${patch.revision}).`);
    }
    const next: Bookmark = {
      ...current,
      revision: current.revision + 1,
      title: patch.title ?? current.title,
      tags: patch.tags ?? current.tags,
      comment: patch.comment ?? current.comment,
      updatedAt: this.now().toISOString(),
    };
    const bookmarks = [...data.bookmarks];
    bookmarks[index] = next;
    this.write({ ...data, bookmarks });
    this.onChange({ op: 'upsert', bookmark: next });
    return next;
  }

  remove(id: string): Bookmark {
    const data = this.read();
    const removed = data.bookmarks.find((b) => b.id === id);
    if (!removed) throw new NotFoundError(`There is no bookmark ${id}.`);
    this.write({ ...data, bookmarks: data.bookmarks.filter((b) => b.id !== id) });
    this.removed.set(id, removed);
    this.onChange({ op: 'remove', id });
    return removed;
  }

  /**
   * Puts back a bookmark this process removed (undo), as it was, unless its target was bookmarked
   * again since (then that one is returned). Only ids removed here are accepted: a client cannot
   * write a record of its own making this way.
   */
  restore(id: string): Bookmark {
    const bookmark = this.removed.get(id);
    if (!bookmark) throw new NotFoundError(`There is no removed bookmark ${id} to restore.`);
    const data = this.read();
    const existing = data.bookmarks.find((b) => b.id === bookmark.id || sameTarget(b.target, bookmark.target));
    this.removed.delete(id);
    if (existing) return existing;
    this.write({ ...data, bookmarks: [...data.bookmarks, bookmark] });
    this.onChange({ op: 'upsert', bookmark });
    return bookmark;
  }

}

function searchableText(bookmark: Bookmark): string {
  const { target } = bookmark;
  const where = 'url' in target ? target.url : `${target.noteId} ${target.kind === 'section' ? target.sectionId : ''}`;
  return `${bookmark.title} ${bookmark.tags.join(' ')} ${bookmark.comment} ${where}`.toLocaleLowerCase();
}
