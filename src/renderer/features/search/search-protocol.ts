/** Messages between the UI and the search worker. */
import type { SearchOptions, SearchResult } from '../../../shared/search/engine';

export type ToSearchWorker =
  | { type: 'init'; bundleUrl: string; indexUrl: string }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type FromSearchWorker =
  | { type: 'ready'; documents: number; loadMs: number }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; results: SearchResult[]; tookMs: number };
