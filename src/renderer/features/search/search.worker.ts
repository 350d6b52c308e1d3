/**
 * The search worker: loads the prebuilt lunr index and the content bundle once, keeps the live
 * index of the user's own records (bookmarks, annotations, saved pages; their own notes later) up to
 * date one document at a time, and answers queries over both as one ranked list, so typing never
 * waits on the UI thread.
 */
import type { ContentBundle } from '../../../shared/content';
import type { SerializedSearchIndex } from '../../../shared/search/build-index';
import { answerQuery } from '../../../shared/search/answer';
import { searchDocumentsFromBundle } from '../../../shared/search/documents';
import { SearchEngine } from '../../../shared/search/engine';
import { UserIndex } from '../../../shared/search/user-index';
import type { FromSearchWorker, ToSearchWorker } from './search-protocol';

let engine: SearchEngine | null = null;
const userIndex = new UserIndex();
const post = (message: FromSearchWorker): void => postMessage(message);

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
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
    case 'search':
      if (engine) post({ type: 'results', id: message.id, ...answerQuery(engine, userIndex, message.query, message.options) });
      return;
  }
});
