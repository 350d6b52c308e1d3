/**
 * Saving pages for offline study, as the UI sees it: start a save (any link or URL), follow its
 * progress from the back end's `task.progress` events, cancel it; list, re-fetch and delete saved
 * pages. One instance for the app, so a save started in the reader shows its progress anywhere.
 */
import type { AtlasApi, TaskProgress } from '../../../shared/api';
import type { SavedPage } from '../../../shared/saved-pages';

export interface RunningSave {
  taskId: string;
  url: string;
  progress: TaskProgress | null;
}

let taskCounter = 0;

export class SavedPages {
  running = $state<RunningSave[]>([]);
  pages = $state<SavedPage[]>([]);
  text = $state('');
  loaded = $state(false);

  constructor(
    private readonly api: AtlasApi,
    private readonly report: (message: string, action?: { label: string; run: () => void | Promise<void> }) => void,
  ) {}

  /** Follows task progress; returns the unsubscribe. */
  follow(): () => void {
    return this.api.on('task.progress', (progress) => {
      this.running = this.running.map((task) => (task.taskId === progress.taskId ? { ...task, progress } : task));
    });
  }

  async load(): Promise<void> {
    const result = await this.api.savedPages.list({ text: this.text.trim() || undefined });
    if (result.ok) {
      this.pages = result.value;
      this.loaded = true;
    } else this.report(result.error.message);
  }

  /** Saves a page; resolves with it, or null (the reason was reported). */
  async save(url: string, messages: { saved: (title: string) => string }): Promise<SavedPage | null> {
    const taskId = `save-${Date.now().toString(36)}-${++taskCounter}`;
    this.running = [...this.running, { taskId, url, progress: null }];
    const result = await this.api.savedPages.save({ url, taskId });
    this.running = this.running.filter((task) => task.taskId !== taskId);
    if (!result.ok) {
      this.report(result.error.message);
      return null;
    }
    this.report(messages.saved(result.value.title));
    void this.load();
    return result.value;
  }

  async cancel(taskId: string): Promise<void> {
    await this.api.savedPages.cancel({ taskId });
  }

  /** Fetches a page again; resolves with what changed. */
  async refetch(page: SavedPage): Promise<{ page: SavedPage; previous: SavedPage } | null> {
    const taskId = `refetch-${Date.now().toString(36)}-${++taskCounter}`;
    this.running = [...this.running, { taskId, url: page.url, progress: null }];
    const result = await this.api.savedPages.refetch({ id: page.id, taskId });
    this.running = this.running.filter((task) => task.taskId !== taskId);
    if (!result.ok) {
      this.report(result.error.message);
      return null;
    }
    await this.load();
    return result.value;
  }

  async remove(page: SavedPage, messages: { removed: string; undo: string }): Promise<void> {
    const result = await this.api.savedPages.remove({ id: page.id });
    if (!result.ok) return this.report(result.error.message);
    await this.load();
    this.report(messages.removed, {
      label: messages.undo,
      run: async () => {
        const restored = await this.api.savedPages.restore({ id: page.id });
        if (!restored.ok) this.report(restored.error.message);
        await this.load();
      },
    });
  }
}
