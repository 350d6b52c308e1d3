/**
 * Talks to the search worker. Only the newest query matters: an answer to an older one is dropped,
 * so fast typing never shows stale results.
 */
import type { SearchOptions } from '../../../shared/search/engine';
import type { UserDocumentChange, UserSearchDocument } from '../../../shared/search/user-documents';
import { CONTENT_BUNDLE_URL, SEARCH_INDEX_URL } from '../../lib/content.svelte';
import type { FromSearchWorker, SearchAnswer, ToSearchWorker } from './search-protocol';

export type SearchStatus = 'loading' | 'ready' | 'failed';

export class SearchClient {
  private readonly worker: Worker;
  private latest = 0;
  private readonly waiting = new Map<number, (answer: SearchAnswer | null) => void>();
  readonly ready: Promise<void>;

  constructor(onStatus: (status: SearchStatus, detail?: string) => void) {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('message', (event: MessageEvent<FromSearchWorker>) => {
        const message = event.data;
        if (message.type === 'ready') {
          onStatus('ready');
          resolve();
        } else if (message.type === 'failed') {
          onStatus('failed', message.message);
          reject(new Error(message.message));
        } else {
          const settle = this.waiting.get(message.id);
          this.waiting.delete(message.id);
          settle?.(message.id === this.latest ? { results: message.results, suggestion: message.suggestion } : null);
        }
      });
    });
    this.ready.catch(() => undefined);
    const base = document.baseURI;
    this.post({ type: 'init', bundleUrl: new URL(CONTENT_BUNDLE_URL, base).href, indexUrl: new URL(SEARCH_INDEX_URL, base).href });
  }

  private post(message: ToSearchWorker): void {
    this.worker.postMessage(message);
  }

  /** Replaces the live index of the user's records. */
  setUserDocuments(documents: UserSearchDocument[]): void {
    this.post({ type: 'user-documents', documents });
  }

  /** One record of the user's changed. */
  applyUserChange(change: UserDocumentChange): void {
    this.post({ type: 'user-change', change });
  }

  /** The answer, or null when a newer query was asked in the meantime. */
  async search(query: string, options: SearchOptions): Promise<SearchAnswer | null> {
    const id = ++this.latest;
    await this.ready;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      // Plain copies: reactive proxies cannot cross postMessage.
      const plain: SearchOptions = { ...options, kinds: options.kinds && [...options.kinds], categories: options.categories && [...options.categories] };
      this.post({ type: 'search', id, query, options: plain });
    });
  }
}
