/**
 * One answer from both indexes, as the search worker gives it: the bundled engine and the live user
 * index are each asked only for the kinds the filter allows (so the limit is filled with those), and
 * their lists are merged into one ranking; a query that finds nothing gets "did you mean …".
 */
import { SEARCH_KINDS } from './documents';
import type { SearchEngine, SearchOptions, SearchResult } from './engine';
import { mergeResults, USER_DOCUMENT_KINDS, type UserIndex } from './user-index';

export interface SearchAnswer {
  results: SearchResult[];
  /** "Did you mean …" when nothing was found and a one-typo neighbour exists. */
  suggestion: string | null;
}

export function answerQuery(bundled: SearchEngine, user: UserIndex, query: string, options: SearchOptions): SearchAnswer {
  const limit = options.limit ?? 10;
  const kinds = options.kinds ?? [];
  const wants = (kind: string): boolean => kinds.length === 0 || (kinds as readonly string[]).includes(kind);
  const bundledKinds = SEARCH_KINDS.filter(wants);
  const bundledResults = bundledKinds.length > 0 ? bundled.search(query, { ...options, kinds: bundledKinds }) : [];
  // The user's records have no category: a category filter leaves them out.
  const userKinds = USER_DOCUMENT_KINDS.filter(wants);
  const userResults = userKinds.length > 0 && !(options.categories && options.categories.length > 0) ? user.search(query, { limit, kinds: userKinds }) : [];
  const results = mergeResults(bundledResults, userResults, limit);
  return { results, suggestion: results.length === 0 ? bundled.suggest(query) : null };
}
