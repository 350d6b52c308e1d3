/** The app's one search worker, started on first use, and its readiness for the UI. */
import type { SearchOptions, SearchResult } from '../../../shared/search/engine';
import type { Language } from '../../../shared/settings';
import { SearchClient, type SearchStatus } from './search-client';
import { SearchState } from './search-state.svelte';

export class SearchService {
  status = $state<SearchStatus>('loading');
  detail = $state('');
  private client: SearchClient | null = null;

  constructor(private readonly language: () => Language) {}

  start(): void {
    this.client ??= new SearchClient((status, detail) => {
      this.status = status;
      this.detail = detail ?? '';
    });
  }

  search(query: string, options: SearchOptions): Promise<SearchResult[] | null> {
    this.start();
    return this.client!.search(query, options);
  }

  newSearch(): SearchState {
    return new SearchState(this, this.language);
  }
}
