/**
 * The app's one search worker, started on first use, and its readiness for the UI. It also feeds
 * the worker's live index: all of the user's records once, then each change the back end reports.
 */
import type { AtlasApi } from '../../../shared/api';
import type { SearchOptions } from '../../../shared/search/engine';
import type { Language } from '../../../shared/settings';
import { SearchClient, type SearchStatus } from './search-client';
import type { SearchAnswer } from './search-protocol';
import { SearchState } from './search-state.svelte';

export class SearchService {
  status = $state<SearchStatus>('loading');
  detail = $state('');
  private client: SearchClient | null = null;

  constructor(
    private readonly language: () => Language,
    private readonly api: AtlasApi,
  ) {}

  start(): void {
    if (this.client) return;
    const client = new SearchClient((status, detail) => {
      this.status = status;
      this.detail = detail ?? '';
    });
    this.client = client;
    // Subscribe before loading, so no change falls between the snapshot and the stream.
    this.api.on('search.userDocument', (change) => client.applyUserChange(change));
    void this.api.search.userDocuments().then((result) => {
      if (result.ok) client.setUserDocuments(result.value);
    });
  }

  search(query: string, options: SearchOptions): Promise<SearchAnswer | null> {
    this.start();
    return this.client!.search(query, options);
  }

  newSearch(): SearchState {
    return new SearchState(this, this.language);
  }
}
