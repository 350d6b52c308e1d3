/** Messages between the UI and the search worker. */
import type { SearchAnswer } from '../../../shared/search/answer';
import type { SearchOptions } from '../../../shared/search/engine';
import type { UserDocumentChange, UserSearchDocument } from '../../../shared/search/user-documents';

export type ToSearchWorker =
  | { type: 'init'; bundleUrl: string; indexUrl: string }
  | { type: 'user-documents'; documents: UserSearchDocument[] }
  | { type: 'user-change'; change: UserDocumentChange }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type { SearchAnswer };

export type FromSearchWorker =
  | { type: 'ready'; documents: number; loadMs: number }
  | { type: 'failed'; message: string }
  | ({ type: 'results'; id: number } & SearchAnswer);
