/**
 * The search worker: loads the prebuilt lunr index and the content bundle once, keeps the live
 * index of the user's own records (bookmarks now; annotations, saved pages and notes later) up to
 * date one document at a time, and answers queries over both as one ranked list, so typing never
 * waits on the UI thread.
 */
import type { ContentBundle } from '../../../shared/content';
import type { SerializedSearchIndex } from '../../../shared/search/build-index';
import { searchDocumentsFromBundle, SEARCH_KINDS } from '../../../shared/search/documents';
import { SearchEngine, type SearchOptions, type SearchResult } from '../../../shared/search/engine';
import { mergeResults, UserIndex, USER_DOCUMENT_KINDS } from '../../../shared/search/user-index';
import type { FromSearchWorker, SearchAnswer, ToSearchWorker } from './search-protocol';

let engine: SearchEngine | null = null;
const userIndex = new UserIndex();
const post = (message: FromSearchWorker): void => postMessage(message);

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Both indexes, each asked only for the kinds the filter allows, merged into one list. */
function answer(bundled: SearchEngine, query: string, options: SearchOptions): SearchAnswer {
  const limit = options.limit ?? 10;
  const kinds = options.kinds ?? [];
  const wants = (kind: string): boolean => kinds.length === 0 || (kinds as readonly string[]).includes(kind);
  const bundledKinds = SEARCH_KINDS.filter(wants);
  const bundledResults: SearchResult[] = bundledKinds.length > 0 ? bundled.search(query, { ...options, kinds: bundledKinds }) : [];
  // The user's records have no category: a category filter leaves them out.
  const userKinds = USER_DOCUMENT_KINDS.filter(wants);
  const userResults = userKinds.length > 0 && !(options.categories && options.categories.length > 0)
    ? userIndex.search(query, { limit, kinds: userKinds })
    : [];
  const results = mergeResults(bundledResults, userResults, limit);
  return { results, suggestion: results.length === 0 ? bundled.suggest(query) : null };
}

addEventListener('message', (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      const started = performance.now();
      Promise.all([fetchJson<ContentBundle>(message.bundleUrl), fetchJson<SerializedSearchIndex>(message.indexUrl)])
        .then(([bundle, index]) => {
          const documents = searchDocumentsFromBundle(bundle);
          engine = SearchEngine.load(index, documents);
          post({ type: 'ready', documents: documents.length, loadMs: performance.now() - started });
        })
        .catch((error: unknown) => post({ type: 'failed', message: (error as Error).message }));
      return;
    }
    case 'user-documents':
      userIndex.reset(message.documents);
      return;
    case 'user-change':
      userIndex.apply(message.change);
      return;
    case 'search': {
      if (!engine) return;
      const started = performance.now();
      post({ type: 'results', id: message.id, tookMs: performance.now() - started, ...answer(engine, message.query, message.options) });
      return;
    }
  }
});
