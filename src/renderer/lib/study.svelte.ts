/**
 * The renderer's view of the user's study records: the bookmark summary and reading progress for
 * the library, the bookmarks that touch the note being read, and a toast with an optional undo.
 * Every change goes through the services; this class only mirrors what they answer.
 */
import type { AtlasApi } from '../../shared/api';
import type { Result } from '../../shared/result';
import {
  sameTarget,
  type Bookmark,
  type BookmarkSummary,
  type BookmarkTarget,
  type Progress,
  type ProgressOverview,
  type ProgressSave,
} from '../../shared/study';

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const TOAST_MS = 6000;

export class StudyState {
  summary = $state<BookmarkSummary | null>(null);
  progress = $state<ProgressOverview | null>(null);
  /** Bookmarks of the open note (its sections too) and of library links, to show toggles pressed. */
  known = $state<Bookmark[]>([]);
  toast = $state<Toast | null>(null);
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private toastSeq = 0;

  constructor(private readonly api: AtlasApi) {}

  /** Unwraps a result, or shows its error and returns null. */
  unwrap<T>(result: Result<T>): T | null {
    if (result.ok) return result.value;
    this.notify(result.error.message);
    return null;
  }

  notify(message: string, action?: Toast['action']): void {
    clearTimeout(this.toastTimer);
    this.toast = { id: ++this.toastSeq, message, action };
    this.toastTimer = setTimeout(() => (this.toast = null), TOAST_MS);
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }

  async load(): Promise<void> {
    const [summary, progress] = await Promise.all([this.api.bookmarks.summary(), this.api.progress.overview()]);
    this.summary = this.unwrap(summary) ?? this.summary;
    this.progress = this.unwrap(progress) ?? this.progress;
  }

  /** Loads the bookmarks a note's reader shows as pressed toggles. */
  async loadForNote(noteId: string): Promise<void> {
    const [ofNote, links] = await Promise.all([
      this.api.bookmarks.list({ noteId, limit: 500 }),
      this.api.bookmarks.list({ kind: 'link', limit: 500 }),
    ]);
    const a = this.unwrap(ofNote);
    const b = this.unwrap(links);
    if (a && b) this.known = [...a.items, ...b.items];
  }

  find(target: BookmarkTarget): Bookmark | undefined {
    return this.known.find((bookmark) => sameTarget(bookmark.target, target));
  }

  /** Adds a bookmark for the target, or removes the one there is. Returns whether it is now bookmarked. */
  async toggle(target: BookmarkTarget, title: string, messages: { added: string; removed: string; undo: string }): Promise<boolean> {
    const existing = this.find(target);
    if (existing) {
      const removed = this.unwrap(await this.api.bookmarks.remove({ id: existing.id }));
      if (!removed) return true;
      this.known = this.known.filter((b) => b.id !== removed.id);
      this.notify(messages.removed, { label: messages.undo, run: async () => void (await this.restore(removed.id)) });
      void this.load();
      return false;
    }
    const added = this.unwrap(await this.api.bookmarks.add({ target, title }));
    if (!added) return false;
    this.known = [...this.known.filter((b) => b.id !== added.id), added];
    this.notify(messages.added);
    void this.load();
    return true;
  }

  /** Undoes a remove made in this session. */
  async restore(id: string): Promise<Bookmark | null> {
    const restored = this.unwrap(await this.api.bookmarks.restore({ id }));
    if (restored) {
      this.known = [...this.known.filter((b) => b.id !== restored.id), restored];
      this.dismissToast();
      void this.load();
    }
    return restored;
  }

  progressOf(noteId: string): Progress | undefined {
    return this.progress?.notes[noteId];
  }

  async saveProgress(input: ProgressSave): Promise<void> {
    const saved = await this.api.progress.save(input);
    if (saved.ok && this.progress) {
      this.progress = { notes: { ...this.progress.notes, [input.noteId]: saved.value }, last: saved.value };
    }
  }

  async markRead(noteId: string, read: boolean): Promise<void> {
    const marked = this.unwrap(await this.api.progress.mark({ noteId, read }));
    if (marked && this.progress) this.progress = { ...this.progress, notes: { ...this.progress.notes, [noteId]: marked } };
  }

  async resetProgress(noteId?: string): Promise<void> {
    const overview = this.unwrap(await this.api.progress.reset(noteId === undefined ? {} : { noteId }));
    if (overview) this.progress = overview;
  }
}
