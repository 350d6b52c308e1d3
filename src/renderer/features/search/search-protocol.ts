/** Messages between the UI and the search worker. */
import type { SearchOptions, SearchResult } from '../../../shared/search/engine';
import type { UserDocumentChange, UserSearchDocument } from '../../../shared/search/user-documents';

export type ToSearchWorker =
  | { type: 'init'; bundleUrl: string; indexUrl: string }
  | { type: 'user-documents'; documents: UserSearchDocument[] }
  | { type: 'user-change'; change: UserDocumentChange }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export interface SearchAnswer {
  results: SearchResult[];
  /** "Did you mean …" when nothing was found and a one-typo neighbour exists. */
  suggestion: string | null;
}

export type FromSearchWorker =
  | { type: 'ready'; documents: number; loadMs: number }
  | { type: 'failed'; message: string }
  | ({ type: 'results'; id: number; tookMs: number } & SearchAnswer);
