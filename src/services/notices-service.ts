/**
 * The notices the user has not dismissed yet, kept in notices.json so they survive restarts. When
 * notices.json itself cannot be written (read-only), they are kept in memory for this run.
 */
import type { NoticesFile, StoreNotice } from '../shared/notices';
import { NotFoundError, ReadOnlyStoreError } from './errors';
import type { StoreFile } from './store';

const MAX_NOTICES = 500;

export class NoticesService {
  private data: NoticesFile;
  private listeners = new Set<(notices: StoreNotice[]) => void>();

  constructor(
    private readonly file: StoreFile<NoticesFile>,
    initial: NoticesFile,
  ) {
    this.data = initial;
  }

  list(): StoreNotice[] {
    return [...this.data.notices];
  }

  add(notices: readonly StoreNotice[]): void {
    if (notices.length === 0) return;
    const known = new Set(this.data.notices.map((notice) => notice.id));
    const fresh = notices.filter((notice) => !known.has(notice.id));
    this.write({ ...this.data, notices: [...this.data.notices, ...fresh].slice(-MAX_NOTICES) });
  }

  dismiss(id: string): StoreNotice[] {
    if (!this.data.notices.some((notice) => notice.id === id)) throw new NotFoundError(`There is no notice ${id}.`);
    this.write({ ...this.data, notices: this.data.notices.filter((notice) => notice.id !== id) });
    return this.list();
  }

  /** Called with the whole list after every change. */
  onChange(listener: (notices: StoreNotice[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(next: NoticesFile): void {
    try {
      this.file.store = next;
    } catch (error) {
      if (!(error instanceof ReadOnlyStoreError)) throw error;
    }
    this.data = next;
    for (const listener of this.listeners) listener(this.list());
  }
}
