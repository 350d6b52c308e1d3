/** The bundled knowledge base, fetched once from the app's own files and shared by every view. */
import type { ContentBundle, Note } from '../../shared/content';

export const CONTENT_BUNDLE_URL = './content/bundle.json';
export const SEARCH_INDEX_URL = './content/search-index.json';

export class ContentState {
  bundle = $state<ContentBundle | null>(null);
  error = $state<string | null>(null);
  private loading: Promise<void> | null = null;

  notesById = $derived(new Map((this.bundle?.notes ?? []).map((note) => [note.id, note])));

  load(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const response = await fetch(CONTENT_BUNDLE_URL);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.bundle = (await response.json()) as ContentBundle;
      } catch (error) {
        this.error = (error as Error).message;
        this.loading = null;
      }
    })();
    return this.loading;
  }

  note(id: string): Note | undefined {
    return this.notesById.get(id);
  }
}
